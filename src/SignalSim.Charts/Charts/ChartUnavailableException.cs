// The results hold nothing for a chart to show (no bus in the run, no coordinates in the
// scenario...). The note says so in place of the chart; `signalsim chart` reports it (exit 2).
namespace SignalSim.Charts.Charts;

public sealed class ChartUnavailableException(string reason) : Exception(reason);
