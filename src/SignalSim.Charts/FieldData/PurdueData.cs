// What the Purdue coordination diagram, the split monitor and the arrivals-on-green figure show
// for one phase of one signal, computed the same way from a controller event log (a real
// controller's, or SignalSim's own) and from a results folder, so the two can be laid side by
// side. Times are seconds of the day; each cycle is taken from one begin-green to the next, as
// ATSPM-style tools do without a plan, so an arrival's cycle time is the time since green began.
using SignalSim.Analysis.Interop.EventLogs;
using SignalSim.Charts.Results;
using SignalSim.Core.Signals;

namespace SignalSim.Charts.FieldData;

/// <summary>An arrival at the stop line: its time of day and its time since the green before it began.</summary>
public readonly record struct CycleArrival(double TimeOfDayS, double CycleTimeS, bool OnGreen);

public sealed record PurdueData(string Source, string Signal, int Phase, IReadOnlyList<GreenInterval> Greens, IReadOnlyList<CycleArrival> Arrivals)
{
    public int OnGreen => Arrivals.Count(a => a.OnGreen);

    public double OnGreenShare => Arrivals.Count == 0 ? double.NaN : (double)OnGreen / Arrivals.Count;

    /// <summary>From an event log: greens of the phase, arrivals projected from a detector's on events to the stop line.</summary>
    public static PurdueData FromEventLog(string source, IReadOnlyList<LoggedEvent> log, string signal, int phase, int channel, double distanceToStopLineM, double speedMps, double fromS, double toS)
    {
        var greens = EventLogMetrics.Greens(log, signal, phase);
        var travelS = distanceToStopLineM / speedMps;
        var times = log.Where(e => e.SignalId == signal && e.Code == 82 && e.Param == channel).Select(e => e.TimeOfDayS + travelS);
        return new PurdueData(source, signal, phase, greens, Place(greens, times, fromS, toS));
    }

    /// <summary>From a run's folder: greens of the group (signals.csv), each vehicle's undelayed arrival at the approach's stop line (crossings.csv).</summary>
    public static PurdueData FromRun(string source, RunFolder run, string intersection, string group, int phase, string approach, double fromS, double toS)
    {
        var startS = run.Scenario.Simulation.StartTimeOfDayS;
        var greens = GreensOf(run.Signals, intersection, group, startS);
        var times = run.Crossings.Where(c => c.Approach == approach && (c.Group.Length == 0 || c.Group == group)).Select(c => startS + c.TimeS - c.DelayS);
        return new PurdueData(source, intersection, phase, greens, Place(greens, times, fromS, toS));
    }

    /// <summary>Green intervals of a group from signals.csv rows (green → amber → red), in seconds of the day.</summary>
    public static List<GreenInterval> GreensOf(IReadOnlyList<SignalRow> rows, string intersection, string group, double startOfDayS)
    {
        var greens = new List<GreenInterval>();
        double? green = null, amber = null;
        foreach (var r in rows.Where(r => r.Intersection == intersection && r.Group == group).OrderBy(r => r.TimeS))
        {
            var t = startOfDayS + r.TimeS;
            switch (r.State)
            {
                case SignalState.Green: green = t; amber = null; break;
                case SignalState.Amber when green is not null: amber = t; break;
                case SignalState.Red when green is not null && amber is not null:
                    greens.Add(new GreenInterval(green.Value, amber.Value, t));
                    green = amber = null;
                    break;
            }
        }
        return greens;
    }

    private static List<CycleArrival> Place(List<GreenInterval> greens, IEnumerable<double> times, double fromS, double toS)
    {
        var starts = greens.Select(g => g.StartS).ToList();
        var arrivals = new List<CycleArrival>();
        foreach (var t in times.Order())
        {
            if (t < fromS || t >= toS) continue;
            var k = starts.BinarySearch(t);
            k = k >= 0 ? k : ~k - 1;
            if (k < 0) continue; // before the first complete green: no cycle to place it in
            arrivals.Add(new CycleArrival(t, t - starts[k], t < greens[k].EndS));
        }
        return arrivals;
    }
}
