// Source-generated System.Text.Json metadata for the scenario format: the loader, the
// scenario.json writer, the range check and the schema read the scenario types through it, so
// no serialiser code is emitted at run time and the published executable can be compiled ahead
// of time and trimmed. The options here are those of ScenarioJson.Options (which adds the enum
// converters); a test checks that both give the same names.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SignalSim.Core.Scenario;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict,
    WriteIndented = true)]
[JsonSerializable(typeof(ScenarioFile))]
[JsonSerializable(typeof(StrategySpec))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
