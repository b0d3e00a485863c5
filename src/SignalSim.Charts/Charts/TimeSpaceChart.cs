// Time-space diagram of a corridor: each vehicle's distance along the corridor against time
// (trajectories.csv), coloured and styled by mode; the signal state of every stop line on the
// corridor as a band (red thick, amber hatched, green thin, so it reads in black and white);
// each stop line labelled with its intersection and the centre that runs it, and the border
// between the two centres drawn as a dashed line.
using ScottPlot;
using SignalSim.Charts.Model;
using SignalSim.Charts.Results;
using SignalSim.Core.Signals;

namespace SignalSim.Charts.Charts;

public sealed class TimeSpaceChart : IChart
{
    /// <summary>Default window length: long enough for several cycles, short enough to read single vehicles.</summary>
    public const double DefaultWindowS = 600;

    public string Kind => "time-space";
    public (int Width, int Height) Size => (1400, 800);

    public IEnumerable<string> Inputs(ChartContext context) =>
        [context.Run.PathOf(TrajectoryRow.FileName), context.Run.PathOf(SignalRow.FileName)];

    public Plot Build(ChartContext context)
    {
        var labels = context.Labels;
        var run = context.Run;
        var corridor = Corridor.Build(run.Scenario, context.Request.Corridor);
        var samples = run.Trajectories;
        if (samples.Count == 0) throw new ChartUnavailableException($"{TrajectoryRow.FileName} holds no sample", "no_trajectory", TrajectoryRow.FileName);
        var window = context.Request.Window ?? DefaultWindow(samples);
        var onCorridor = samples.Where(s => window.Contains(s.TimeS) && corridor.Contains(s.Link)).ToList();
        if (onCorridor.Count == 0)
            throw new ChartUnavailableException($"no trajectory on the corridor {corridor.Describe()} between {window.FromS} s and {window.ToS} s in {TrajectoryRow.FileName}", "no_corridor_trajectory", corridor.Describe(), window.FromS, window.ToS, TrajectoryRow.FileName);

        var plot = ChartStyle.NewPlot(labels, labels.Format("chart.time-space.title", corridor.Describe(), context.StrategyName(run)));
        var bandHalfHeight = corridor.LengthM / 160;
        DrawCentres(plot, context, corridor, window, bandHalfHeight);
        DrawSignals(plot, run, corridor, window, bandHalfHeight);
        var modes = DrawTrajectories(plot, onCorridor, corridor);

        plot.XLabel(labels["axis.sim_time_s"]);
        plot.YLabel(labels["axis.distance_m"]);
        plot.Axes.SetLimits(window.FromS, window.ToS, 0, corridor.LengthM * 1.02);
        var legend = modes.OrderBy(ChartStyle.ModeOrder)
            .Select(m => ChartStyle.LineItem(labels.Mode(m), ChartStyle.ModeColor(m), ChartStyle.ModeLineWidth(m) + 1, ChartStyle.ModePattern(m)))
            .Concat(SignalLegend(labels)).ToList();
        plot.Legend.ManualItems.AddRange(legend);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    internal static IEnumerable<LegendItem> SignalLegend(Labels.ChartLabels labels) =>
    [
        ChartStyle.FillItem(labels["state.green"], ChartStyle.Green),
        ChartStyle.FillItem(labels["state.amber"], ChartStyle.Amber, new ScottPlot.Hatches.Striped(), ChartStyle.Ink),
        ChartStyle.FillItem(labels["state.red"], ChartStyle.Red),
    ];

    private static TimeWindow DefaultWindow(IReadOnlyList<TrajectoryRow> samples)
    {
        var first = samples.Min(s => s.TimeS);
        var last = samples.Max(s => s.TimeS);
        return new TimeWindow(first, Math.Min(last, first + DefaultWindowS));
    }

    private static HashSet<string> DrawTrajectories(Plot plot, List<TrajectoryRow> samples, Corridor corridor)
    {
        var modes = new HashSet<string>(StringComparer.Ordinal);
        var interval = samples.GroupBy(s => s.VehicleId).Select(g => g.Select(s => s.TimeS).Order().Take(2).ToList())
            .Where(t => t.Count == 2).Select(t => t[1] - t[0]).DefaultIfEmpty(1).Min();
        // Cars first, so the buses and trams the committee looks for are drawn on top.
        foreach (var vehicle in samples.GroupBy(s => s.VehicleId).OrderBy(g => ChartStyle.ModeOrder(g.First().Mode) == 0 ? 0 : 1).ThenBy(g => g.Key))
        {
            var mode = vehicle.First().Mode;
            modes.Add(mode);
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (var s in vehicle.OrderBy(s => s.TimeS))
            {
                var d = corridor.Distance(s.Link, s.PositionM)!.Value;
                // A gap in time or a step back means the vehicle left the corridor and came back: a new segment.
                if (xs.Count > 0 && (s.TimeS - xs[^1] > 1.5 * interval + 1e-9 || d < ys[^1] - 1))
                {
                    AddSegment(plot, xs, ys, mode);
                    xs.Clear();
                    ys.Clear();
                }
                xs.Add(s.TimeS);
                ys.Add(d);
            }
            AddSegment(plot, xs, ys, mode);
        }
        return modes;
    }

    private static void AddSegment(Plot plot, List<double> xs, List<double> ys, string mode)
    {
        if (xs.Count < 2) return;
        var color = mode == "car" ? ChartStyle.ModeColor(mode).WithAlpha(0.7) : ChartStyle.ModeColor(mode);
        var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), color);
        line.LineWidth = ChartStyle.ModeLineWidth(mode);
        line.LinePattern = ChartStyle.ModePattern(mode);
    }

    private static void DrawSignals(Plot plot, RunFolder run, Corridor corridor, TimeWindow window, double halfHeight)
    {
        var timeline = new SignalTimeline(run.Signals, window.ToS);
        foreach (var stop in corridor.StopLines)
        {
            if (stop.Group is null) continue;
            foreach (var interval in timeline.Between(stop.Intersection, stop.Group, window.FromS, window.ToS))
            {
                var h = interval.State == SignalState.Green ? halfHeight * 0.35 : halfHeight;
                var band = plot.Add.Rectangle(interval.FromS, interval.ToS, stop.DistanceM - h, stop.DistanceM + h);
                band.LineWidth = 0;
                band.FillColor = interval.State switch { SignalState.Green => ChartStyle.Green, SignalState.Amber => ChartStyle.Amber, _ => ChartStyle.Red };
                if (interval.State == SignalState.Amber)
                {
                    band.FillHatch = new ScottPlot.Hatches.Striped();
                    band.FillHatchColor = ChartStyle.Ink;
                }
            }
        }
    }

    /// <summary>Intersection and centre labels at each stop line, and a dashed line where the centre changes.</summary>
    private static void DrawCentres(Plot plot, ChartContext context, Corridor corridor, TimeWindow window, double halfHeight)
    {
        var centres = context.Run.Scenario.Centres.ToList();
        string CentreName(string id) => centres.FirstOrDefault(c => c.Id == id)?.Name is { } name ? context.Labels.Text(name) : id;
        int CentreIndex(string id) => Math.Max(0, centres.FindIndex(c => c.Id == id));
        CorridorStopLine? previous = null;
        foreach (var stop in corridor.StopLines)
        {
            var index = CentreIndex(stop.Centre);
            var text = plot.Add.Text($"{stop.Intersection} · {CentreName(stop.Centre)}", window.FromS, stop.DistanceM + halfHeight);
            text.LabelFontName = ChartStyle.FontName;
            text.LabelFontSize = 11;
            text.LabelFontColor = ChartStyle.Ink;
            text.LabelBackgroundColor = Colors.White.MixedWith(ChartStyle.CentreColor(index), 0.25);
            text.LabelBorderColor = ChartStyle.CentreColor(index);
            text.LabelBorderWidth = index % 2 == 0 ? 1 : 3; // a second centre also differs by its border
            text.LabelPadding = 3;
            text.LabelAlignment = Alignment.LowerLeft;
            text.OffsetX = 4;
            if (previous is not null && previous.Centre != stop.Centre)
            {
                var border = (previous.DistanceM + stop.DistanceM) / 2;
                plot.Add.HorizontalLine(border, 2, ChartStyle.Ink, LinePattern.Dashed);
                var label = plot.Add.Text(context.Labels.Format("chart.time-space.border", CentreName(previous.Centre), CentreName(stop.Centre)), window.ToS, border);
                label.LabelFontName = ChartStyle.FontName;
                label.LabelFontSize = 11;
                label.LabelBold = true;
                label.LabelAlignment = Alignment.LowerRight;
                label.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
                label.OffsetX = -4;
            }
            previous = stop;
        }
    }
}
