// What the Purdue coordination diagram, the split monitor and the arrivals-on-green figure show
// for one phase of one signal, computed the same way from a controller event log (a real
// controller's, or SignalSim's own) and from a results folder, so the two can be laid side by
// side. Times are seconds of the day; each cycle is taken from one begin-green to the next, as
// ATSPM-style tools do without a plan, so an arrival's cycle time is the time since green began.
// Arrivals are measured by one of two methods (ArrivalsMethod): a field log only by the detector
// method; a results folder by either, the detector method going through FromEventLog on the run's
// own log, so that field and simulation are measured by the very same code.
using SignalSim.Analysis.Interop.EventLogs;
using SignalSim.Charts.Results;
using SignalSim.Core.Signals;

namespace SignalSim.Charts.FieldData;

/// <summary>An arrival at the stop line: its time of day and its time since the green before it began.</summary>
public readonly record struct CycleArrival(double TimeOfDayS, double CycleTimeS, bool OnGreen);

/// <param name="Projection">With the detector method: the loop and the speed used; null for undelayed arrivals.</param>
public sealed record PurdueData(string Source, string Signal, int Phase, IReadOnlyList<GreenInterval> Greens, IReadOnlyList<CycleArrival> Arrivals,
    ArrivalsMethod Method, DetectorProjection? Projection)
{
    public int OnGreen => Arrivals.Count(a => a.OnGreen);

    public double OnGreenShare => Arrivals.Count == 0 ? double.NaN : (double)OnGreen / Arrivals.Count;

    /// <summary>From an event log: greens of the phase, arrivals projected from a detector's on events to the stop line.</summary>
    public static PurdueData FromEventLog(string source, IReadOnlyList<LoggedEvent> log, string signal, int phase, int channel, double distanceToStopLineM, double speedMps, double fromS, double toS)
    {
        var greens = EventLogMetrics.Greens(log, signal, phase);
        var times = EventLogMetrics.DetectorArrivalTimes(log, signal, channel, distanceToStopLineM, speedMps);
        return new PurdueData(source, signal, phase, greens, Place(greens, times, fromS, toS),
            ArrivalsMethod.Detector, new DetectorProjection(channel, distanceToStopLineM, speedMps * 3.6));
    }

    /// <summary>
    /// From a run's folder, by <paramref name="method"/>. Undelayed: greens of the group
    /// (signals.csv) and each vehicle's undelayed arrival at the approach's stop line
    /// (crossings.csv). Detector: the run's own event log read as a field log (FromEventLog), with
    /// the approach's advance detector from its map (the one on <paramref name="preferredChannel"/>
    /// when there are several) projected at <paramref name="speedKmh"/>, by default the approach's
    /// speed limit.
    /// </summary>
    public static PurdueData FromRun(string source, RunFolder run, string intersection, string group, int phase, string approach, double fromS, double toS,
        ArrivalsMethod method = ArrivalsMethod.Undelayed, double? speedKmh = null, int? preferredChannel = null)
    {
        if (method == ArrivalsMethod.Detector)
        {
            var own = RunEventLog.Read(run);
            var loop = own.AdvanceDetector(intersection, approach, preferredChannel);
            var kmh = speedKmh ?? SpeedLimitKmh(run, approach);
            return FromEventLog(source, own.Events, intersection, phase, loop.Channel, loop.DistanceToStopLineM, kmh / 3.6, fromS, toS);
        }
        var startS = run.Scenario.Simulation.StartTimeOfDayS;
        var greens = GreensOf(run.Signals, intersection, group, startS);
        var times = run.Crossings.Where(c => c.Approach == approach && (c.Group.Length == 0 || c.Group == group)).Select(c => startS + c.TimeS - c.DelayS);
        return new PurdueData(source, intersection, phase, greens, Place(greens, times, fromS, toS), ArrivalsMethod.Undelayed, null);
    }

    /// <summary>The approach's speed limit in the run's scenario: the speed the field method projects at.</summary>
    public static double SpeedLimitKmh(RunFolder run, string approach) =>
        run.Scenario.Links.FirstOrDefault(l => l.Id == approach)?.SpeedLimitKmh
            ?? throw new ChartOptionException($"--approach: no link '{approach}' in the scenario of {run.Path}");

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
