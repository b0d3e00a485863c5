// A figure hour by hour across the measured period, one line per strategy (replication 1's run
// files, the same runs as the other charts): the mean delay of bus trips, or the person-delay of
// every traveller. Each hour's value is drawn as a level across the hour with a marker in its
// middle, since it is one figure for the whole hour, not a reading at an instant.
using ScottPlot;
using SignalSim.Charts.Model;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Charts;

public enum HourlyFigure
{
    /// <summary>Mean delay of the finished bus trips that departed in the hour, in seconds.</summary>
    BusDelay,

    /// <summary>Person-delay of the travellers who started in the hour, in person-hours.</summary>
    PersonDelay,
}

public sealed class HourlyFigureChart(HourlyFigure figure) : IChart
{
    public string Kind => figure == HourlyFigure.BusDelay ? "hourly-bus-delay" : "hourly-person-delay";
    public (int Width, int Height) Size => (1400, 750);

    public IEnumerable<string> Inputs(ChartContext context) => context.Folder.Runs.SelectMany(r => figure == HourlyFigure.BusDelay
        ? new[] { r.PathOf(TripRow.FileName) }
        : [r.PathOf(TripRow.FileName), r.PathOf(PedestrianWaitRow.FileName)]);

    public Plot Build(ChartContext context)
    {
        var labels = context.Labels;
        var runs = context.Folder.Runs;
        var figures = runs.Select(HourlyDelay.Of).ToList();
        double? Value(HourFigures h) => figure == HourlyFigure.BusDelay ? h.BusMeanDelayS : h.PersonDelayH;
        if (figure == HourlyFigure.BusDelay && figures.All(f => f.All(h => h.BusTrips == 0)))
            throw new ChartUnavailableException($"no bus trip finished in {TripRow.FileName}", "no_transit", TripRow.FileName);

        var plot = ChartStyle.NewPlot(labels, labels[$"chart.{Kind}.title"]);
        var legend = new List<LegendItem>();
        for (var s = 0; s < runs.Count; s++)
        {
            var color = ChartStyle.StrategyColor(s);
            var pattern = ChartStyle.StrategyPattern(s);
            // One level per hour; an hour without a value (no bus trip) breaks the line there.
            var xs = new List<double>();
            var ys = new List<double>();
            void Draw()
            {
                if (xs.Count == 0) return;
                var levels = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), color);
                levels.LineWidth = 2.5f;
                levels.LinePattern = pattern;
                xs.Clear();
                ys.Clear();
            }
            foreach (var h in figures[s])
            {
                if (Value(h) is not { } v)
                {
                    Draw();
                    continue;
                }
                xs.AddRange([h.Hour, h.Hour + 1]);
                ys.AddRange([v, v]);
            }
            Draw();
            var mids = figures[s].Where(h => Value(h) is not null).ToList();
            plot.Add.Markers(mids.Select(h => h.Hour + 0.5).ToArray(), mids.Select(h => Value(h)!.Value).ToArray(), ChartStyle.StrategyMarker(s), 9, color);
            legend.Add(ChartStyle.LineItem(context.StrategyName(runs[s]), color, 2.5f, pattern, ChartStyle.StrategyMarker(s), 9));
        }

        var hours = figures.SelectMany(f => f.Select(h => h.Hour)).Distinct().Order().ToList();
        // Every hour ticked on a short period, every other one across a day.
        var every = hours.Count > 12 ? 2 : 1;
        plot.Axes.Bottom.TickGenerator = ChartStyle.Categories(Enumerable.Range(hours[0], hours[^1] + 2 - hours[0])
            .Where(h => (h - hours[0]) % every == 0)
            .Select(h => ((double)h, labels.Format("axis.hour_tick", (h % 24).ToString("00", System.Globalization.CultureInfo.InvariantCulture)))));
        plot.XLabel(labels["axis.clock_hour"]);
        plot.YLabel(labels[figure == HourlyFigure.BusDelay ? "axis.bus_delay_s" : "axis.person_delay_h"]);
        plot.Axes.SetLimitsX(hours[0] - 0.1, hours[^1] + 1.1);
        plot.Axes.AutoScaleY();
        plot.Axes.SetLimitsY(0, Math.Max(figure == HourlyFigure.BusDelay ? 5 : 0.1, plot.Axes.GetLimits().Top * 1.3)); // headroom for the legend
        plot.ShowLegend(legend, Alignment.UpperRight);
        return plot;
    }
}
