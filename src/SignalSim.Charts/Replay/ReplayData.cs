// The data embedded in replay.html, as named records so that System.Text.Json writes them from
// source-generated metadata (no reflection, nothing emitted at run time). Property order and
// names (camel case) are those the page's script reads.
using System.Text.Json.Serialization;

namespace SignalSim.Charts.Replay;

/// <param name="Links">Per link: x1, y1, x2, y2 of its drawn line (m) and its length (m).</param>
/// <param name="Heads">Per signal head: link index and signal-group index.</param>
internal sealed record ReplayData(string Title, IReadOnlyList<string> Modes, List<double[]> Links, List<int[]> Heads, List<ReplayCentre> Centres,
    List<ReplayRunData> Runs, int Start, int End);

/// <param name="Box">The area shaded for the centre: min x, min y, max x, max y (m).</param>
internal sealed record ReplayCentre(string Name, double[] Box);

internal sealed record ReplayRunData(string Name, int Start, int Frames, string Counts, string Vehicles, int[][] Signals);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReplayData))]
internal sealed partial class ReplayJsonContext : JsonSerializerContext;
