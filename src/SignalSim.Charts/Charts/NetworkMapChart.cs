// Network map drawn to scale from the scenario's x_m / y_m: links as lines, intersections as
// markers in their centre's colour and shape, sized by the mean time a bus loses there per
// passage (crossings.csv, when present; signal, queue and stop together) and labelled with that
// time and its parts at the red signal, in the queue at green and at the stop (signal and queue
// together for files without red_delay_s), boundaries as small open circles, and a 100 m scale bar.
using ScottPlot;
using SignalSim.Charts.Labels;
using SignalSim.Charts.Model;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Charts;

public sealed class NetworkMapChart : IChart
{
    public string Kind => "network-map";
    public (int Width, int Height) Size => (1100, 1000);

    /// <summary>Only the scenario is required; crossings.csv adds the bus time lost when present.</summary>
    public IEnumerable<string> Inputs(ChartContext context) => [context.Folder.ScenarioPath];

    /// <summary>Where each intersection and boundary lies on the map; a scenario without coordinates for its intersections has no map.</summary>
    internal static Dictionary<string, Coordinates> Positions(SignalSim.Core.Scenario.ScenarioFile scenario)
    {
        var positions = new Dictionary<string, Coordinates>(StringComparer.Ordinal);
        foreach (var x in scenario.Intersections)
        {
            if (x.XM is { } xm && x.YM is { } ym) positions[x.Id] = new Coordinates(xm, ym);
        }
        foreach (var b in scenario.Boundaries)
        {
            if (b.XM is { } xm && b.YM is { } ym) positions[b.Id] = new Coordinates(xm, ym);
        }
        if (!scenario.Intersections.Any(x => positions.ContainsKey(x.Id)))
            throw new ChartUnavailableException($"scenario '{scenario.Name.Default}' gives no x_m / y_m for its intersections", "no_coordinates", scenario.Name.Default);
        return positions;
    }

    public Plot Build(ChartContext context)
    {
        var labels = context.Labels;
        var run = context.Run;
        var scenario = run.Scenario;
        var positions = NetworkMapChart.Positions(scenario);
        var lost = run.Has(CrossingRow.FileName) ? BusTimeLost.PerIntersection(run.Crossings) : [];

        var plot = ChartStyle.NewPlot(labels, labels.Format("chart.network-map.title", context.StrategyName(run)));
        var drawn = new HashSet<(string, string)>();
        foreach (var link in scenario.Links)
        {
            if (!positions.TryGetValue(link.From, out var a) || !positions.TryGetValue(link.To, out var b)) continue;
            var key = string.CompareOrdinal(link.From, link.To) < 0 ? (link.From, link.To) : (link.To, link.From);
            if (!drawn.Add(key)) continue;
            var line = plot.Add.Line(a, b);
            line.LineColor = Colors.Gray;
            line.LineWidth = 2 + 1.5f * link.Lanes;
        }
        var boundaries = scenario.Boundaries.Where(b => positions.ContainsKey(b.Id)).ToList();
        if (boundaries.Count > 0)
        {
            var markers = plot.Add.Markers(boundaries.Select(b => positions[b.Id].X).ToArray(), boundaries.Select(b => positions[b.Id].Y).ToArray(),
                MarkerShape.OpenCircle, 9, ChartStyle.Ink);
            markers.MarkerLineWidth = 1.5f;
        }

        var centres = scenario.Centres.ToList();
        var maxLost = lost.Values.Select(l => l.MeanTotalS).DefaultIfEmpty(0).Max();
        foreach (var x in scenario.Intersections.Where(x => positions.ContainsKey(x.Id)))
        {
            var c = Math.Max(0, centres.FindIndex(cs => cs.Id == x.Centre));
            var has = lost.TryGetValue(x.Id, out var here);
            var seconds = has ? here!.MeanTotalS : 0;
            // Marker area proportional to the time lost, from 14 px for none to 60 px for the worst.
            var size = (float)(14 + (maxLost > 0 && has ? 46 * Math.Sqrt(seconds / maxLost) : 0));
            var marker = plot.Add.Marker(positions[x.Id], ChartStyle.CentreMarker(c), size, ChartStyle.CentreColor(c).WithAlpha(0.85));
            marker.MarkerLineColor = ChartStyle.Ink;
            marker.MarkerLineWidth = 1.5f;
            var text = plot.Add.Text(has ? $"{x.Id}\n{LostLabel(labels, here!)}" : x.Id, positions[x.Id]);
            text.LabelFontName = ChartStyle.FontName;
            text.LabelFontSize = 12;
            text.LabelBold = true;
            text.LabelAlignment = Alignment.MiddleLeft;
            text.OffsetX = size / 2 + 6;
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
        }

        var legend = centres.Select((c, i) => ChartStyle.MarkerItem(c.Name is { } name ? labels.Text(name) : c.Id, ChartStyle.CentreMarker(i), ChartStyle.CentreColor(i), 14)).ToList();
        legend.Add(ChartStyle.MarkerItem(labels["chart.network-map.boundary"], MarkerShape.OpenCircle, ChartStyle.Ink, 9));
        if (lost.Count > 0)
        {
            legend.Add(ChartStyle.MarkerItem(labels["chart.network-map.size"], MarkerShape.None, ChartStyle.Ink));
            var split = lost.Values.All(l => l.SplitsSignalAndQueue);
            legend.Add(ChartStyle.MarkerItem(labels[split ? "chart.network-map.label_split" : "chart.network-map.label_unsplit"], MarkerShape.None, ChartStyle.Ink));
        }
        plot.ShowLegend(legend, Alignment.UpperRight);

        var scale = plot.Add.ScaleBar(100, 0);
        scale.XLabel = "100 m";
        scale.LineWidth = 3;
        plot.XLabel(labels["axis.east_m"]);
        plot.YLabel(labels["axis.north_m"]);
        plot.Axes.SquareUnits();
        plot.Axes.Margins(0.15, 0.1);
        return plot;
    }

    /// <summary>An intersection's mean time lost per bus passage and its parts, in seconds.</summary>
    internal static string LostLabel(ChartLabels labels, TimeLostByCause lost) =>
        lost.MeanAtRedS is { } red && lost.MeanAtGreenS is { } green
            ? labels.Format("chart.network-map.lost_split", labels.Number(lost.MeanTotalS, 1), labels.Number(red, 1), labels.Number(green, 1), labels.Number(lost.MeanDwellS, 1))
            : labels.Format("chart.network-map.lost_unsplit", labels.Number(lost.MeanTotalS, 1), labels.Number(lost.MeanSignalAndQueueS, 1), labels.Number(lost.MeanDwellS, 1));
}
