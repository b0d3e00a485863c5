// The charts, in the order the note shows them, and how to draw one to PNG and SVG.
using ScottPlot;

namespace SignalSim.Charts.Charts;

public static class ChartCatalog
{
    public static readonly IReadOnlyList<IChart> All =
    [
        new BaselineDifferenceChart(),
        new TradeOffChart(),
        new TravelTimeBoxChart(),
        new TransitCdfChart(),
        new BusTimeLostChart(),
        new NetworkMapChart(),
        new PointsDursHoursChart(),
        new HourlyFigureChart(HourlyFigure.BusDelay),
        new HourlyFigureChart(HourlyFigure.PersonDelay),
        new TimeSpaceChart(),
        new SignalTimingChart(),
        new QueueLengthChart(),
        new PurdueChart(),
    ];

    public static IReadOnlyList<string> Kinds { get; } = All.Select(c => c.Kind).ToList();

    public static IChart? Find(string kind) => All.FirstOrDefault(c => c.Kind == kind);

    /// <summary>Draws a chart as KIND.png and KIND.svg in <paramref name="outputDirectory"/>.</summary>
    /// <summary>Draws the chart into KIND.png and KIND.svg (see ChartFileWriter).</summary>
    public static ChartFiles Draw(IChart chart, ChartContext context, string outputDirectory)
    {
        using var plot = chart.Build(context);
        var (width, height) = chart.Size;
        return ChartFileWriter.Save(plot, chart.Kind, outputDirectory, width, height);
    }
}

/// <summary>The files of one drawn chart and where its data area lies in the PNG.</summary>
public sealed record ChartFiles(string Kind, string PngPath, string SvgPath, int Width, int Height, DataArea DataArea);

/// <summary>Pixel bounds of a chart's data area (inside the axes).</summary>
public readonly record struct DataArea(int Left, int Top, int Right, int Bottom);
