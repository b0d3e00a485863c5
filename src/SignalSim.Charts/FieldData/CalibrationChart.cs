// Simulated against counted hourly flow at every count site, before and after calibration, with
// the identity line and the GEH = 5 band around it.
using ScottPlot;
using SignalSim.Analysis.Calibration;
using SignalSim.Charts.Charts;
using SignalSim.Charts.Labels;

namespace SignalSim.Charts.FieldData;

public static class CalibrationChart
{
    public const string Kind = "calibration-scatter";

    public static ChartFiles Draw(CalibrationResult r, ChartLabels labels, string outputDirectory)
    {
        using var plot = ChartStyle.NewPlot(labels, labels["chart.calibration.title"]);
        var max = r.Sites.SelectMany(s => new[] { s.CountedVehPerHour, s.BeforeVehPerHour, s.AfterVehPerHour }).DefaultIfEmpty(100).Max() * 1.1;
        var xs = Enumerable.Range(0, 101).Select(i => max * i / 100).ToArray();
        // Modelled flow M with GEH(M, C) = 5: M = C + 12.5 ± √(156.25 + 25 C).
        var upper = xs.Select(c => c + 12.5 + Math.Sqrt(156.25 + 25 * c)).ToArray();
        var lower = xs.Select(c => Math.Max(0, c + 12.5 - Math.Sqrt(156.25 + 25 * c))).ToArray();
        var band = plot.Add.FillY(xs, lower, upper);
        band.FillColor = ChartStyle.Green.WithAlpha(0.15);
        band.LineWidth = 0;
        var identity = plot.Add.Line(0, 0, max, max);
        identity.LineColor = ChartStyle.Ink;
        identity.LinePattern = LinePattern.Dashed;
        plot.Add.Markers(r.Sites.Select(s => s.CountedVehPerHour).ToArray(), r.Sites.Select(s => s.BeforeVehPerHour).ToArray(), MarkerShape.OpenCircle, 9, ChartStyle.StrategyColor(1));
        plot.Add.Markers(r.Sites.Select(s => s.CountedVehPerHour).ToArray(), r.Sites.Select(s => s.AfterVehPerHour).ToArray(), MarkerShape.FilledSquare, 8, ChartStyle.StrategyColor(0));
        plot.Legend.ManualItems.AddRange(
        [
            ChartStyle.FillItem(labels["chart.calibration.band"], ChartStyle.Green.WithAlpha(0.15)),
            ChartStyle.MarkerItem(labels["chart.calibration.before"], MarkerShape.OpenCircle, ChartStyle.StrategyColor(1)),
            ChartStyle.MarkerItem(labels.Format("chart.calibration.after", labels.Number(100 * r.ShareBelowThreshold, 0)), MarkerShape.FilledSquare, ChartStyle.StrategyColor(0)),
        ]);
        plot.XLabel(labels["axis.counted_veh_h"]);
        plot.YLabel(labels["axis.simulated_veh_h"]);
        plot.Axes.SetLimits(0, max, 0, max);
        plot.ShowLegend(Edge.Bottom);
        Directory.CreateDirectory(outputDirectory);
        var png = Path.Combine(outputDirectory, Kind + ".png");
        var svg = Path.Combine(outputDirectory, Kind + ".svg");
        plot.SavePng(png, 900, 900);
        var rect = plot.LastRender.DataRect;
        SvgExport.Save(plot, svg, 900, 900);
        return new ChartFiles(Kind, png, svg, 900, 900, new DataArea((int)rect.Left, (int)rect.Top, (int)rect.Right, (int)rect.Bottom));
    }
}
