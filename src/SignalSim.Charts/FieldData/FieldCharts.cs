// Charts from controller event logs: the Purdue coordination diagram of one phase and the split
// monitor of a signal, each with the field (a log) and optionally the simulation (a results
// folder, or a second log) on the same axes, plus arrivals-on-green.csv with both figures. The
// legend and the CSV say how each source's arrivals were measured (detector or undelayed), since
// a field log and a simulation can only be compared when measured the same way.
using System.Globalization;
using ScottPlot;
using SignalSim.Analysis.Interop.EventLogs;
using SignalSim.Charts.Charts;
using SignalSim.Charts.Labels;

namespace SignalSim.Charts.FieldData;

public static class FieldCharts
{
    public const string PurdueKind = "purdue-events";
    public const string SplitMonitorKind = "split-monitor";
    public const string ArrivalsOnGreenFileName = "arrivals-on-green.csv";

    /// <summary>arrivals-on-green.csv: one row per source; method is detector or undelayed, the last three empty for undelayed.</summary>
    public static readonly string[] ArrivalsOnGreenColumns = ["source", "signal", "phase", "arrivals", "on_green", "share", "method", "detector", "distance_m", "speed_kmh"];

    /// <summary>Purdue diagram of each source on the same axes; the first source's green is drawn as bands.</summary>
    public static ChartFiles DrawPurdue(IReadOnlyList<PurdueData> sources, ChartLabels labels, string outputDirectory)
    {
        var first = sources[0];
        using var plot = ChartStyle.NewPlot(labels, labels.Format("chart.field_purdue.title", first.Signal, first.Phase));
        var legend = new List<LegendItem>();
        var maxCycle = 0.0;
        for (var k = 0; k + 1 < first.Greens.Count; k++)
        {
            var (g, next) = (first.Greens[k], first.Greens[k + 1]);
            maxCycle = Math.Max(maxCycle, next.StartS - g.StartS);
            var green = plot.Add.Rectangle(H(g.StartS), H(next.StartS), 0, g.GreenS);
            green.LineWidth = 0;
            green.FillColor = ChartStyle.Green.WithAlpha(0.35);
            var amber = plot.Add.Rectangle(H(g.StartS), H(next.StartS), g.GreenS, g.GreenS + g.YellowS);
            amber.LineWidth = 0;
            amber.FillColor = ChartStyle.Amber.WithAlpha(0.35);
        }
        legend.Add(ChartStyle.FillItem(labels.Format("chart.field_purdue.green", first.Source), ChartStyle.Green.WithAlpha(0.35)));
        for (var s = 0; s < sources.Count; s++)
        {
            var src = sources[s];
            var color = ChartStyle.StrategyColor(s);
            var marker = s == 0 ? MarkerShape.FilledCircle : MarkerShape.OpenSquare;
            if (s > 0)
            {
                // The other source's green ends, cycle by cycle, so that a shifted or shorter green shows.
                for (var k = 0; k + 1 < src.Greens.Count; k++)
                {
                    var line = plot.Add.Line(H(src.Greens[k].StartS), src.Greens[k].GreenS, H(src.Greens[k + 1].StartS), src.Greens[k].GreenS);
                    line.LineColor = color;
                    line.LinePattern = LinePattern.Dashed;
                    line.LineWidth = 2;
                }
                legend.Add(ChartStyle.LineItem(labels.Format("chart.field_purdue.green_end", src.Source), color, 2, LinePattern.Dashed));
            }
            plot.Add.Markers(src.Arrivals.Select(a => H(a.TimeOfDayS)).ToArray(), src.Arrivals.Select(a => a.CycleTimeS).ToArray(), marker, s == 0 ? 4f : 5f, color);
            legend.Add(ChartStyle.MarkerItem(labels.Format("chart.field_purdue.arrivals", src.Source, src.Arrivals.Count, labels.Number(100 * src.OnGreenShare, 0), MethodText(src, labels)), marker, color, 8));
            maxCycle = Math.Max(maxCycle, src.Arrivals.Select(a => a.CycleTimeS).DefaultIfEmpty(0).Max());
        }
        plot.XLabel(labels["axis.time_of_day"]);
        plot.YLabel(labels["axis.cycle_time_s"]);
        plot.Axes.SetLimitsY(0, maxCycle > 0 ? maxCycle : 120);
        plot.Legend.ManualItems.AddRange(legend);
        plot.ShowLegend(Edge.Bottom);
        return Save(plot, PurdueKind, outputDirectory, 1200, 700);
    }

