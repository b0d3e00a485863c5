// What one run contributes per bus or tram line: its running time end to end and its regularity,
// the figures summary.json gives each line, kept small so a study can hold thousands of runs.
using SignalSim.Core;
using SignalSim.Core.Engine;
using MeasuredRecords = SignalSim.Core.Output.MeasuredRecords;
using TransitMetrics = SignalSim.Core.Output.TransitMetrics;

namespace SignalSim.Analysis.Metrics;

/// <param name="Trips">Finished trips of the line's measured vehicles.</param>
/// <param name="MeanTravelTimeS">Mean running time entry to exit of the finished trips (null without any).</param>
/// <param name="HeadwayCv">Coefficient of variation of the headways at the line's regularity stop in the measured period (null with fewer than three vehicles).</param>
/// <param name="Mode">"bus" or "tram".</param>
public sealed record LineMetrics(string Mode, int Trips, double? MeanTravelTimeS, double? HeadwayCv);

public static class LineMetricsExtractor
{
    /// <summary>Every line of the run, by id, in the model's order.</summary>
    public static IReadOnlyDictionary<string, LineMetrics> Extract(SimulationResult result)
    {
        var m = result.Model;
        var lines = new Dictionary<string, LineMetrics>(StringComparer.Ordinal);
        foreach (var line in m.Lines)
        {
            var sum = 0.0;
            var trips = 0;
            foreach (var t in result.Records.Trips)
            {
                if (t.Route != line.Route) continue;
                sum += t.TravelTimeS;
                trips++;
            }
            double? cv = null;
            if (line.RegularityStop >= 0)
                cv = TransitMetrics.HeadwayCv(MeasuredRecords.DeparturesFrom(result, line.RegularityStop).Select(e => SimTime.ToSeconds(e.DepartTicks)).ToList());
            lines[line.Id] = new LineMetrics(ReportModes.Of(m.Classes[line.ClassIndex].Mode).Word(), trips, trips > 0 ? sum / trips : null, cv);
        }
        return lines;
    }
}
