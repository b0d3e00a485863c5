// The trade-off the committee arbitrates: each strategy as a point, the change in car
// occupants' person-delay (x) against the change in public-transport passengers' person-delay
// (y, buses and trams together), both against the baseline and in person-hours over the
// measured period, with their 95 % intervals (from comparison.csv). The baseline sits at the
// origin; the dashed line x + y = 0 through it is where the total of these two groups equals
// the baseline's: points below-left of it lower their total. Cycles and pedestrians are left
// out of the two axes (the note's summary counts them).
using ScottPlot;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Charts;

/// <summary>
/// One strategy on the chart. The transit interval is bus's and tram's half-widths added: the
/// half-width of a sum of paired differences never exceeds the sum of their half-widths, so it
/// is a conservative interval when the scenario has both modes, the exact one with one of them.
/// </summary>
public sealed record TradeOffPoint(string Strategy, bool IsBaseline, double CarDiffH, double CarLowH, double CarHighH,
    double TransitDiffH, double TransitLowH, double TransitHighH);

public sealed class TradeOffChart : IChart
{
    public string Kind => "trade-off";
    public (int Width, int Height) Size => (1100, 800);

    public IEnumerable<string> Inputs(ChartContext context) => [Path.Combine(context.Folder.Path, ComparisonRow.FileName)];

    /// <summary>The points drawn: the baseline at the origin, then each strategy with the figures of comparison.csv.</summary>
    public static IReadOnlyList<TradeOffPoint> Points(ResultsFolder folder)
    {
        var points = new List<TradeOffPoint>();
        foreach (var run in folder.Runs)
        {
            if (run.Name == folder.Baseline)
            {
                points.Add(new TradeOffPoint(run.Name, true, 0, 0, 0, 0, 0, 0));
                continue;
            }
            var rows = folder.Comparison.Where(r => r.Strategy == run.Name && r.PersonDelayDiffH is not null).ToList();
            var car = rows.FirstOrDefault(r => r.Mode == "car").PersonDelayDiffH;
            var transit = rows.Where(r => r.Mode is "bus" or "tram").Select(r => r.PersonDelayDiffH!.Value).ToList();
            if (car is null || transit.Count == 0) continue;
            var c = car.Value;
            var t = transit.Sum(i => i.Mean);
            var tHalf = transit.Sum(i => (i.High ?? i.Mean) - i.Mean);
            var tHalfLow = transit.Sum(i => i.Mean - (i.Low ?? i.Mean));
            points.Add(new TradeOffPoint(run.Name, false, c.Mean, c.Low ?? c.Mean, c.High ?? c.Mean, t, t - tHalfLow, t + tHalf));
        }
        return points;
    }

    public Plot Build(ChartContext context)
    {
        var labels = context.Labels;
        var folder = context.Folder;
        if (!folder.IsComparison) throw ResultsFileException.Missing(Path.Combine(folder.Path, ComparisonRow.FileName), "this chart needs the results of `signalsim compare`");
        var points = Points(folder);
        if (points.Count < 2)
            throw new ChartUnavailableException($"no strategy with car and bus or tram person-delay differences in {ComparisonRow.FileName}", "no_trade_off", ComparisonRow.FileName);

        var plot = ChartStyle.NewPlot(labels, labels.Format("chart.trade-off.title", folder.Baseline));
        var span = Math.Max(1e-3, points.SelectMany(p => new[] { Math.Abs(p.CarLowH), Math.Abs(p.CarHighH), Math.Abs(p.TransitLowH), Math.Abs(p.TransitHighH) }).Max()) * 1.25;

        // Equal total person-delay of the two groups: x + y = 0 through the baseline.
        var line = plot.Add.Line(-span, span, span, -span);
        line.Color = ChartStyle.Ink.WithAlpha(0.7);
        line.LineWidth = 1.5f;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = labels["chart.trade-off.equal_total"];
        var x0 = plot.Add.VerticalLine(0, 1, ChartStyle.Ink.WithAlpha(0.35));
        x0.LinePattern = LinePattern.Solid;
        var y0 = plot.Add.HorizontalLine(0, 1, ChartStyle.Ink.WithAlpha(0.35));
        y0.LinePattern = LinePattern.Solid;

        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var index = folder.Runs.ToList().FindIndex(r => r.Name == p.Strategy);
            if (!p.IsBaseline)
            {
                var bar = plot.Add.ErrorBar([p.CarDiffH], [p.TransitDiffH], []);
                bar.XErrorPositive = [p.CarHighH - p.CarDiffH];
                bar.XErrorNegative = [p.CarDiffH - p.CarLowH];
                bar.YErrorPositive = [p.TransitHighH - p.TransitDiffH];
                bar.YErrorNegative = [p.TransitDiffH - p.TransitLowH];
                bar.Color = ChartStyle.StrategyColor(index);
                bar.LineWidth = 2f;
                bar.LinePattern = ChartStyle.StrategyPattern(index);
                bar.CapSize = 8;
            }
            var marker = plot.Add.Marker(p.CarDiffH, p.TransitDiffH, ChartStyle.StrategyMarker(index), 14, ChartStyle.StrategyColor(index));
            marker.LegendText = p.IsBaseline ? $"{p.Strategy} ({labels["report.baseline"]})" : p.Strategy;
            var text = plot.Add.Text(p.Strategy, p.CarDiffH, p.TransitDiffH);
            text.LabelFontSize = 12;
            text.LabelFontName = ChartStyle.FontName;
            text.LabelAlignment = Alignment.LowerLeft;
            text.OffsetX = 8;
            text.OffsetY = -6;
        }
        plot.Axes.SetLimits(-span, span, -span, span);
        plot.XLabel(labels["axis.car_person_delay_h"]);
        plot.YLabel(labels["axis.transit_person_delay_h"]);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
