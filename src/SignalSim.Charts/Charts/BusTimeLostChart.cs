// "Points durs": the mean time a bus loses per passage on each approach segment, at its signal
// and queue (solid or patterned bar, one per strategy) and at the stop on the segment (dotted
// white bar stacked on top), approaches ordered along the corridor. Strategies side by side.
using ScottPlot;
using SignalSim.Charts.Model;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Charts;

public sealed class BusTimeLostChart : IChart
{
    public string Kind => "bus-time-lost";
    public (int Width, int Height) Size => (1400, 750);

    public IEnumerable<string> Inputs(ChartContext context) => context.Folder.Runs.Select(r => r.PathOf(CrossingRow.FileName));

    public Plot Build(ChartContext context)
    {
        var labels = context.Labels;
        var runs = context.Folder.Runs;
        var lost = runs.Select(r => BusTimeLost.PerApproach(r.Crossings)).ToList();
        if (lost.All(l => l.Count == 0)) throw new ChartUnavailableException($"no bus crossed a stop line in {CrossingRow.FileName}", "no_bus", CrossingRow.FileName);
        var approaches = Order(context.Folder.BaselineRun, lost.SelectMany(l => l).Select(a => (a.Intersection, a.Approach)).Distinct().ToList());

        var plot = ChartStyle.NewPlot(labels, labels["chart.bus-time-lost.title"]);
        var groupWidth = runs.Count + 1.0;
        var legend = new List<LegendItem>();
        for (var s = 0; s < runs.Count; s++)
        {
            var color = ChartStyle.StrategyColor(s);
            var bars = new List<Bar>();
            for (var i = 0; i < approaches.Count; i++)
            {
                var a = lost[s].FirstOrDefault(x => x.Approach == approaches[i].Approach);
                if (a is null) continue;
                var position = i * groupWidth + s - (runs.Count - 1) / 2.0;
                bars.Add(new Bar
                {
                    Position = position, ValueBase = 0, Value = a.MeanSignalS, Size = 0.85,
                    FillColor = color, FillHatch = ChartStyle.StrategyHatch(s), FillHatchColor = Colors.White.WithAlpha(0.8),
                    LineColor = ChartStyle.Ink, LineWidth = 1,
                });
                if (a.MeanDwellS > 0)
                {
                    bars.Add(new Bar
                    {
                        Position = position, ValueBase = a.MeanSignalS, Value = a.MeanTotalS, Size = 0.85,
                        FillColor = Colors.White, FillHatch = new ScottPlot.Hatches.Dots(), FillHatchColor = color,
                        LineColor = ChartStyle.Ink, LineWidth = 1,
                    });
                }
            }
            plot.Add.Bars(bars);
            legend.Add(ChartStyle.FillItem(labels.Format("chart.bus-time-lost.signals", context.StrategyName(runs[s])), color, ChartStyle.StrategyHatch(s), Colors.White.WithAlpha(0.8)));
        }
        legend.Add(ChartStyle.FillItem(labels["chart.bus-time-lost.stops"], Colors.White, new ScottPlot.Hatches.Dots(), ChartStyle.Ink));

        plot.Axes.Bottom.TickGenerator = ChartStyle.Categories(approaches.Select((a, i) => (i * groupWidth, $"{a.Intersection}\n{a.Approach}")));
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.YLabel(labels["axis.time_lost_s"]);
        plot.Axes.SetLimitsX(-groupWidth / 2, (approaches.Count - 0.5) * groupWidth);
        plot.Axes.AutoScaleY();
        plot.Axes.SetLimitsY(0, Math.Max(5, plot.Axes.GetLimits().Top * 1.1));
        plot.ShowLegend(legend, Alignment.UpperRight);
        return plot;
    }

    /// <summary>Approaches on the corridor in travel order, then the reverse direction's, then any other.</summary>
    private static List<(string Intersection, string Approach)> Order(RunFolder run, List<(string Intersection, string Approach)> approaches)
    {
        var corridor = Corridor.Build(run.Scenario);
        var rank = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var stop in corridor.StopLines) rank[stop.ApproachLink] = stop.DistanceM;
        // The reverse direction's approach to the same intersection comes right after, so both
        // directions of one crossing stand together.
        foreach (var (intersection, approach) in approaches)
        {
            if (rank.ContainsKey(approach)) continue;
            var stop = corridor.StopLines.FirstOrDefault(s => s.Intersection == intersection);
            rank[approach] = stop is null ? double.MaxValue : stop.DistanceM + 0.5;
        }
        return approaches.OrderBy(a => rank[a.Approach]).ThenBy(a => a.Intersection, StringComparer.Ordinal).ThenBy(a => a.Approach, StringComparer.Ordinal).ToList();
    }
}
