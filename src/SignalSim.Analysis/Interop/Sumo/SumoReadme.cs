// The README written beside the SUMO files: what each file holds, how to build and run, the
// signal programs as exported, and the list of what SUMO cannot express.
using System.Globalization;
using System.Text;
using SignalSim.Core;
using SignalSim.Core.Scenario;

namespace SignalSim.Analysis.Interop.Sumo;

internal static class SumoReadme
{
    public static string Text(ScenarioFile s, SumoExportResult r, SumoSignalSchedule programs)
    {
        var b = new StringBuilder();
        void L(string line = "") => b.Append(line).Append('\n');
        L($"# {s.Name} for SUMO (strategy `{r.StrategyId}`)");
        L();
        L("Written by `signalsim export sumo`. The network, signal programs, demand and lines of the scenario as this strategy runs it.");
        L();
        L("| file | content |");
        L("| --- | --- |");
        L($"| `{SumoExportResult.NodesFileName}` | intersections (signalised, `tl` = intersection id) and boundaries |");
        L($"| `{SumoExportResult.EdgesFileName}` | one edge per link, its length from stop line to stop line, speed limit, lanes and their permissions (general: passenger, bus, bicycle; bus: bus, bicycle; tram; cycle: bicycle) |");
        L($"| `{SumoExportResult.ConnectionsFileName}` | lane-to-lane connections from the movements |");
        L($"| `{SumoExportResult.SignalsFileName}` | one static program per intersection and the signal index of each connection |");
        L($"| `{SumoExportResult.StopsFileName}` | bus stops and tram stations |");
        L($"| `{SumoExportResult.RoutesFileName}` | vehicle types (IDM with each class's a, b, T, s0, length and desired speed; speedFactor 1, speedDev 0), route distributions, flows, and every bus and tram departure with its stops |");
        L($"| `{SumoExportResult.NetconvertConfigFileName}` | netconvert configuration (no internal links: SignalSim's intersections have no length) |");
        L($"| `{SumoExportResult.ConfigFileName}` | SUMO configuration: run length, step, seed, no teleporting |");
        if (r.NetworkBuilt) L($"| `{SumoExportResult.NetFileName}` | the network built by netconvert |");
        L();
        L("## Running");
        L();
        L("```sh");
        if (!r.NetworkBuilt) L($"netconvert -c {SumoExportResult.NetconvertConfigFileName}   # builds {SumoExportResult.NetFileName}");
        L($"sumo -c {SumoExportResult.ConfigFileName} --tripinfo-output tripinfo.xml");
        L("```");
        L();
        if (r.NetconvertMessage is { } message) L($"Network: {message}.");
        L();
        L($"SignalSim's travel time runs from the arrival at the entry, queueing to enter included: compare it with `duration + departDelay` of SUMO's tripinfo, for trips departing after the warm-up ({Num(s.Simulation.WarmupS)} s).");
        L();
        L("## Signal programs");
        L();
        L("Program offsets hold each centre's clock offset and the start time of day: at simulation time t, SUMO's program time (t − offset) mod cycle equals SignalSim's cycle time.");
        L();
        L($"Plan changes during the run are program switches: {SumoExportResult.PlanChangesFileName} holds the later programs and one WAUT per intersection. SignalSim changes plans by dwell: at the old plan's first cycle start after the schedule changes, it holds the state of cycle time 0 until the new plan's cycle time 0; SUMO switches to a one-phase program showing that state (OLD-hold-NEW), then to the new plan, at the same times.");
        L();
        L("| intersection | program | cycle (s) | SUMO offset (s) | phases | switched to |");
        L("| --- | --- | --- | --- | --- | --- |");
        foreach (var p in programs.Programs)
        {
            var times = programs.Switches[p.Intersection].Where(w => w.ProgramId == p.ProgramId).Select(w => Num(SimTime.ToSeconds(w.AtTicks))).ToList();
            var parts = new List<string>();
            if (programs.StartPrograms.Contains(p)) parts.Add("at the start");
            if (times.Count > 0) parts.Add(times.Count <= 6 ? "at " + string.Join(", ", times) + " s" : $"{times.Count} times, first at {times[0]} s");
            var when = string.Join("; ", parts);
            L($"| {p.Intersection} | {p.ProgramId} | {Num(SimTime.ToSeconds(p.CycleTicks))} | {Num(SimTime.ToSeconds(p.OffsetTicks))} | {p.Phases.Count} | {when} |");
        }
        L();
        L("## What SUMO does not get");
        L();
        L("| feature | where | treatment |");
        L("| --- | --- | --- |");
        foreach (var x in r.Limitations) L($"| {x.Feature} | {x.Where} | {x.Treatment} |");
        return b.ToString();
    }

    private static string Num(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
