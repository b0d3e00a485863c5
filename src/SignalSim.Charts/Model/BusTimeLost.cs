// Where buses lose time, from the stop-line records (crossings.csv): per approach (the segment
// leading to an intersection) the mean time lost per bus passage, split into what the signal and
// its queue cost (stop-line delay less dwell) and what the stop on the segment cost (dwell).
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Model;

public sealed record ApproachTimeLost(string Intersection, string Approach, int Passages, double MeanSignalS, double MeanDwellS)
{
    public double MeanTotalS => MeanSignalS + MeanDwellS;
}

public static class BusTimeLost
{
    public const string Mode = "bus";

    public static List<ApproachTimeLost> PerApproach(IReadOnlyList<CrossingRow> crossings) =>
        crossings.Where(c => c.Mode == Mode).GroupBy(c => (c.Intersection, c.Approach))
            .Select(g => new ApproachTimeLost(g.Key.Intersection, g.Key.Approach, g.Count(), g.Average(c => c.SignalDelayS), g.Average(c => c.DwellS)))
            .ToList();

    /// <summary>Mean stop-line time lost (signal, queue and dwell) per bus passage at each intersection.</summary>
    public static Dictionary<string, double> PerIntersection(IReadOnlyList<CrossingRow> crossings) =>
        crossings.Where(c => c.Mode == Mode).GroupBy(c => c.Intersection)
            .ToDictionary(g => g.Key, g => g.Average(c => c.DelayS), StringComparer.Ordinal);
}
