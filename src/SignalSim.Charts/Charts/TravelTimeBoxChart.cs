// Travel time by mode and strategy: a box per strategy within each mode's group, read from the
// trips.csv of each strategy's replication 1. Boxes differ by fill pattern as well as colour.
using ScottPlot;
using SignalSim.Charts.Model;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Charts;

public sealed class TravelTimeBoxChart : IChart
{
    public string Kind => "travel-time-box";
    public (int Width, int Height) Size => (1200, 700);

    public IEnumerable<string> Inputs(ChartContext context) => context.Folder.Runs.Select(r => r.PathOf(TripRow.FileName));

    public Plot Build(ChartContext context)
    {
        var labels = context.Labels;
        var runs = context.Folder.Runs;
        var modes = runs.SelectMany(r => r.Trips.Select(t => t.Mode)).Distinct().OrderBy(ChartStyle.ModeOrder).ThenBy(m => m, StringComparer.Ordinal).ToList();
        if (modes.Count == 0) throw new ChartUnavailableException($"no completed trip in {TripRow.FileName}", "no_trip", TripRow.FileName);

        var plot = ChartStyle.NewPlot(labels, labels["chart.travel-time-box.title"] + "\n" + labels["chart.travel-time-box.note"]);
        var groupWidth = runs.Count + 1.0;
        for (var s = 0; s < runs.Count; s++)
        {
            var byMode = runs[s].Trips.GroupBy(t => t.Mode).ToDictionary(g => g.Key, g => g.Select(t => t.TravelTimeS).Order().ToList());
            var boxes = new List<Box>();
            for (var m = 0; m < modes.Count; m++)
            {
                if (!byMode.TryGetValue(modes[m], out var times) || times.Count == 0) continue;
                var (q1, median, q3, low, high) = Statistics.Box(times);
                var box = new Box
                {
                    Position = m * groupWidth + s - (runs.Count - 1) / 2.0,
                    BoxMin = q1, BoxMax = q3, BoxMiddle = median, WhiskerMin = low, WhiskerMax = high,
                    Width = 0.8,
                };
                box.FillStyle.Color = ChartStyle.StrategyColor(s).WithAlpha(0.55);
                box.FillStyle.Hatch = ChartStyle.StrategyHatch(s);
                box.FillStyle.HatchColor = ChartStyle.Ink.WithAlpha(0.6);
                box.LineStyle.Color = ChartStyle.Ink;
                box.LineStyle.Width = 1.5f;
                boxes.Add(box);
            }
            var plottable = plot.Add.Boxes(boxes);
            plottable.LegendText = context.StrategyName(runs[s]);
        }
        plot.Axes.Bottom.TickGenerator = ChartStyle.Categories(modes.Select((m, i) => (i * groupWidth, labels.Mode(m))));
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.YLabel(labels["axis.travel_time_s"]);
        plot.Axes.SetLimitsX(-groupWidth / 2, (modes.Count - 0.5) * groupWidth);
        plot.Axes.AutoScaleY();
        var limits = plot.Axes.GetLimits();
        plot.Axes.SetLimitsY(0, limits.Top * 1.05);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
