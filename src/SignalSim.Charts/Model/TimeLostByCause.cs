// The time a set of bus passages of a stop line lost, by cause: the one definition the
// points-durs bar chart, the network map and the hour-by-hour ranking share, so that their
// figures agree. At the red signal (red or amber), in the queue and the traffic at green (the
// rest of the stop-line delay less dwell), at the stop on the approach (dwell). Older
// crossings.csv files without red_delay_s do not split the first two: only their sum is known.
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Model;

/// <param name="Passages">Bus passages of the stop line.</param>
/// <param name="SignalAndQueueS">Stop-line delay less dwell, summed over the passages, in seconds: red and green parts together.</param>
/// <param name="AtRedS">The part of it lost while the signal was red or amber; null when a record does not say.</param>
/// <param name="DwellS">Dwell at the stop on the approach, summed over the passages, in seconds.</param>
public sealed record TimeLostByCause(int Passages, double SignalAndQueueS, double? AtRedS, double DwellS)
{
    /// <summary>The rest of the stop-line delay less dwell, lost at green; null when the records do not split it.</summary>
    public double? AtGreenS => AtRedS is { } red ? SignalAndQueueS - red : null;

    /// <summary>Whether every passage's record splits the red signal from the queue at green.</summary>
    public bool SplitsSignalAndQueue => AtRedS is not null;

    public double TotalS => SignalAndQueueS + DwellS;

    public double MeanSignalAndQueueS => PerPassage(SignalAndQueueS);
    public double? MeanAtRedS => AtRedS is { } s ? PerPassage(s) : null;
    public double? MeanAtGreenS => AtGreenS is { } s ? PerPassage(s) : null;
    public double MeanDwellS => PerPassage(DwellS);
    public double MeanTotalS => PerPassage(TotalS);

    /// <summary>
    /// The passages' time lost. The red and green parts are given only when every record has
    /// red_delay_s: a set half split would put the unsplit records' red time in neither part.
    /// </summary>
    public static TimeLostByCause Of(IEnumerable<CrossingRow> passages)
    {
        int count = 0;
        double signalAndQueue = 0, atRed = 0, dwell = 0;
        var split = true;
        foreach (var c in passages)
        {
            count++;
            signalAndQueue += c.SignalDelayS;
            dwell += c.DwellS;
            if (c.AtRedS is { } red) atRed += red;
            else split = false;
        }
        return new TimeLostByCause(count, signalAndQueue, split && count > 0 ? atRed : null, dwell);
    }

    private double PerPassage(double totalS) => Passages > 0 ? totalS / Passages : 0;
}
