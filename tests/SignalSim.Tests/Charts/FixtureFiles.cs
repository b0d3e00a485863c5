// Writes, from an in-memory run, trajectories.csv and crossings.csv for the chart fixtures, in the
// columns the chart readers document, so that a producer can be checked against these writers.
using System.Globalization;
using System.Text;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;

namespace SignalSim.Tests.Charts;

internal static class FixtureFiles
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void WriteTrajectories(SimulationResult r, string path)
    {
        var m = r.Model;
        var w = new StringBuilder("time_s,vehicle_id,mode,link,position_m,speed_mps\n");
        foreach (var s in r.Records.Trajectories)
            w.Append(C, $"{S(s.Ticks)},{s.VehicleId},{Mode(m, s.ClassIndex)},{m.LinkIds[s.Link]},{s.PositionM:F2},{s.SpeedMps:F2}\n");
        File.WriteAllText(path, w.ToString());
    }

    /// <summary>crossings.csv: time_s,intersection,centre,approach,exit_link,group,vehicle_id,mode,delay_s,dwell_s,red_delay_s.</summary>
    public static void WriteCrossings(SimulationResult r, string path)
    {
        var m = r.Model;
        var w = new StringBuilder("time_s,intersection,centre,approach,exit_link,group,vehicle_id,mode,delay_s,dwell_s,red_delay_s\n");
        foreach (var c in r.Records.Crossings)
        {
            var intersection = m.LinkToIntersection[c.ApproachLink];
            var first = m.RouteFirstStep[c.Route];
            var step = Enumerable.Range(first, m.RouteStepCount[c.Route]).First(s => m.StepLink[s] == c.ApproachLink);
            var exit = step + 1 < first + m.RouteStepCount[c.Route] ? m.LinkIds[m.StepLink[step + 1]] : "";
            var group = m.StepGroup[step] >= 0 ? m.GroupIds[m.StepGroup[step]] : "";
            var prefix = m.IntersectionIds[intersection] + "/";
            if (group.StartsWith(prefix, StringComparison.Ordinal)) group = group[prefix.Length..];
            w.Append(C, $"{c.TimeS:F3},{m.IntersectionIds[intersection]},{m.Centres[m.IntersectionCentre[intersection]].Id},{m.LinkIds[c.ApproachLink]},{exit},{group},");
            w.Append(C, $"{c.VehicleId},{Mode(m, c.ClassIndex)},{c.DelayS:F3},{c.DwellS:F3},{c.RedDelayS:F3}\n");
        }
        File.WriteAllText(path, w.ToString());
    }

    private static string Mode(SimulationModel m, int classIndex) => m.Classes[classIndex].Mode.ToString().ToLowerInvariant();

    private static string S(long ticks) => SimTime.ToSeconds(ticks).ToString("F3", C);
}
