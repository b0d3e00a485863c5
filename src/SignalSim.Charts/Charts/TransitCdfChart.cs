// Cumulative distribution of bus and tram travel times per strategy (trips.csv of each
// strategy's replication 1): the share of trips done within a given time. A curve to the left
// is faster; a steeper one is more regular. Strategies differ by colour and line pattern,
// modes by marker.
using ScottPlot;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Charts;

public sealed class TransitCdfChart : IChart
{
    private static readonly string[] TransitModes = ["bus", "tram"];

    public string Kind => "transit-cdf";
    public (int Width, int Height) Size => (1200, 700);

    public IEnumerable<string> Inputs(ChartContext context) => context.Folder.Runs.Select(r => r.PathOf(TripRow.FileName));

    public Plot Build(ChartContext context)
    {
        var labels = context.Labels;
        var runs = context.Folder.Runs;
        if (!runs.Any(r => r.Trips.Any(t => TransitModes.Contains(t.Mode))))
            throw new ChartUnavailableException($"no bus or tram trip in {TripRow.FileName}", "no_transit", TripRow.FileName);

        var plot = ChartStyle.NewPlot(labels, labels["chart.transit-cdf.title"]);
        var legend = new List<LegendItem>();
        foreach (var mode in TransitModes)
        {
            for (var s = 0; s < runs.Count; s++)
            {
                var times = runs[s].Trips.Where(t => t.Mode == mode).Select(t => t.TravelTimeS).Order().ToArray();
                if (times.Length == 0) continue;
                // A step per trip, starting at 0 % just before the fastest one.
                var xs = new double[times.Length + 1];
                var ys = new double[times.Length + 1];
                xs[0] = times[0];
                for (var i = 0; i < times.Length; i++)
                {
                    xs[i + 1] = times[i];
                    ys[i + 1] = 100.0 * (i + 1) / times.Length;
                }
                var color = ChartStyle.StrategyColor(s);
                var line = plot.Add.ScatterLine(xs, ys, color);
                line.ConnectStyle = ConnectStyle.StepHorizontal;
                line.LineWidth = 2.2f;
                line.LinePattern = ChartStyle.StrategyPattern(s);
                var every = Math.Max(1, times.Length / 8);
                var mx = Enumerable.Range(0, times.Length).Where(i => i % every == every / 2).Select(i => xs[i + 1]).ToArray();
                var my = Enumerable.Range(0, times.Length).Where(i => i % every == every / 2).Select(i => ys[i + 1]).ToArray();
                plot.Add.Markers(mx, my, ChartStyle.ModeMarker(mode), 9, color);
                legend.Add(ChartStyle.LineItem($"{labels.Mode(mode)} · {context.StrategyName(runs[s])} (n = {times.Length})",
                    color, 2.2f, ChartStyle.StrategyPattern(s), ChartStyle.ModeMarker(mode)));
            }
        }
        plot.XLabel(labels["axis.travel_time_s"]);
        plot.YLabel(labels["axis.cdf"]);
        plot.Axes.AutoScaleX();
        plot.Axes.SetLimitsY(0, 102);
        plot.ShowLegend(legend, Alignment.LowerRight);
        return plot;
    }
}
