// The JSON Schema of scenario files, generated from the scenario model types with the same
// serializer options the loader uses, so that the schema editors read cannot drift from what
// the loader accepts. The exporter already turns UnmappedMemberHandling.Disallow into
// "additionalProperties": false and C# required members into "required", so a misspelt or
// missing field is flagged while typing. scenarios/signalsim.schema.json is this output; a test
// keeps them equal.
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace SignalSim.Core.Scenario;

public static class ScenarioSchema
{
    public const string MetaSchema = "https://json-schema.org/draft/2020-12/schema";
    public const string Title = "SignalSim scenario";

    // Relaxed escaping keeps accents, units (m/s²) and arrows readable in editors' tooltips;
    // the file is read as data, never embedded in HTML.
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema as text: LF line endings and a final newline, ready to write to disk.</summary>
    public static string Generate() => GenerateNode().ToJsonString(WriteOptions) + "\n";

    public static JsonObject GenerateNode()
    {
        var exporter = new JsonSchemaExporterOptions
        {
            // Properties declared non-nullable are rejected as null by the loader
            // (RespectNullableAnnotations), so the schema must not allow null for them either.
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Transform,
        };
        var schema = ScenarioJson.Scenario.GetJsonSchemaAsNode(exporter).AsObject();
        schema.Insert(0, "$schema", MetaSchema);
        schema.Insert(1, "title", Title);
        return schema;
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        // A text for the note has its own converter (string or per language), which the exporter
        // cannot see through (it exports `true`): its schema is given whole.
        if (context.TypeInfo.Type == typeof(LocalizedText))
            return LocalizedText.Schema(DescriptionOf(context), context.PropertyInfo is { } text && text.IsSetNullable);
        if (schema is not JsonObject node) return schema; // true/false schemas carry no keywords we add

        var description = DescriptionOf(context);
        // The exporter drops the `true` items schema of a list of texts; put the text schema back.
        if (context.TypeInfo.ElementType == typeof(LocalizedText) && node["items"] is null) node["items"] = LocalizedText.Schema(null, nullable: false);
        if (description is not null) node.Insert(0, "description", description);

        if (context.PropertyInfo is { IsRequired: false } property && DefaultOf(property) is { } value) node["default"] = value;
        if (context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(PhysicalRangeAttribute), inherit: true)
                .OfType<PhysicalRangeAttribute>().FirstOrDefault() is { } range)
        {
            AddRange(NumberSchema(node), range);
        }
        return node;
    }

    /// <summary>The schema the range applies to: the property itself, or each element of a list or map of numbers.</summary>
    private static JsonObject NumberSchema(JsonObject node) =>
        node["items"] as JsonObject ?? node["additionalProperties"] as JsonObject ?? node;

    private static void AddRange(JsonObject node, PhysicalRangeAttribute range)
    {
        var integer = node["type"] is JsonNode type && type.ToJsonString().Contains("integer", StringComparison.Ordinal);
        node[range.MinimumExclusive ? "exclusiveMinimum" : "minimum"] = Bound(range.Minimum, integer);
        node[range.MaximumExclusive ? "exclusiveMaximum" : "maximum"] = Bound(range.Maximum, integer);
    }

    /// <summary>Integer bounds are written as integers (the seed's maximum is 2^64 − 1 exactly).</summary>
    private static JsonNode Bound(double value, bool integer) => integer switch
    {
        true when value >= 18446744073709551615d => JsonValue.Create(ulong.MaxValue),
        true => JsonValue.Create((long)value),
        false => JsonValue.Create(value),
    };

    /// <summary>A property's own description wins over the description of its type.</summary>
    private static string? DescriptionOf(JsonSchemaExporterContext context)
    {
        ICustomAttributeProvider? provider = context.PropertyInfo is { } p ? p.AttributeProvider : context.TypeInfo.Type;
        return provider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: true)
            .OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
    }

    private static readonly ConcurrentDictionary<Type, object?> Prototypes = new();

    /// <summary>
    /// The value an omitted optional field takes, read from a freshly constructed record, so the
    /// defaults shown in editors are the ones the loader really applies. Only scalars are shown:
    /// a default list or object would restate what its own properties' defaults already say.
    /// </summary>
    private static JsonNode? DefaultOf(JsonPropertyInfo property)
    {
        if (property.Get is null) return null;
        var prototype = Prototypes.GetOrAdd(property.DeclaringType, type => ScenarioJson.Options.GetTypeInfo(type).CreateObject?.Invoke());
        if (prototype is null) return null;
        var value = property.Get(prototype);
        if (value is null) return null;
        var node = JsonSerializer.SerializeToNode(value, ScenarioJson.Options.GetTypeInfo(property.PropertyType));
        return node is JsonValue ? node : null;
    }
}
