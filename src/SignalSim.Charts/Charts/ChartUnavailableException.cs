// The results hold nothing for a chart to show (no bus in the run, no coordinates in the
// scenario...). The note says so in place of the chart, in its own language (the label
// "unavailable.KEY" with the same arguments); `signalsim chart` reports the English reason (exit 2).
using SignalSim.Charts.Labels;

namespace SignalSim.Charts.Charts;

public sealed class ChartUnavailableException(string reason, string labelKey, params object[] args) : Exception(reason)
{
    /// <summary>The reason in the note's language.</summary>
    public string Reason(ChartLabels labels) => labels.Format("unavailable." + labelKey, args);
}
