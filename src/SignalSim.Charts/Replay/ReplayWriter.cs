// replay.html: the street replayed. One self-contained page (HTML, CSS and JavaScript on a
// canvas, nothing fetched) showing two runs side by side in sync, e.g. the baseline's and a
// strategy's replication 1: the network to scale from x_m/y_m, every vehicle moving (coloured by
// mode), the signal heads changing, each regulation centre's area shaded, with play, pause,
// speed and a time slider. Data are embedded compactly: per run, one frame per recorded second,
// each vehicle as 3 bytes (link index in 13 bits and mode in 3, position along the link in
// 1/255ths), base64-encoded; signal states as their changes.
using System.Globalization;
using System.Text;
using System.Text.Json;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;

namespace SignalSim.Charts.Replay;

/// <summary>One run to replay: its name and its simulation, recorded with trajectories every second of the window.</summary>
public sealed record ReplayRun(string Name, SimulationResult Result);

public static class ReplayWriter
{
    public const string FileName = "replay.html";

    /// <summary>Modes in the order of their 3-bit code in the data.</summary>
    public static readonly IReadOnlyList<string> Modes = ["car", "bus", "tram", "cycle"];

    /// <summary>Offset of a direction's drawing from the link's centre line, in metres (right-hand traffic).</summary>
    private const double SideOffsetM = 4;

    /// <summary>Writes replay.html for runs of the same scenario (same network); returns its size in bytes.</summary>
    /// <exception cref="ArgumentException">The scenario gives no coordinates, or a run recorded no trajectory.</exception>
    public static long Write(string path, ScenarioFile scenario, IReadOnlyList<ReplayRun> runs, string language)
    {
        var nodes = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var x in scenario.Intersections) if (x.XM is { } xm && x.YM is { } ym) nodes[x.Id] = (xm, ym);
        foreach (var b in scenario.Boundaries) if (b.XM is { } xm && b.YM is { } ym) nodes[b.Id] = (xm, ym);
        var model = runs[0].Result.Model;
        var links = new List<double[]>();
        foreach (var id in model.LinkIds)
        {
            var spec = scenario.Links.First(l => l.Id == id);
            if (!nodes.TryGetValue(spec.From, out var a) || !nodes.TryGetValue(spec.To, out var b))
                throw new ArgumentException($"scenario '{scenario.Name.Default}' gives no x_m / y_m for '{spec.From}' or '{spec.To}'; the replay draws the network from them");
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var len = Math.Max(1e-6, Math.Sqrt(dx * dx + dy * dy));
            var (ox, oy) = (dy / len * SideOffsetM, -dx / len * SideOffsetM); // to the right of the direction of travel
            links.Add([Math.Round(a.X + ox, 1), Math.Round(a.Y + oy, 1), Math.Round(b.X + ox, 1), Math.Round(b.Y + oy, 1), spec.LengthM]);
        }

        // A signal head per (approach link, group): drawn just before the link's end.
        var heads = new List<int[]>();
        var groupIndex = new Dictionary<(string, string), int>();
        for (var g = 0; g < model.GroupIntersection.Length; g++)
        {
            // Group ids in the model are qualified "intersection/group".
            var owner = model.IntersectionIds[model.GroupIntersection[g]];
            var id = model.GroupIds[g];
            groupIndex[(owner, id.StartsWith(owner + "/", StringComparison.Ordinal) ? id[(owner.Length + 1)..] : id)] = g;
        }
        var linkIndex = model.LinkIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        foreach (var x in scenario.Intersections)
        {
            foreach (var (from, group) in x.Movements.Select(m => (m.From, m.Group)).Distinct())
            {
                if (!linkIndex.TryGetValue(from, out var li) || !groupIndex.TryGetValue((x.Id, group), out var g)) continue;
                heads.Add([li, g]);
            }
        }

        var centres = scenario.Centres.Select(c =>
        {
            var pts = scenario.Intersections.Where(i => i.Centre == c.Id && i.XM is not null && i.YM is not null).Select(i => (X: i.XM!.Value, Y: i.YM!.Value)).ToList();
            return pts.Count == 0 ? null : new ReplayCentre(c.Name is { } n ? n.Text(language) : c.Id,
                [pts.Min(p => p.X) - 60, pts.Min(p => p.Y) - 60, pts.Max(p => p.X) + 60, pts.Max(p => p.Y) + 60]);
        }).OfType<ReplayCentre>().ToList();

