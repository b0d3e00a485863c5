// The trade-off the committee arbitrates: each strategy as a point, the change in car
// occupants' person-delay (x) against the change in public-transport passengers' person-delay
// (y, buses and trams together), both against the baseline and in person-hours over the
// measured period, with their 95 % intervals (from comparison.csv). The baseline sits at the
// origin; the dashed line x + y = 0 through it is where the total of these two groups equals
// the baseline's: points below-left of it lower their total. The solid line joins the front:
// the strategies (baseline included) that no other beats on both groups, on the mean figures;
// the points of `optimize --objective pareto` lie on it. Cycles and pedestrians are left out of
// the two axes (the note's summary counts them). The axes fit the points with their intervals
// (not forced symmetric); a strategy far out (its reach more than FarFactor times every other's)
// is left out of that fit, drawn at its figures in an inset of the whole plane, and named with
// its figures on the main window, so that it no longer squeezes the others near the origin.
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
    public (int Width, int Height) Size => (1400, 900); // the legend below the plot, off the points

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

    /// <summary>A rectangle of the plane, in person-hours.</summary>
    public readonly record struct Window(double Left, double Right, double Bottom, double Top)
    {
        public double Width => Right - Left;
        public double Height => Top - Bottom;

        public bool Contains(double x, double y) => x >= Left && x <= Right && y >= Bottom && y <= Top;
    }

    /// <summary>A point is far out when its reach is this many times that of every point kept in the main window.</summary>
    public const double FarFactor = 4;

    /// <summary>
    /// The points drawn apart, in the inset, because their reach from the origin (interval ends
    /// included) is more than <see cref="FarFactor"/> times that of all the others: one strategy
    /// far out would otherwise squeeze the rest near the origin. At most a third of the strategies.
    /// </summary>
    public static IReadOnlySet<string> FarOut(IReadOnlyList<TradeOffPoint> points)
    {
        static double Reach(TradeOffPoint p) => new[] { p.CarLowH, p.CarHighH, p.TransitLowH, p.TransitHighH }.Max(Math.Abs);
        var sorted = points.Where(p => !p.IsBaseline).OrderByDescending(Reach).ToList();
        var far = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < Math.Max(1, sorted.Count / 3) && j + 1 < sorted.Count; j++)
        {
            if (Reach(sorted[j]) > FarFactor * Reach(sorted[j + 1]))
            {
                far.UnionWith(sorted.Take(j + 1).Select(p => p.Strategy));
                break;
            }
        }
        return far;
    }

    /// <summary>The window that holds the points with their intervals and the origin, with a margin; not forced symmetric.</summary>
    public static Window Fit(IEnumerable<TradeOffPoint> points)
    {
        var list = points.ToList();
        double left = Math.Min(0, list.Min(p => p.CarLowH)), right = Math.Max(0, list.Max(p => p.CarHighH));
        double bottom = Math.Min(0, list.Min(p => p.TransitLowH)), top = Math.Max(0, list.Max(p => p.TransitHighH));
        var padX = Math.Max(1e-3, 0.1 * (right - left));
        var padY = Math.Max(1e-3, 0.1 * (top - bottom));
        return new Window(left - padX, right + padX, bottom - padY, top + padY);
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
        var far = FarOut(points);
        var main = Fit(points.Where(p => !far.Contains(p.Strategy)));
        var whole = Fit(points);
        var reach = 10 * Math.Max(whole.Width, whole.Height);

        // Equal total person-delay of the two groups: x + y = 0 through the baseline (the origin is in every window).
        var line = plot.Add.Line(-reach, reach, reach, -reach);
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

        var labelled = LabelsThatFit(points, main);
        var runs = folder.Runs.ToList();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var index = runs.FindIndex(r => r.Name == p.Strategy);
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
            if (!labelled[i] || far.Contains(p.Strategy)) continue;
            var text = plot.Add.Text(p.Strategy, p.CarDiffH, p.TransitDiffH);
            text.LabelFontSize = 12;
            text.LabelFontName = ChartStyle.FontName;
            text.LabelAlignment = Alignment.LowerLeft;
            text.OffsetX = 8;
            text.OffsetY = -6;
        }
        if (far.Count > 0) AddInset(plot, labels, points, far, front, main, whole, runs.Select(r => r.Name).ToList());
        plot.Axes.SetLimits(main.Left, main.Right, main.Bottom, main.Top);
        plot.XLabel(labels["axis.car_person_delay_h"]);
        plot.YLabel(labels["axis.transit_person_delay_h"]);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>Fraction of the main window's width and height the inset takes, and its margin from the corner.</summary>
    private const double InsetFraction = 0.4, InsetMargin = 0.03;

    /// <summary>
    /// The whole plane in a corner of the main window: every point at its figures (drawn to the
    /// inset's own scale, given by its tick labels), the far ones named, the equal-total line, and
    /// the main window outlined; a note on the main window names each far point and its figures.
    /// The corner is the one over the fewest points of the main window.
    /// </summary>
    private static void AddInset(Plot plot, Labels.ChartLabels labels, IReadOnlyList<TradeOffPoint> points, IReadOnlySet<string> far,
        IReadOnlyList<TradeOffPoint> front, Window main, Window whole, IReadOnlyList<string> runNames)
    {
        var w = InsetFraction * main.Width;
        var h = InsetFraction * main.Height;
        var mx = InsetMargin * main.Width;
        var my = InsetMargin * main.Height;
        Window[] corners =
        [
            new(main.Right - mx - w, main.Right - mx, main.Top - my - h, main.Top - my),
            new(main.Left + mx, main.Left + mx + w, main.Bottom + my, main.Bottom + my + h),
            new(main.Left + mx, main.Left + mx + w, main.Top - my - h, main.Top - my),
            new(main.Right - mx - w, main.Right - mx, main.Bottom + my, main.Bottom + my + h),
        ];
        var near = points.Where(p => !far.Contains(p.Strategy)).ToList();
        var box = corners.OrderBy(c => near.Count(p => c.Contains(p.CarDiffH, p.TransitDiffH) || c.Contains(p.CarLowH, p.TransitDiffH) || c.Contains(p.CarHighH, p.TransitDiffH)
            || c.Contains(p.CarDiffH, p.TransitLowH) || c.Contains(p.CarDiffH, p.TransitHighH))).First();

        // Room inside the box for the tick labels (left and bottom) and the caption (top).
        var area = new Window(box.Left + 0.16 * box.Width, box.Right - 0.04 * box.Width, box.Bottom + 0.12 * box.Height, box.Top - 0.12 * box.Height);
        double X(double x) => area.Left + (x - whole.Left) / whole.Width * area.Width;
        double Y(double y) => area.Bottom + (y - whole.Bottom) / whole.Height * area.Height;

        var back = plot.Add.Rectangle(box.Left, box.Right, box.Bottom, box.Top);
        back.FillColor = Colors.White;
        back.LineColor = ChartStyle.Ink.WithAlpha(0.6);
        back.LineWidth = 1;
        var frame = plot.Add.Rectangle(area.Left, area.Right, area.Bottom, area.Top);
        frame.FillColor = Colors.Transparent;
        frame.LineColor = ChartStyle.Ink.WithAlpha(0.35);
        frame.LineWidth = 1;

        void Segment(double xa, double ya, double xb, double yb, Color color, float width, LinePattern pattern)
        {
            var s = plot.Add.Line(X(xa), Y(ya), X(xb), Y(yb));
            s.Color = color;
            s.LineWidth = width;
            s.LinePattern = pattern;
        }
        Segment(0, whole.Bottom, 0, whole.Top, ChartStyle.Ink.WithAlpha(0.35), 1, LinePattern.Solid);
        Segment(whole.Left, 0, whole.Right, 0, ChartStyle.Ink.WithAlpha(0.35), 1, LinePattern.Solid);
        // x + y = 0 within the whole window.
        var a = Math.Max(whole.Left, -whole.Top);
        var b = Math.Min(whole.Right, -whole.Bottom);
        if (a < b) Segment(a, -a, b, -b, ChartStyle.Ink.WithAlpha(0.7), 1, LinePattern.Dashed);
        for (var i = 1; i < front.Count; i++)
            Segment(front[i - 1].CarDiffH, front[i - 1].TransitDiffH, front[i].CarDiffH, front[i].TransitDiffH, ChartStyle.Ink.WithAlpha(0.55), 2, LinePattern.Solid);
        // The main window, outlined at the inset's scale.
        var outline = plot.Add.Rectangle(X(Math.Max(main.Left, whole.Left)), X(Math.Min(main.Right, whole.Right)), Y(Math.Max(main.Bottom, whole.Bottom)), Y(Math.Min(main.Top, whole.Top)));
        outline.FillColor = Colors.Transparent;
        outline.LineColor = ChartStyle.Ink;
        outline.LineWidth = 1;
        outline.LinePattern = LinePattern.Dotted;

        foreach (var p in points)
        {
            var index = runNames.ToList().IndexOf(p.Strategy);
            var color = ChartStyle.StrategyColor(index);
            if (!p.IsBaseline)
            {
                Segment(p.CarLowH, p.TransitDiffH, p.CarHighH, p.TransitDiffH, color, 1.5f, LinePattern.Solid);
                Segment(p.CarDiffH, p.TransitLowH, p.CarDiffH, p.TransitHighH, color, 1.5f, LinePattern.Solid);
            }
            plot.Add.Marker(X(p.CarDiffH), Y(p.TransitDiffH), ChartStyle.StrategyMarker(index), 8, color);
            if (!far.Contains(p.Strategy)) continue;
            var name = plot.Add.Text(p.Strategy, X(p.CarDiffH), Y(p.TransitDiffH));
            name.LabelFontSize = 11;
            name.LabelFontName = ChartStyle.FontName;
            name.LabelAlignment = X(p.CarDiffH) > area.Left + area.Width / 2 ? Alignment.LowerRight : Alignment.LowerLeft;
            name.OffsetY = -5;
        }

        void Label(string text, double x, double y, Alignment alignment, float size = 10)
        {
            var label = plot.Add.Text(text, x, y);
            label.LabelFontSize = size;
            label.LabelFontName = ChartStyle.FontName;
            label.LabelAlignment = alignment;
        }
        foreach (var v in Ticks(whole.Left, whole.Right)) Label(labels.Tick(v), X(v), area.Bottom, Alignment.UpperCenter);
        foreach (var v in Ticks(whole.Bottom, whole.Top)) Label(labels.Tick(v), area.Left - 0.01 * box.Width, Y(v), Alignment.MiddleRight);
        Label(labels["chart.trade-off.inset"], box.Left + box.Width / 2, box.Top - 0.01 * box.Height, Alignment.UpperCenter, 11);

        // On the main window, where each far point lies.
        var notes = points.Where(p => far.Contains(p.Strategy))
            .SelectMany(p => new[] { labels.Format("chart.trade-off.far", p.Strategy), labels.Format("chart.trade-off.far_figures", labels.Signed(p.CarDiffH, 1), labels.Signed(p.TransitDiffH, 1)) })
            .ToList();
        var noteBox = box.Bottom > main.Bottom + main.Height / 2
            ? (Y: box.Bottom - 0.01 * main.Height, Alignment: box.Left > main.Left + main.Width / 2 ? Alignment.UpperRight : Alignment.UpperLeft)
            : (Y: box.Top + 0.01 * main.Height, Alignment: box.Left > main.Left + main.Width / 2 ? Alignment.LowerRight : Alignment.LowerLeft);
        Label(string.Join("\n", notes), box.Left > main.Left + main.Width / 2 ? box.Right : box.Left, noteBox.Y, noteBox.Alignment, 11);
    }

    /// <summary>Three to six round tick values between <paramref name="low"/> and <paramref name="high"/>.</summary>
    public static IReadOnlyList<double> Ticks(double low, double high)
    {
        var raw = (high - low) / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var ticks = new List<double>();
        for (var v = Math.Ceiling(low / step) * step; v <= high + 1e-9 * step; v += step) ticks.Add(Math.Round(v / step) * step);
        return ticks;
    }

    /// <summary>
    /// Which points get their name beside them: a name that would overlap one already placed
    /// (boxes estimated from the name's length) is left out, since the legend names every marker;
    /// stacking names instead moved them far from points that nearly coincide.
    /// </summary>
    private static bool[] LabelsThatFit(IReadOnlyList<TradeOffPoint> points, Window window)
    {
        const int LinePx = 16, CharPx = 7, PlotWidthPx = 1300, PlotHeightPx = 650; // plot area above the legend
        var pxPerUnitX = PlotWidthPx / window.Width;
        var pxPerUnitY = PlotHeightPx / window.Height;
        var placed = new List<(double X, double Y, double W)>();
        var fits = new bool[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var x = points[i].CarDiffH * pxPerUnitX;
            var w = points[i].Strategy.Length * CharPx;
            var y = points[i].TransitDiffH * pxPerUnitY;
            fits[i] = window.Contains(points[i].CarDiffH, points[i].TransitDiffH) && !placed.Any(b => x < b.X + b.W && b.X < x + w && Math.Abs(y - b.Y) < LinePx);
            if (fits[i]) placed.Add((x, y, w));
        }
        return fits;
    }
}
