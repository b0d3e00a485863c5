// One chart: its kind (the name on the command line and of its files), its size, the files it
// reads, and how it draws itself from a results folder.
using ScottPlot;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Charts;

public interface IChart
{
    /// <summary>Kebab-case name: `signalsim chart KIND`, and KIND.png / KIND.svg.</summary>
    string Kind { get; }

    /// <summary>Image size in pixels.</summary>
    (int Width, int Height) Size { get; }

    /// <summary>Files the chart reads for this request; the note skips a chart whose optional files are absent.</summary>
    IEnumerable<string> Inputs(ChartContext context);

    /// <summary>Builds the plot; throws ChartUnavailableException when the results hold nothing to show.</summary>
    Plot Build(ChartContext context);
}
