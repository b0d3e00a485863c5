// Reading the fields of SignalSim's own shard files with messages that name the file and the
// field, so a damaged shard is reported as such instead of as a crash.
using System.Text.Json;

namespace SignalSim.Analysis.Sharding;

internal static class JsonFields
{
    public static JsonElement Get(JsonElement obj, string name, string where) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value)
            ? value
            : throw new ShardFileException($"{where}: field '{name}' is missing; the shard is truncated or damaged: run it again");

    public static string String(JsonElement obj, string name, string where) => AsString(Get(obj, name, where), name, where);

    public static string AsString(JsonElement e, string name, string where) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Wrong(name, "text", where);

    public static int Int(JsonElement obj, string name, string where) => AsInt(obj.ValueKind == JsonValueKind.Object ? Get(obj, name, where) : obj, name, where);

    public static int AsInt(JsonElement e, string name, string where) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v) ? v : throw Wrong(name, "a whole number", where);

    public static ulong ULong(JsonElement obj, string name, string where)
    {
        var e = obj.ValueKind == JsonValueKind.Object ? Get(obj, name, where) : obj;
        return e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out var v) ? v : throw Wrong(name, "a seed (whole number)", where);
    }

    public static bool Bool(JsonElement obj, string name, string where) => Get(obj, name, where).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Wrong(name, "true or false", where),
    };

    public static double? NullableDouble(JsonElement obj, string name, string where) => AsNullableDouble(Get(obj, name, where), name, where);

    /// <summary>Numbers as written by Utf8JsonWriter (shortest round-trip form), so a value reads back to the same bits.</summary>
    public static double? AsNullableDouble(JsonElement e, string name, string where) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String when e.GetString() is "NaN" => double.NaN,
        JsonValueKind.String when e.GetString() is "Infinity" => double.PositiveInfinity,
        JsonValueKind.String when e.GetString() is "-Infinity" => double.NegativeInfinity,
        _ => throw Wrong(name, "a number or null", where),
    };

    public static double Double(JsonElement obj, string name, string where) =>
        AsNullableDouble(Get(obj, name, where), name, where) ?? throw Wrong(name, "a number", where);

    public static IEnumerable<JsonElement> Array(JsonElement obj, string name, string where)
    {
        var e = Get(obj, name, where);
        return e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : throw Wrong(name, "a list", where);
    }

    /// <summary>Writes a double so that it reads back to the same bits (non-finite values as their names).</summary>
    public static void WriteDouble(Utf8JsonWriter json, string name, double? value)
    {
        if (value is not { } v) json.WriteNull(name);
        else if (double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteString(name, double.IsNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }

    private static ShardFileException Wrong(string name, string kind, string where) =>
        new($"{where}: field '{name}' is not {kind}; the shard is damaged: run it again");
}
