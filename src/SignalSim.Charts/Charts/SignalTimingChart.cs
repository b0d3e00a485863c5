// Signal timing diagram: the state of every signal group of every intersection over a few
// cycles (signals.csv), intersections grouped by centre and ordered along the corridor. Green
// is a full bar, amber a hatched bar, red a thin line, as on a printed timing sheet. Each
// intersection's planned cycle starts (from the scenario's plans and centre clocks) are marked,
// so offsets, the two centres' different cycles and the drift of their clocks show side by side.
// A plan transition (transitions.csv) is shaded across the intersection's rows from the old plan's
// cycle time 0 to the new plan back on its offset, labelled with its method.
using ScottPlot;
using SignalSim.Charts.Model;
using SignalSim.Charts.Results;
using SignalSim.Core.Signals;

namespace SignalSim.Charts.Charts;

public sealed class SignalTimingChart : IChart
{
    /// <summary>Cycles shown by default, of the longest cycle running.</summary>
    public const int DefaultCycles = 3;

    public string Kind => "signal-timing";
    public (int Width, int Height) Size => (1400, 900);

    public IEnumerable<string> Inputs(ChartContext context) => [context.Run.PathOf(SignalRow.FileName), context.Run.PathOf(RunSummaryFile.FileName)];

    public Plot Build(ChartContext context)
    {
        var labels = context.Labels;
        var run = context.Run;
        var scenario = run.Scenario;
        var clock = new CycleClock(scenario);
        var start = context.Request.Window?.FromS ?? run.Summary.WarmupS;
        var longest = scenario.Intersections.Max(x => clock.PlanAt(x.Id, start).CycleTicks) / 1000.0;
        var window = context.Request.Window ?? new TimeWindow(start, start + DefaultCycles * longest);
        var timeline = new SignalTimeline(run.Signals, window.ToS);

        var plot = ChartStyle.NewPlot(labels, labels.Format("chart.signal-timing.title", context.StrategyName(run)));
        var ticks = new List<(double, string)>();
        var row = 0.0;
        var centres = scenario.Centres.ToList();
        foreach (var intersection in IntersectionsInOrder(run))
        {
            var spec = scenario.Intersections.First(x => x.Id == intersection);
            var centreIndex = Math.Max(0, centres.FindIndex(c => c.Id == spec.Centre));
            var top = row;
            foreach (var group in spec.SignalGroups)
            {
                ticks.Add((-row, $"{intersection} · {group.Id}"));
                foreach (var interval in timeline.Between(intersection, group.Id, window.FromS, window.ToS))
                {
                    var h = interval.State == SignalState.Red ? 0.06 : 0.32;
                    var bar = plot.Add.Rectangle(interval.FromS, interval.ToS, -row - h, -row + h);
                    bar.LineWidth = 0;
                    bar.FillColor = interval.State switch { SignalState.Green => ChartStyle.Green, SignalState.Amber => ChartStyle.Amber, _ => ChartStyle.Red };
                    if (interval.State == SignalState.Amber)
                    {
                        bar.FillHatch = new ScottPlot.Hatches.Striped();
                        bar.FillHatchColor = ChartStyle.Ink;
                    }
                }
                row++;
            }
            foreach (var t in run.Transitions)
            {
                if (t.Intersection != intersection || t.EndS < window.FromS || t.StartS > window.ToS) continue;
                var shade = plot.Add.Rectangle(Math.Max(t.StartS, window.FromS), Math.Min(Math.Max(t.EndS, t.StartS + 0.5), window.ToS), -(row - 1) - 0.5, -top + 0.5);
                shade.LineWidth = 1;
                shade.LineColor = ChartStyle.Ink.WithAlpha(0.6);
                shade.FillColor = ChartStyle.Ink.WithAlpha(0.10);
                plot.MoveToBack(shade);
                var label = plot.Add.Text(labels.Format("chart.signal-timing.transition", labels["transition." + t.Method], t.FromPlan, t.ToPlan), Math.Max(t.StartS, window.FromS), -(row - 1) - 0.5);
                label.LabelFontName = ChartStyle.FontName;
                label.LabelFontSize = 10;
                label.LabelAlignment = Alignment.LowerLeft;
                label.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            }
            // Cycle starts across the intersection's rows, in its centre's colour and marker.
            foreach (var t in clock.CycleStarts(intersection, window.FromS, window.ToS))
            {
                var line = plot.Add.Line(t, -top + 0.5, t, -(row - 1) - 0.5);
                line.LineColor = ChartStyle.CentreColor(centreIndex);
                line.LineWidth = 2;
                line.LinePattern = LinePattern.Dashed;
                plot.Add.Marker(t, -top + 0.5, MarkerShape.FilledTriangleDown, 11, ChartStyle.CentreColor(centreIndex));
            }
            var cycle = clock.PlanAt(intersection, window.FromS);
            var centreName = centres[centreIndex].Name ?? centres[centreIndex].Id;
            var note = plot.Add.Text($"{centreName} · {cycle.Name} · {labels.Number(cycle.CycleTicks / 1000.0, 0)} s", window.ToS, -top + 0.5);
            note.LabelFontName = ChartStyle.FontName;
            note.LabelFontSize = 11;
            note.LabelAlignment = Alignment.UpperRight;
            note.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            var separator = plot.Add.HorizontalLine(-row + 0.5, 1, ChartStyle.Ink.WithAlpha(0.5));
            separator.LinePattern = LinePattern.Solid;
            row += 0.5;
        }

        plot.Axes.Left.TickGenerator = ChartStyle.Categories(ticks);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        plot.XLabel(labels["axis.sim_time_s"]);
        plot.Axes.SetLimits(window.FromS, window.ToS, -row + 0.3, 0.9);

        var legend = new List<LegendItem>(TimeSpaceChart.SignalLegend(labels));
        for (var c = 0; c < centres.Count; c++)
        {
            var centre = clock.Centres.First(x => x.Id == centres[c].Id);
            var item = ChartStyle.LineItem(
                labels.Format("chart.signal-timing.clock", centre.Name, labels.Signed(centre.OffsetTicks / 1000.0, 1), labels.Signed(centre.DriftSecondsPerHour, 1))
                    + " · " + labels["chart.signal-timing.cycle_start"],
                ChartStyle.CentreColor(c), 2, LinePattern.Dashed, MarkerShape.FilledTriangleDown);
            legend.Add(item);
        }
        plot.Legend.ManualItems.AddRange(legend);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>Corridor intersections in travel order first, then the others as the scenario lists them.</summary>
    private static List<string> IntersectionsInOrder(RunFolder run)
    {
        var order = Corridor.Build(run.Scenario).StopLines.Select(s => s.Intersection).Distinct().ToList();
        order.AddRange(run.Scenario.Intersections.Select(x => x.Id).Where(id => !order.Contains(id)));
        return order;
    }
}
