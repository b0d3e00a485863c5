// Purdue coordination diagram of one approach: each vehicle's arrival at the stop line (the
// time it would have reached it undelayed: crossing time minus stop-line delay, crossings.csv)
// placed at its time in the intersection's planned cycle, over the green window of the group
// serving it (signals.csv). Points inside the green band arrived on green; the share of them is
// the classic measure of coordination quality. With the detector arrivals method, the arrivals
// are instead the run's own advance-loop on events (controller_events.csv) projected to the stop
// line at the speed limit, by the same function that reads a field log (PurdueData), so that the
// diagram measures the simulation as a field tool measures the street.
using ScottPlot;
using SignalSim.Analysis.Interop.EventLogs;
using SignalSim.Charts.FieldData;
using SignalSim.Charts.Model;
using SignalSim.Charts.Results;
using SignalSim.Core.Output;
using SignalSim.Core.Signals;

namespace SignalSim.Charts.Charts;

public sealed class PurdueChart : IChart
{
    /// <summary>The series name of detector-method arrivals, which have no mode.</summary>
    private const string DetectorMode = "detector";

    public string Kind => "purdue";
    public (int Width, int Height) Size => (1200, 700);

    public IEnumerable<string> Inputs(ChartContext context) =>
        [context.Run.PathOf(CrossingRow.FileName), context.Run.PathOf(SignalRow.FileName), context.Run.PathOf(RunSummaryFile.FileName)];

    public Plot Build(ChartContext context)
    {
        var labels = context.Labels;
        var run = context.Run;
        var crossings = run.Crossings;
        var approach = ChooseApproach(context, run, crossings);
        var intersection = run.Scenario.Intersections.First(x => x.Movements.Any(m => m.From == approach));
        var group = ChooseGroup(run, approach, crossings);
        var window = context.Request.Window ?? new TimeWindow(run.Summary.WarmupS, run.Summary.WarmupS + run.Summary.DurationS);
        List<(double ArrivalS, string Mode)> arrivals;
        DetectorProjection? projection = null;
        if (context.Request.Arrivals == ArrivalsMethod.Detector)
        {
            (arrivals, projection) = DetectorArrivals(run, intersection.Id, approach, window);
            if (arrivals.Count == 0) throw new ChartUnavailableException($"advance loop {projection.Channel} of '{approach}' saw no vehicle within the window in {ControllerEventLogWriter.FileName}", "no_arrival", approach, ControllerEventLogWriter.FileName);
        }
        else
        {
            arrivals = crossings.Where(c => c.Approach == approach && (c.Group.Length == 0 || c.Group == group) && window.Contains(c.ArrivalS)).Select(c => (c.ArrivalS, c.Mode)).ToList();
            if (arrivals.Count == 0) throw new ChartUnavailableException($"no vehicle crossed the stop line of '{approach}' in {CrossingRow.FileName} within the window", "no_arrival", approach, CrossingRow.FileName);
        }

        var clock = new CycleClock(run.Scenario);
        var starts = clock.CycleStarts(intersection.Id, window.FromS - 130, window.ToS + 130);
        var timeline = new SignalTimeline(run.Signals, window.ToS + 130);
        var plot = ChartStyle.NewPlot(labels, labels.Format("chart.purdue.title", $"{approach} → {intersection.Id}", context.StrategyName(run)));

        // The group's green and amber drawn cycle by cycle, as the diagram's bands.
        var maxCycle = 0.0;
        for (var k = 0; k + 1 < starts.Count; k++)
        {
            var (c0, c1) = (starts[k], starts[k + 1]);
            maxCycle = Math.Max(maxCycle, c1 - c0);
            if (c1 < window.FromS || c0 > window.ToS) continue;
            foreach (var interval in timeline.Between(intersection.Id, group, c0, c1))
            {
                if (interval.State == SignalState.Red) continue;
                var band = plot.Add.Rectangle(c0, c1, interval.FromS - c0, interval.ToS - c0);
                band.LineWidth = 0;
                band.FillColor = (interval.State == SignalState.Green ? ChartStyle.Green : ChartStyle.Amber).WithAlpha(0.35);
                if (interval.State == SignalState.Amber)
                {
                    band.FillHatch = new ScottPlot.Hatches.Striped();
                    band.FillHatchColor = ChartStyle.Ink.WithAlpha(0.5);
                }
            }
        }

        var onGreen = arrivals.Count(a => timeline.IsGreen(intersection.Id, group, a.ArrivalS));
        var share = 100.0 * onGreen / arrivals.Count;
        var legend = new List<LegendItem>
        {
            ChartStyle.FillItem(labels.Format("chart.purdue.green", group), ChartStyle.Green.WithAlpha(0.35)),
            ChartStyle.FillItem(labels["state.amber"], ChartStyle.Amber.WithAlpha(0.35), new ScottPlot.Hatches.Striped(), ChartStyle.Ink.WithAlpha(0.5)),
        };
        foreach (var mode in arrivals.Select(a => a.Mode).Distinct().OrderBy(ChartStyle.ModeOrder))
        {
            var points = arrivals.Where(a => a.Mode == mode).Select(a => (X: a.ArrivalS, Y: a.ArrivalS - CycleStartBefore(starts, a.ArrivalS))).ToList();
            var small = mode is "car" or DetectorMode;
            var size = small ? 4f : 9f;
            var color = small ? ChartStyle.Ink : ChartStyle.ModeColor(mode);
            var shape = ChartStyle.ModeMarker(mode == DetectorMode ? "car" : mode);
            plot.Add.Markers(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), shape, size, color);
            var name = mode == DetectorMode ? labels["arrivals.loop_vehicles"] : labels.Mode(mode);
            legend.Add(ChartStyle.MarkerItem($"{name} (n = {points.Count})", shape, color, size + 2));
        }
        var method = projection is { } p
            ? labels.Format("arrivals.detector", p.Channel, labels.Number(p.DistanceToStopLineM, 0), labels.Number(p.SpeedKmh, 0))
            : labels["arrivals.undelayed"];
        legend.Insert(0, ChartStyle.MarkerItem(labels.Format("chart.purdue.arrivals", labels.Number(share, 0)) + $" ({method})", MarkerShape.None, ChartStyle.Ink));

