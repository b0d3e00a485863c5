// The headline chart: per mode, each strategy's difference in mean travel time from the
// baseline with its 95 % confidence interval (from comparison.csv), and the zero line. An
// interval that does not cross zero is a difference the replications support.
using ScottPlot;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Charts;

public sealed class BaselineDifferenceChart : IChart
{
    public string Kind => "baseline-difference";
    public (int Width, int Height) Size => (1200, 700);

    public IEnumerable<string> Inputs(ChartContext context) => [Path.Combine(context.Folder.Path, ComparisonRow.FileName)];

    public Plot Build(ChartContext context)
    {
        var labels = context.Labels;
        var folder = context.Folder;
        if (!folder.IsComparison) throw ResultsFileException.Missing(Path.Combine(folder.Path, ComparisonRow.FileName), "this chart needs the results of `signalsim compare`");
        var rows = folder.Comparison.Where(r => r.Strategy != folder.Baseline && r.DiffVsBaselineS is not null).ToList();
        if (rows.Count == 0) throw new ChartUnavailableException($"no difference from the baseline in {ComparisonRow.FileName}", "no_difference", ComparisonRow.FileName);
        var strategies = folder.Runs.Skip(1).ToList();
        var modes = rows.Select(r => r.Mode).Distinct().OrderBy(ChartStyle.ModeOrder).ThenBy(m => m, StringComparer.Ordinal).ToList();

        var plot = ChartStyle.NewPlot(labels, labels.Format("chart.baseline-difference.title", folder.Baseline));
        var groupHeight = strategies.Count + 1.0;
        double xMin = 0, xMax = 0;
        var ticks = new List<(double, string)>();
        var inLegend = new HashSet<int>();
        for (var m = 0; m < modes.Count; m++)
        {
            var centre = (modes.Count - 1 - m) * groupHeight; // first mode on top
            ticks.Add((centre, labels.Mode(modes[m])));
            if (m > 0)
            {
                var separator = plot.Add.HorizontalLine(centre + groupHeight / 2, 1, ChartStyle.Ink.WithAlpha(0.4));
                separator.LinePattern = LinePattern.Solid;
            }
            for (var s = 0; s < strategies.Count; s++)
            {
                var row = rows.FirstOrDefault(r => r.Mode == modes[m] && r.Strategy == strategies[s].Name);
                if (row.Strategy is null || row.DiffVsBaselineS is not { } diff) continue;
                var low = row.DiffCi95LowS ?? diff;
                var high = row.DiffCi95HighS ?? diff;
                var y = centre + (strategies.Count - 1) / 2.0 - s;
                var index = s + 1;
                var bar = plot.Add.ErrorBar([diff], [y], []);
                bar.XErrorPositive = [high - diff];
                bar.XErrorNegative = [diff - low];
                bar.YErrorPositive = [0.0];
                bar.YErrorNegative = [0.0];
                bar.Color = ChartStyle.StrategyColor(index);
                bar.LineWidth = 2.5f;
                bar.LinePattern = ChartStyle.StrategyPattern(index);
                bar.CapSize = 10;
                var marker = plot.Add.Marker(diff, y, ChartStyle.StrategyMarker(index), 13, ChartStyle.StrategyColor(index));
                if (inLegend.Add(s)) marker.LegendText = strategies[s].Name;
                var text = plot.Add.Text($"{labels.Signed(diff, 1)} s  [{labels.Signed(low, 1)} ; {labels.Signed(high, 1)}]", high, y);
                text.LabelFontSize = 12;
                text.LabelFontName = ChartStyle.FontName;
                text.LabelAlignment = Alignment.MiddleLeft;
                text.OffsetX = 8;
                xMin = Math.Min(xMin, low);
                xMax = Math.Max(xMax, high);
            }
        }
        var zero = plot.Add.VerticalLine(0, 2, ChartStyle.Ink);
        zero.LinePattern = LinePattern.Solid;
        var span = Math.Max(xMax - xMin, 1);
        plot.Axes.SetLimitsX(xMin - 0.08 * span, xMax + 0.45 * span);
        plot.Axes.SetLimitsY(-groupHeight / 2, (modes.Count - 0.5) * groupHeight);
        plot.Axes.Left.TickGenerator = ChartStyle.Categories(ticks);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        plot.Axes.Left.TickLabelStyle.Bold = true;
        plot.XLabel(labels["axis.diff_s"] + "    " + labels["chart.baseline-difference.better"] + " · " + labels["chart.baseline-difference.worse"]);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
