// The short human report `run` prints on stdout: what ran, trips and mean times per mode, and
// where the files are. The files hold the full figures; this is for a glance.
using System.Globalization;
using SignalSim.Core.Output;

namespace SignalSim.Cli.Commands;

internal static class RunReport
{
    public static void Write(TextWriter w, RunSummary s, string folder)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(c, $"{s.Source}: scenario '{s.Scenario}', seed {s.Seed}, {s.DurationS:0.###} s measured after {s.WarmupS:0.###} s of warm-up"));
        foreach (var m in s.Modes)
        {
            w.WriteLine(m.Trips == 0
                ? $"  {m.Mode}: no completed trip"
                : string.Create(c, $"  {m.Mode}: {m.Trips} trips, mean travel time {m.MeanTravelTimeS:0.0} s, mean delay {m.MeanDelayS:0.0} s, {m.MeanStops:0.00} stops"));
        }
        var v = s.Vehicles;
        w.WriteLine(string.Create(c, $"  vehicles: {v.Entered} entered, {v.InNetworkAtEnd} still in the network and {v.WaitingAtEntriesAtEnd} waiting at entries at the end"));
        w.WriteLine($"results in {folder}: {string.Join(", ", RunOutputWriter.FileNames)}");
    }
}