    /// <summary>Green of every phase, cycle by cycle, for each source (filled markers: the first source).</summary>
    public static ChartFiles DrawSplitMonitor(IReadOnlyList<(string Source, IReadOnlyDictionary<int, List<GreenInterval>> Phases)> sources, string signal, ChartLabels labels, string outputDirectory)
    {
        using var plot = ChartStyle.NewPlot(labels, labels.Format("chart.split_monitor.title", signal));
        var legend = new List<LegendItem>();
        var phases = sources.SelectMany(s => s.Phases.Keys).Distinct().Order().ToList();
        for (var s = 0; s < sources.Count; s++)
        {
            foreach (var phase in phases)
            {
                if (!sources[s].Phases.TryGetValue(phase, out var greens) || greens.Count == 0) continue;
                var color = ChartStyle.StrategyColor(phases.IndexOf(phase));
                var marker = s == 0 ? ChartStyle.StrategyMarker(phases.IndexOf(phase)) : MarkerShape.OpenCircle;
                plot.Add.Markers(greens.Select(g => H(g.StartS)).ToArray(), greens.Select(g => g.GreenS).ToArray(), marker, s == 0 ? 6f : 9f, color);
                legend.Add(ChartStyle.MarkerItem(labels.Format("chart.split_monitor.series", sources[s].Source, phase), marker, color, 9));
            }
        }
        plot.XLabel(labels["axis.time_of_day"]);
        plot.YLabel(labels["axis.green_s"]);
        plot.Legend.ManualItems.AddRange(legend);
        plot.ShowLegend(Edge.Bottom);
        return Save(plot, SplitMonitorKind, outputDirectory, 1200, 600);
    }

    /// <summary>How a source's arrivals were measured, in the chart's language: "advance loop 3 at 152 m projected at 50 km/h" or "undelayed arrivals".</summary>
    public static string MethodText(PurdueData source, ChartLabels labels) => source.Projection is { } p
        ? labels.Format("arrivals.detector", p.Channel, labels.Number(p.DistanceToStopLineM, 0), labels.Number(p.SpeedKmh, 0))
        : labels["arrivals.undelayed"];

    public static void WriteArrivalsOnGreen(IReadOnlyList<PurdueData> sources, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        ChartFileWriter.WriteThenRename(Path.Combine(outputDirectory, ArrivalsOnGreenFileName), path => WriteArrivalsOnGreenTo(path, sources));
    }

    private static void WriteArrivalsOnGreenTo(string path, IReadOnlyList<PurdueData> sources)
    {
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        w.WriteLine(string.Join(',', ArrivalsOnGreenColumns));
        foreach (var s in sources)
        {
            var p = s.Projection;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Csv(s.Source)},{Csv(s.Signal)},{s.Phase},{s.Arrivals.Count},{s.OnGreen},{(double.IsNaN(s.OnGreenShare) ? "" : s.OnGreenShare.ToString("0.0000", CultureInfo.InvariantCulture))},"
                + $"{s.Method.Word()},{p?.Channel.ToString(CultureInfo.InvariantCulture)},{p?.DistanceToStopLineM.ToString("0.00", CultureInfo.InvariantCulture)},{p?.SpeedKmh.ToString("0.0", CultureInfo.InvariantCulture)}"));
        }
    }

    private static string Csv(string v) => v.Contains(',') || v.Contains('"') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;

    /// <summary>Seconds of the day as hours, for the time axis.</summary>
    private static double H(double seconds) => seconds / 3600.0;

    private static ChartFiles Save(Plot plot, string kind, string outputDirectory, int width, int height) =>
        ChartFileWriter.Save(plot, kind, outputDirectory, width, height);
}
