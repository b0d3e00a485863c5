// Source-generated System.Text.Json metadata for the label files (one flat map of key to text per
// language, comments allowed), so reading them needs no reflection and no code emitted at run time.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SignalSim.Charts.Labels;

[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class LabelsJsonContext : JsonSerializerContext;
