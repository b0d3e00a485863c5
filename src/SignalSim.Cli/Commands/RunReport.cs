// The short human report `run` prints on stdout: what ran, trips and mean times per mode,
// pedestrians' waits, each public-transport line's travel time, and where the files are. The
// files hold the full figures; this is for a glance.
using System.Globalization;
using SignalSim.Core.Output;

namespace SignalSim.Cli.Commands;

internal static class RunReport
{
    public static void Write(TextWriter w, RunSummary s, string folder, IReadOnlyList<string> files)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(c, $"{s.Source}: scenario '{s.Scenario}', seed {s.Seed}, {s.DurationS:0.###} s measured after {s.WarmupS:0.###} s of warm-up, then {s.CooldownS:0.###} s of cool-down"));
        foreach (var m in s.Modes)
        {
            var unfinished = m.Unfinished > 0 ? string.Create(c, $"; {m.Unfinished} unfinished at the end") : "";
            w.WriteLine(m.Trips == 0
                ? $"  {m.Mode}: no completed trip{unfinished}"
                : string.Create(c, $"  {m.Mode}: {m.Trips} trips, mean travel time {m.MeanTravelTimeS:0.0} s, mean delay {m.MeanDelayS:0.0} s, {m.MeanStops:0.00} stops{unfinished}"));
        }
        if (s.Pedestrians.Crossings.Count > 0)
        {
            var p = s.Pedestrians.All;
            w.WriteLine(p.Crossed == 0
                ? "  pedestrians: nobody crossed"
                : string.Create(c, $"  pedestrians: {p.Crossed} crossed, mean wait {p.MeanWaitS:0.0} s, p95 {p.P95WaitS:0.0} s, {p.ShareWaitingOver60S:0.0%} waited over 60 s"));
        }
        foreach (var l in s.Lines)
        {
            w.WriteLine(l.Trips == 0
                ? $"  line {l.Line} ({l.Mode}): no completed trip"
                : string.Create(c, $"  line {l.Line} ({l.Mode}): {l.Trips} trips, mean travel time {l.MeanTravelTimeS:0.0} s"));
        }
        var v = s.Vehicles;
        w.WriteLine(string.Create(c, $"  vehicles: {v.Entered} entered, {v.InNetworkAtEnd} still in the network and {v.WaitingAtEntriesAtEnd} waiting at entries at the end"));
        w.WriteLine($"results in {folder}: {string.Join(", ", files)}");
    }
}
