// A text a scenario carries for the committee note (its name, description, assumptions, sources,
// strategy descriptions, centre, intersection, boundary and link names), given either as a plain
// string or per language: {"fr": "...", "en": "..."}, one of the two or both. The note asks
// Text(language) and marks a text that is not in its language; code that needs one fixed string
// (ids in messages, CSV and JSON outputs) asks Default, the French text first, as the committee
// reads French. A plain string converts implicitly, so code building scenarios stays unchanged.
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SignalSim.Core.Scenario;

[JsonConverter(typeof(LocalizedTextConverter))]
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    public const string French = "fr";
    public const string English = "en";
    public static readonly IReadOnlyList<string> Languages = [French, English];

    private readonly string? _plain;

    private LocalizedText(string? plain, string? fr, string? en)
    {
        _plain = plain;
        Fr = fr;
        En = en;
    }

    /// <summary>A text given as a plain string: its language is not declared.</summary>
    public static LocalizedText Plain(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), null, null);

    /// <summary>A text per language; at least one of them.</summary>
    public static LocalizedText Of(string? fr, string? en) =>
        fr is null && en is null ? throw new ArgumentException("a localised text needs French, English or both") : new(null, fr, en);

    public static implicit operator LocalizedText(string text) => Plain(text);

    /// <summary>True for a plain string, whose language is not declared.</summary>
    public bool IsPlain => _plain is not null;

    public string? Fr { get; }
    public string? En { get; }

    /// <summary>The one string for outputs that are not in a language (CSV, summary.json, messages): French first.</summary>
    public string Default => _plain ?? Fr ?? En!;

    /// <summary>The text in <paramref name="language"/>, or in the other language when it exists in one only.</summary>
    public string Text(string language) => _plain ?? (language == English ? En ?? Fr : Fr ?? En)!;

    /// <summary>True when the text is declared in <paramref name="language"/> (a plain string is declared in none).</summary>
    public bool Has(string language) => language switch
    {
        French => Fr is not null,
        English => En is not null,
        _ => false,
    };

    /// <summary>The language Text(language) is written in, null for a plain string.</summary>
    public string? LanguageOf(string language) => IsPlain ? null : Has(language) ? language : Has(French) ? French : English;

    public override string ToString() => Default;

    public bool Equals(LocalizedText? other) => other is not null && other._plain == _plain && other.Fr == Fr && other.En == En;

    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    public override int GetHashCode() => HashCode.Combine(_plain, Fr, En);

    /// <summary>The JSON Schema of a text: a string, or an object with "fr" and/or "en".</summary>
    public static JsonObject Schema(string? description, bool nullable)
    {
        var perLanguage = new JsonObject
        {
            ["description"] = "The text per language: French (fr), English (en) or both; the note in one language says when the text exists only in the other.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                [French] = new JsonObject { ["description"] = "The text in French.", ["type"] = "string" },
                [English] = new JsonObject { ["description"] = "The text in English.", ["type"] = "string" },
            },
            ["minProperties"] = 1,
            ["additionalProperties"] = false,
        };
        // Added as JsonNode: JsonArray.Add<T> would go through reflection-based serialisation.
        var forms = new JsonArray((JsonNode)new JsonObject { ["description"] = "The text in one language, not declared.", ["type"] = "string" }, perLanguage);
        if (nullable) forms.Add((JsonNode)new JsonObject { ["type"] = "null" });
        var node = new JsonObject();
        if (description is not null) node["description"] = description;
        node["oneOf"] = forms;
        return node;
    }
}

/// <summary>Reads a string or {"fr", "en"}; writes a plain text as a string and a localised one as the object.</summary>
public sealed class LocalizedTextConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return LocalizedText.Plain(reader.GetString()!);
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("wrong value for a text: expected a text in quotes, or {\"fr\": \"...\", \"en\": \"...\"}");
        string? fr = null, en = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var language = reader.GetString();
            reader.Read();
            if (language is not (LocalizedText.French or LocalizedText.English))
                throw new JsonException($"unknown language '{language}' in a text; give \"fr\" (French), \"en\" (English) or both");
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException($"wrong value for '{language}': expected a text in quotes");
            if (language == LocalizedText.French) fr = reader.GetString();
            else en = reader.GetString();
        }
        if (fr is null && en is null) throw new JsonException("empty text object; give \"fr\" (French), \"en\" (English) or both");
        return LocalizedText.Of(fr, en);
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        if (value.IsPlain)
        {
            writer.WriteStringValue(value.Default);
            return;
        }
        writer.WriteStartObject();
        if (value.Fr is not null) writer.WriteString(LocalizedText.French, value.Fr);
        if (value.En is not null) writer.WriteString(LocalizedText.English, value.En);
        writer.WriteEndObject();
    }
}