        var encoded = runs.Select(r => Encode(r, Modes)).ToList();
        var startS = encoded.Min(e => e.StartS);
        var endS = encoded.Max(e => e.StartS + e.Frames - 1);
        var data = new ReplayData(scenario.Name.Text(language), Modes, links, heads, centres,
            [.. runs.Select((r, i) => new ReplayRunData(r.Name, encoded[i].StartS, encoded[i].Frames, encoded[i].Counts, encoded[i].Vehicles, encoded[i].Signals))],
            startS, endS);
        var json = JsonSerializer.Serialize(data, ReplayJsonContext.Default.ReplayData).Replace("</", "<\\/", StringComparison.Ordinal);
        var html = ReplayPage.Template.Replace("/*DATA*/null", json, StringComparison.Ordinal)
            .Replace("<!--TITLE-->", System.Net.WebUtility.HtmlEncode(scenario.Name.Text(language)), StringComparison.Ordinal)
            .Replace("<!--LANG-->", language, StringComparison.Ordinal);
        File.WriteAllText(path, html, new UTF8Encoding(false));
        return new FileInfo(path).Length;
    }

    private sealed record Encoded(int StartS, int Frames, string Counts, string Vehicles, int[][] Signals);

    private static Encoded Encode(ReplayRun run, IReadOnlyList<string> modes)
    {
        var m = run.Result.Model;
        var samples = run.Result.Records.Trajectories;
        if (samples.Count == 0) throw new ArgumentException($"run '{run.Name}' recorded no trajectory; record them for the replayed window");
        var first = (int)Math.Floor(samples[0].Ticks / 1000.0);
        var last = (int)Math.Floor(samples[^1].Ticks / 1000.0);
        var frames = last - first + 1;
        var counts = new byte[frames * 2];
        var bytes = new List<byte>(samples.Count * 3);
        var classMode = m.Classes.Select(c => modes.IndexOf(c.Mode.ToString().ToLowerInvariant())).ToArray();
        var lengths = m.LinkIds.Select((_, i) => Math.Max(1e-6, LinkLength(run, i))).ToArray();
        var frame = 0;
        var inFrame = 0;
        foreach (var s in samples)
        {
            var f = (int)Math.Floor(s.Ticks / 1000.0) - first;
            while (frame < f)
            {
                Put(counts, frame, inFrame);
                frame++;
                inFrame = 0;
            }
            var code = (s.Link & 0x1FFF) | (Math.Max(0, classMode[s.ClassIndex]) << 13);
            bytes.Add((byte)(code & 0xFF));
            bytes.Add((byte)(code >> 8));
            bytes.Add((byte)Math.Clamp((int)Math.Round(s.PositionM / lengths[s.Link] * 255), 0, 255));
            inFrame++;
        }
        Put(counts, frame, inFrame);
        var changes = new List<int[]>();
        var initial = run.Result.Records.InitialSignals;
        var signals = new List<int[]> { initial.Select(State).ToArray() };
        foreach (var c in run.Result.Records.SignalChanges) signals.Add([(int)c.Ticks, c.Group, State(c.State)]);
        return new Encoded(first, frames, Convert.ToBase64String(counts), Convert.ToBase64String(bytes.ToArray()), signals.ToArray());
    }

    private static double LinkLength(ReplayRun run, int link) => run.Result.Model.LinkLengthM[link];

    private static void Put(byte[] counts, int frame, int count)
    {
        counts[frame * 2] = (byte)(count & 0xFF);
        counts[frame * 2 + 1] = (byte)(count >> 8);
    }

    private static int State(SignalState s) => s switch { SignalState.Green => 0, SignalState.Amber => 1, _ => 2 };

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }

    /// <summary>Vehicles in the network at second <paramref name="timeS"/> of a run's records, as the replay draws them.</summary>
    public static int VehiclesAt(SimulationResult result, int timeS) =>
        result.Records.Trajectories.Count(s => (int)Math.Floor(s.Ticks / 1000.0) == timeS);

    internal static string Invariant(double v) => v.ToString(CultureInfo.InvariantCulture);
}