        plot.XLabel(labels["axis.sim_time_s"]);
        plot.YLabel(labels["axis.cycle_time_s"]);
        plot.Axes.SetLimits(window.FromS, window.ToS, 0, maxCycle > 0 ? maxCycle : 120);
        plot.Legend.ManualItems.AddRange(legend);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>
    /// Arrivals by the detector method, in simulation seconds: the run's own log through
    /// EventLogMetrics.DetectorArrivalTimes, the approach's advance loop from the log's map, at the
    /// approach's speed limit. A loop does not know a vehicle's mode: every arrival is one series
    /// of vehicles, as in a field tool.
    /// </summary>
    private static (List<(double ArrivalS, string Mode)>, DetectorProjection) DetectorArrivals(RunFolder run, string intersection, string approach, TimeWindow window)
    {
        var own = RunEventLog.Read(run);
        var loop = own.AdvanceDetector(intersection, approach, null);
        var kmh = PurdueData.SpeedLimitKmh(run, approach);
        var startOfDayS = run.Scenario.Simulation.StartTimeOfDayS;
        var arrivals = EventLogMetrics.DetectorArrivalTimes(own.Events, intersection, loop.Channel, loop.DistanceToStopLineM, kmh / 3.6)
            .Select(t => t - startOfDayS).Where(window.Contains).Order().Select(t => (t, DetectorMode)).ToList();
        return (arrivals, new DetectorProjection(loop.Channel, loop.DistanceToStopLineM, kmh));
    }

    /// <summary>The last planned cycle start at or before t.</summary>
    internal static double CycleStartBefore(List<double> starts, double t)
    {
        var index = starts.BinarySearch(t);
        if (index >= 0) return starts[index];
        index = ~index - 1;
        return index >= 0 ? starts[index] : starts.Count > 0 ? starts[0] : 0;
    }

    private static string ChooseApproach(ChartContext context, RunFolder run, IReadOnlyList<CrossingRow> crossings)
    {
        var counts = crossings.GroupBy(c => c.Approach).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (context.Request.Approaches is { Count: > 0 } requested)
        {
            var a = requested[0];
            if (!counts.ContainsKey(a))
                throw new ChartOptionException($"--approach: no vehicle crossed a stop line of '{a}' in {run.PathOf(CrossingRow.FileName)}; approaches: {string.Join(", ", counts.Keys.Order(StringComparer.Ordinal))}");
            return a;
        }
        // The busiest corridor approach: where coordination matters most.
        var corridor = Corridor.Build(run.Scenario).StopLines.Select(s => s.ApproachLink).Where(counts.ContainsKey).ToList();
        var candidates = corridor.Count > 0 ? corridor : counts.Keys.ToList();
        if (candidates.Count == 0) throw new ChartUnavailableException($"{CrossingRow.FileName} holds no stop-line crossing", "no_crossing", CrossingRow.FileName);
        return candidates.OrderByDescending(a => counts[a]).ThenBy(a => a, StringComparer.Ordinal).First();
    }

    /// <summary>The corridor group of the approach, else the group that served most of its vehicles, else its first movement's.</summary>
    private static string ChooseGroup(RunFolder run, string approach, IReadOnlyList<CrossingRow> crossings)
    {
        var corridorGroup = Corridor.Build(run.Scenario).StopLines.FirstOrDefault(s => s.ApproachLink == approach)?.Group;
        if (corridorGroup is not null) return corridorGroup;
        var served = crossings.Where(c => c.Approach == approach && c.Group.Length > 0).GroupBy(c => c.Group)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        return served ?? run.Scenario.Intersections.SelectMany(x => x.Movements).First(m => m.From == approach).Group;
    }
}
