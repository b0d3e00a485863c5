// Pedestrian waiting figures of summary.json as a pure function of the waits, so they can be
// checked on a hand-made sample.
namespace SignalSim.Core.Output;

/// <summary>
/// Waits of the pedestrians who started to cross; the figures are null when none did. Unfinished
/// counts the measured pedestrians still waiting at the end of the run (their waits are not in the figures).
/// </summary>
public sealed record WaitSummary(int Crossed, double? MeanWaitS, double? P95WaitS, double? ShareWaitingOver60S, int Unfinished = 0);

public static class PedestrianMetrics
{
    /// <summary>Waits longer than this count as long; a minute at the kerb is where pedestrians start to cross on red.</summary>
    public const double LongWaitS = 60;

    public static WaitSummary Summarise(IEnumerable<double> waitsS)
    {
        var sorted = waitsS.Order().ToArray();
        if (sorted.Length == 0) return new WaitSummary(0, null, null, null);
        var longWaits = sorted.Count(w => w > LongWaitS);
        return new WaitSummary(
            sorted.Length,
            sorted.Average(),
            SampleStatistics.Percentile(sorted, 0.95),
            (double)longWaits / sorted.Length);
    }
}
