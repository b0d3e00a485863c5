// The trade-off the committee arbitrates: each strategy as a point, the change in car
// occupants' person-delay (x) against the change in public-transport passengers' person-delay
// (y, buses and trams together), both against the baseline and in person-hours over the
// measured period, with their 95 % intervals (from comparison.csv). The baseline sits at the
// origin; the dashed line x + y = 0 through it is where the total of these two groups equals
// the baseline's: points below-left of it lower their total. The solid line joins the front:
// the strategies (baseline included) that no other beats on both groups, on the mean figures;
// the points of `optimize --objective pareto` lie on it. Cycles and pedestrians are left out of
// the two axes (the note's summary counts them).
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

    /// <summary>The points on the front (no other point at most as high on both axes and lower on one), by increasing car difference.</summary>
    public static IReadOnlyList<TradeOffPoint> Front(IReadOnlyList<TradeOffPoint> points)
    {
        var front = new List<TradeOffPoint>();
        foreach (var p in points)
        {
            var dominated = false;
            foreach (var q in points)
            {
                if (!ReferenceEquals(p, q) && q.CarDiffH <= p.CarDiffH && q.TransitDiffH <= p.TransitDiffH
                    && (q.CarDiffH < p.CarDiffH || q.TransitDiffH < p.TransitDiffH)) { dominated = true; break; }
            }
            if (!dominated) front.Add(p);
        }
        front.Sort((a, b) => a.CarDiffH.CompareTo(b.CarDiffH));
        return front;
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
        var front = Front(points);
        if (front.Count >= 2)
        {
            var frontLine = plot.Add.ScatterLine(front.Select(p => p.CarDiffH).ToArray(), front.Select(p => p.TransitDiffH).ToArray());
            frontLine.Color = ChartStyle.Ink.WithAlpha(0.55);
            frontLine.LineWidth = 3f;
            frontLine.MarkerSize = 0;
            frontLine.LegendText = labels["chart.trade-off.front"];
        }
        var x0 = plot.Add.VerticalLine(0, 1, ChartStyle.Ink.WithAlpha(0.35));
        x0.LinePattern = LinePattern.Solid;
        var y0 = plot.Add.HorizontalLine(0, 1, ChartStyle.Ink.WithAlpha(0.35));
        y0.LinePattern = LinePattern.Solid;

        var labelled = LabelsThatFit(points, span);
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
            if (!labelled[i]) continue;
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

    /// <summary>
    /// Which points get their name beside them: a name that would overlap one already placed
    /// (boxes estimated from the name's length) is left out, since the legend names every marker;
    /// stacking names instead moved them far from points that nearly coincide.
    /// </summary>
    private static bool[] LabelsThatFit(IReadOnlyList<TradeOffPoint> points, double span)
    {
        const int LinePx = 16, CharPx = 7, PlotPx = 900; // plot area about 900 px for 2 × span
        var pxPerUnit = PlotPx / (2 * span);
        var placed = new List<(double X, double Y, double W)>();
        var fits = new bool[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var x = points[i].CarDiffH * pxPerUnit;
            var w = points[i].Strategy.Length * CharPx;
            var y = points[i].TransitDiffH * pxPerUnit;
            fits[i] = !placed.Any(b => x < b.X + b.W && b.X < x + w && Math.Abs(y - b.Y) < LinePx);
            if (fits[i]) placed.Add((x, y, w));
        }
        return fits;
    }
}
