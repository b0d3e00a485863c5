// Where buses lose time, from the stop-line records (crossings.csv): per approach (the segment
// leading to an intersection) and per intersection, the time lost per bus passage at the red
// signal, in the queue at green and at the stop on the segment (dwell), as TimeLostByCause
// defines them; at the signal and in the queue together for files without red_delay_s.
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Model;

public sealed record ApproachTimeLost(string Intersection, string Approach, TimeLostByCause Lost)
{
    public int Passages => Lost.Passages;
}

public static class BusTimeLost
{
    public const string Mode = "bus";

    public static List<ApproachTimeLost> PerApproach(IReadOnlyList<CrossingRow> crossings) =>
        crossings.Where(c => c.Mode == Mode).GroupBy(c => (c.Intersection, c.Approach))
            .Select(g => new ApproachTimeLost(g.Key.Intersection, g.Key.Approach, TimeLostByCause.Of(g)))
            .ToList();

    /// <summary>Stop-line time lost (signal, queue and dwell) by the bus passages of each intersection, every approach together.</summary>
    public static Dictionary<string, TimeLostByCause> PerIntersection(IReadOnlyList<CrossingRow> crossings) =>
        crossings.Where(c => c.Mode == Mode).GroupBy(c => c.Intersection)
            .ToDictionary(g => g.Key, TimeLostByCause.Of, StringComparer.Ordinal);
}
