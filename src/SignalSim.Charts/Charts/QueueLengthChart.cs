// Queue length over time at chosen approaches (approaches.csv), by default the three approaches
// with the longest queues over the first fifteen minutes measured. Each approach has its own colour, line pattern and markers.
using ScottPlot;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Charts;

public sealed class QueueLengthChart : IChart
{
    public const int DefaultApproachCount = 3;

    /// <summary>Default window: fifteen minutes from the first sample, so single cycles stay visible.</summary>
    public const double DefaultWindowS = 900;

    public string Kind => "queues";
    public (int Width, int Height) Size => (1200, 700);

    public IEnumerable<string> Inputs(ChartContext context) => [context.Run.PathOf(QueueRow.FileName)];

    public Plot Build(ChartContext context)
    {
        var labels = context.Labels;
        var run = context.Run;
        var samples = run.Queues;
        if (samples.Count == 0) throw new ChartUnavailableException($"{QueueRow.FileName} holds no queue sample", "no_queue", QueueRow.FileName);
        var byApproach = samples.GroupBy(s => s.Approach).ToDictionary(g => g.Key, g => g.OrderBy(s => s.TimeS).ToList(), StringComparer.Ordinal);
        var approaches = Chosen(context.Request.Approaches, byApproach, run);
        var start = samples.Min(s => s.TimeS);
        var window = context.Request.Window ?? new TimeWindow(start, Math.Min(samples.Max(s => s.TimeS), start + DefaultWindowS));

        var plot = ChartStyle.NewPlot(labels, labels.Format("chart.queues.title", context.StrategyName(run)));
        var legend = new List<LegendItem>();
        for (var i = 0; i < approaches.Count; i++)
        {
            var series = byApproach[approaches[i]].Where(s => window.Contains(s.TimeS)).ToList();
            if (series.Count == 0) continue;
            var xs = series.Select(s => s.TimeS).ToArray();
            var ys = series.Select(s => s.QueueLengthM).ToArray();
            var color = ChartStyle.StrategyColor(i);
            var line = plot.Add.ScatterLine(xs, ys, color);
            line.LineWidth = 1.6f;
            line.LinePattern = ChartStyle.StrategyPattern(i);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            // Markers on about twenty samples, enough to tell the lines apart in black and white.
            var every = Math.Max(1, xs.Length / 20);
            var mx = xs.Where((_, k) => k % every == i % every).ToArray();
            var my = ys.Where((_, k) => k % every == i % every).ToArray();
            plot.Add.Markers(mx, my, ChartStyle.StrategyMarker(i), 8, color);
            var first = series[0];
            legend.Add(ChartStyle.LineItem($"{first.Approach} → {first.Intersection} ({first.Centre})", color, 2, ChartStyle.StrategyPattern(i), ChartStyle.StrategyMarker(i)));
        }
        plot.XLabel(labels["axis.sim_time_s"]);
        plot.YLabel(labels["axis.queue_m"]);
        plot.Axes.SetLimitsX(window.FromS, window.ToS);
        plot.Axes.AutoScaleY();
        plot.Axes.SetLimitsY(0, Math.Max(10, plot.Axes.GetLimits().Top * 1.15));
        plot.ShowLegend(legend, Alignment.UpperLeft);
        return plot;
    }

    private static List<string> Chosen(IReadOnlyList<string>? requested, Dictionary<string, List<QueueRow>> byApproach, RunFolder run)
    {
        if (requested is { Count: > 0 })
        {
            foreach (var a in requested)
            {
                if (!byApproach.ContainsKey(a))
                    throw new ChartOptionException($"--approach: no approach '{a}' in {run.PathOf(QueueRow.FileName)}; approaches: {string.Join(", ", byApproach.Keys.Order(StringComparer.Ordinal))}");
            }
            return requested.ToList();
        }
        return byApproach.OrderByDescending(kv => kv.Value.Max(s => s.QueueLengthM)).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(DefaultApproachCount).Select(kv => kv.Key).ToList();
    }
}
