// "Points durs": the mean time a bus loses per passage on each approach segment, one bar per
// strategy (its colour and hatch), approaches ordered along the corridor, strategies side by
// side. Each bar is stacked by cause, bottom to top: at the red signal (the strategy's full
// colour), in the queue at green (a light tint of it) and at the stop on the segment (white,
// dotted in the strategy's colour), so that print in black and white still tells the three
// apart by their tone and their place in the stack. Results whose crossings.csv does not split
// red from green (no red_delay_s) get one part "at the signal and in the queue" below the stop.
using ScottPlot;
using SignalSim.Charts.Model;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Charts;

public sealed class BusTimeLostChart : IChart
{
    public string Kind => "bus-time-lost";
    public (int Width, int Height) Size => (1400, 750);

    /// <summary>Share of the strategy's colour in the tint of the queue-at-green part: light enough to read apart from the full colour in grey print.</summary>
    private const double QueueTint = 0.4;

    /// <summary>The neutral grey standing for "any strategy" in the legend of the causes.</summary>
    private static readonly Color CauseGrey = Color.FromHex("#555555");

    private enum Part { AtRed, AtGreen, SignalAndQueue, Stop }

    public IEnumerable<string> Inputs(ChartContext context) => context.Folder.Runs.Select(r => r.PathOf(CrossingRow.FileName));

    public Plot Build(ChartContext context)
    {
        var labels = context.Labels;
        var runs = context.Folder.Runs;
        var lost = runs.Select(r => BusTimeLost.PerApproach(r.Crossings)).ToList();
        if (lost.All(l => l.Count == 0)) throw new ChartUnavailableException($"no bus crossed a stop line in {CrossingRow.FileName}", "no_bus", CrossingRow.FileName);
        var approaches = Order(context.Folder.BaselineRun, lost.SelectMany(l => l).Select(a => (a.Intersection, a.Approach)).Distinct().ToList());
        // One rule for the whole chart: red and green apart only when every strategy's records
        // split them, so that the strategies' bars compare like with like.
        var split = lost.All(l => l.All(a => a.Lost.SplitsSignalAndQueue));

        var plot = ChartStyle.NewPlot(labels, labels["chart.bus-time-lost.title"]);
        var groupWidth = runs.Count + 1.0;
        var legend = new List<LegendItem>();
        for (var s = 0; s < runs.Count; s++)
        {
            var bars = new List<Bar>();
            for (var i = 0; i < approaches.Count; i++)
            {
                var a = lost[s].FirstOrDefault(x => x.Approach == approaches[i].Approach);
                if (a is null) continue;
                var position = i * groupWidth + s - (runs.Count - 1) / 2.0;
                var baseS = 0.0;
                foreach (var (part, seconds) in Parts(a.Lost, split))
                {
                    // A part without time has no bar (no stop on the segment, no red met).
                    if (seconds <= 0) continue;
                    var bar = Styled(part, s);
                    bar.Position = position;
                    bar.ValueBase = baseS;
                    bar.Value = baseS + seconds;
                    bar.Size = 0.85;
                    bars.Add(bar);
                    baseS += seconds;
                }
            }
            plot.Add.Bars(bars);
            legend.Add(ChartStyle.FillItem(context.StrategyName(runs[s]), ChartStyle.StrategyColor(s), ChartStyle.StrategyHatch(s), Colors.White.WithAlpha(0.8)));
        }
        if (split)
        {
            legend.Add(ChartStyle.FillItem(labels["chart.bus-time-lost.red"], CauseGrey));
            legend.Add(ChartStyle.FillItem(labels["chart.bus-time-lost.queue"], Colors.White.MixedWith(CauseGrey, QueueTint)));
        }
        else
        {
            legend.Add(ChartStyle.FillItem(labels["chart.bus-time-lost.signal_and_queue"], CauseGrey));
        }
        legend.Add(ChartStyle.FillItem(labels["chart.bus-time-lost.stops"], Colors.White, new ScottPlot.Hatches.Dots(), CauseGrey));

        plot.Axes.Bottom.TickGenerator = ChartStyle.Categories(approaches.Select((a, i) => (i * groupWidth, $"{a.Intersection}\n{a.Approach}")));
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.YLabel(labels["axis.time_lost_s"]);
        plot.Axes.SetLimitsX(-groupWidth / 2, (approaches.Count - 0.5) * groupWidth);
        plot.Axes.AutoScaleY();
        plot.Axes.SetLimitsY(0, Math.Max(5, plot.Axes.GetLimits().Top * 1.1));
        // Below the plot, not over the bars: strategies first, then the causes.
        plot.Legend.ManualItems.AddRange(legend);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>The parts of one bar, bottom to top, each in seconds per passage.</summary>
    private static IEnumerable<(Part Part, double S)> Parts(TimeLostByCause lost, bool split)
    {
        if (split)
        {
            yield return (Part.AtRed, lost.MeanAtRedS!.Value);
            yield return (Part.AtGreen, lost.MeanAtGreenS!.Value);
        }
        else
        {
            yield return (Part.SignalAndQueue, lost.MeanSignalAndQueueS);
        }
        yield return (Part.Stop, lost.MeanDwellS);
    }

    /// <summary>A part's fill: the strategy's colour and hatch, full at the signal, tinted in the queue, white and dotted at the stop.</summary>
    private static Bar Styled(Part part, int strategy)
    {
        var color = ChartStyle.StrategyColor(strategy);
        var bar = new Bar { LineColor = ChartStyle.Ink, LineWidth = 1 };
        switch (part)
        {
            case Part.AtRed or Part.SignalAndQueue:
                bar.FillColor = color;
                bar.FillHatch = ChartStyle.StrategyHatch(strategy);
                bar.FillHatchColor = Colors.White.WithAlpha(0.8);
                break;
            case Part.AtGreen:
                bar.FillColor = Colors.White.MixedWith(color, QueueTint);
                bar.FillHatch = ChartStyle.StrategyHatch(strategy);
                bar.FillHatchColor = Colors.White.WithAlpha(0.8);
                break;
            default:
                bar.FillColor = Colors.White;
                bar.FillHatch = new ScottPlot.Hatches.Dots();
                bar.FillHatchColor = color;
                break;
        }
        return bar;
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
