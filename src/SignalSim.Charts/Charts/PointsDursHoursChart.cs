// "Points durs" hour by hour: one small network map per clock hour of the measured period, side
// by side in reading order, all drawn to the same scale. Each intersection's marker has an area
// proportional to the bus time it cost in that hour (every approach, signal, queue and stop
// together; one scale for all hours, so a bad hour looks bad), and the worst intersection of each
// hour is ringed in red and named with its time lost per bus. The ranked table is in the note.
using ScottPlot;
using SignalSim.Charts.Model;
using SignalSim.Charts.Report;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Charts;

public sealed class PointsDursHoursChart : IChart
{
    public string Kind => "points-durs-hours";
    public (int Width, int Height) Size => (1600, 1150);

    public IEnumerable<string> Inputs(ChartContext context) => [context.Folder.ScenarioPath, context.Run.PathOf(CrossingRow.FileName)];

    public Plot Build(ChartContext context)
    {
        var labels = context.Labels;
        var run = context.Run;
        var scenario = run.Scenario;
        var positions = NetworkMapChart.Positions(scenario);
        var perIntersection = HourlyPointsDurs.PerIntersection(HourlyPointsDurs.Of(run));
        if (perIntersection.Count == 0) throw new ChartUnavailableException($"no bus crossed a stop line in {CrossingRow.FileName}", "no_bus", CrossingRow.FileName);
        var hours = HourlyPointsDurs.MeasuredHours(scenario.Simulation.StartTimeOfDayS, run.Summary.WarmupS, run.Summary.DurationS);
        var lost = perIntersection.ToDictionary(x => (x.Intersection, x.Hour));
        var worst = HourlyPointsDurs.WorstPerHour(perIntersection);
        var maxLostS = perIntersection.Max(x => x.TotalS);

        // Panels in reading order: about as many columns as the image's shape gives rows.
        var columns = hours.Count switch { 1 => 1, <= 4 => 2, <= 9 => 3, <= 16 => 4, _ => 6 };
        var rows = (hours.Count + columns - 1) / columns;
        var minX = positions.Values.Min(p => p.X);
        var maxX = positions.Values.Max(p => p.X);
        var minY = positions.Values.Min(p => p.Y);
        var maxY = positions.Values.Max(p => p.Y);
        var width = Math.Max(maxX - minX, 100);
        var height = Math.Max(maxY - minY, 100);
        var gapX = 0.12 * width;
        var gapY = 0.22 * height; // room for the hour's title above each panel
        // Marker sizes shrink with the panels so that the worst does not cover its neighbours.
        var maxMarkerPx = columns switch { 1 => 56f, 2 => 40f, 3 => 30f, _ => 22f };
        var minMarkerPx = columns <= 2 ? 10f : 6f;

        var plot = ChartStyle.NewPlot(labels, labels.Format("chart.points-durs-hours.title", context.StrategyName(run)));
        var centres = scenario.Centres.ToList();
        for (var p = 0; p < hours.Count; p++)
        {
            var hour = hours[p];
            var shift = new Coordinates((p % columns) * (width + gapX) - minX, -(p / columns) * (height + gapY) - maxY);
            Coordinates At(string id) => new(positions[id].X + shift.X, positions[id].Y + shift.Y);

            var drawn = new HashSet<(string, string)>();
            foreach (var link in scenario.Links)
            {
                if (!positions.ContainsKey(link.From) || !positions.ContainsKey(link.To)) continue;
                if (!drawn.Add(string.CompareOrdinal(link.From, link.To) < 0 ? (link.From, link.To) : (link.To, link.From))) continue;
                var line = plot.Add.Line(At(link.From), At(link.To));
                line.LineColor = Colors.Gray.WithAlpha(0.7);
                line.LineWidth = (columns <= 2 ? 1.5f : 1f) * link.Lanes;
            }

            foreach (var x in scenario.Intersections.Where(x => positions.ContainsKey(x.Id)))
            {
                var c = Math.Max(0, centres.FindIndex(cs => cs.Id == x.Centre));
                var seconds = lost.TryGetValue((x.Id, hour), out var here) ? Math.Max(0, here.TotalS) : 0;
                var size = (float)(minMarkerPx + (maxLostS > 0 ? (maxMarkerPx - minMarkerPx) * Math.Sqrt(seconds / maxLostS) : 0));
                var marker = plot.Add.Marker(At(x.Id), ChartStyle.CentreMarker(c), size, ChartStyle.CentreColor(c).WithAlpha(0.8));
                marker.MarkerLineColor = ChartStyle.Ink;
                marker.MarkerLineWidth = 1;
            }

            if (worst.TryGetValue(hour, out var w) && positions.ContainsKey(w.Intersection))
            {
                var size = (float)(minMarkerPx + (maxMarkerPx - minMarkerPx) * Math.Sqrt(Math.Max(0, w.TotalS) / maxLostS));
                var ring = plot.Add.Marker(At(w.Intersection), MarkerShape.OpenCircle, size + 10, ChartStyle.Red);
                ring.MarkerLineWidth = 3;
                var text = plot.Add.Text(labels.Format("chart.points-durs-hours.worst_label", w.Intersection, labels.Number(w.PerBusS, 0)), At(w.Intersection));
                text.LabelFontName = ChartStyle.FontName;
                text.LabelFontSize = columns <= 2 ? 12 : 10;
                text.LabelBold = true;
                text.LabelFontColor = ChartStyle.Red;
                text.LabelAlignment = Alignment.MiddleLeft;
                text.OffsetX = size / 2 + 8;
                text.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
            }

            var hourLost = perIntersection.Where(x => x.Hour == hour).Sum(x => x.TotalS);
            var title = plot.Add.Text(labels.Format("chart.points-durs-hours.panel", PointsDursSection.Hour(labels, hour, HourlyPointsDurs.MeasuredWindow(run)), labels.Number(hourLost / 60, 0)),
                new Coordinates(shift.X + minX, shift.Y + maxY + 0.12 * height));
            title.LabelFontName = ChartStyle.FontName;
            title.LabelFontSize = columns <= 2 ? 15 : 12;
            title.LabelBold = true;
            title.LabelAlignment = Alignment.LowerLeft;
        }

        var legend = centres.Select((c, i) => ChartStyle.MarkerItem(c.Name is { } name ? labels.Text(name) : c.Id, ChartStyle.CentreMarker(i), ChartStyle.CentreColor(i), 12)).ToList();
        legend.Add(ChartStyle.MarkerItem(labels["chart.points-durs-hours.worst"], MarkerShape.OpenCircle, ChartStyle.Red, 14));
        legend.Add(ChartStyle.MarkerItem(labels["chart.points-durs-hours.size"], MarkerShape.None, ChartStyle.Ink));
        // Below the maps, not over them.
        plot.Legend.ManualItems.AddRange(legend);
        plot.ShowLegend(Edge.Bottom);

        plot.HideAxesAndGrid();
        plot.Axes.Title.IsVisible = true; // hidden with the axes, but the title says which strategy
        plot.Axes.SquareUnits();
        // Room on the right for the last column's worst label.
        plot.Axes.SetLimits(-0.03 * width, columns * (width + gapX) - gapX + 0.22 * width, -rows * (height + gapY) + gapY - 0.05 * height, 0.2 * height);
        return plot;
    }
}
