// The public-transport figures of summary.json as small pure functions, so each can be checked
// on a hand-made sample: headway regularity, schedule lateness at the exit, delay at signals and
// person-delay.
using SignalSim.Core.Metrics;

namespace SignalSim.Core.Output;

public static class TransitMetrics
{
    /// <summary>Fewest vehicles (hence two headways) for which a headway spread means anything.</summary>
    public const int MinVehiclesForHeadwayCv = 3;

    /// <summary>Intervals between consecutive departures, taken in time order.</summary>
    public static double[] Headways(IEnumerable<double> departureTimesS)
    {
        var times = departureTimesS.Order().ToArray();
        var headways = new double[Math.Max(0, times.Length - 1)];
        for (var i = 1; i < times.Length; i++) headways[i - 1] = times[i] - times[i - 1];
        return headways;
    }

    /// <summary>
    /// Coefficient of variation of the headways between consecutive departures at a stop: sample
    /// standard deviation over mean. Null with fewer than three vehicles, where a spread of one
    /// headway says nothing about regularity. 0 is a perfectly regular service; bunching raises it.
    /// </summary>
    public static double? HeadwayCv(IEnumerable<double> departureTimesS)
    {
        var headways = Headways(departureTimesS);
        return headways.Length + 1 < MinVehiclesForHeadwayCv ? null : SampleStatistics.CoefficientOfVariation(headways);
    }

    /// <summary>Seconds behind schedule at the exit: time since the scheduled departure minus the scheduled running time.</summary>
    public static double ExitLatenessS(long scheduledDepartureTicks, long arriveTicks, double scheduledRunTimeS) =>
        SimTime.ToSeconds(arriveTicks - scheduledDepartureTicks) - scheduledRunTimeS;

    /// <summary>Stop-line delay lost to the signal and its queue: the dwell at stops on the approach is not the signal's doing.</summary>
    public static double SignalDelayS(in StopLineCrossing crossing) => crossing.DelayS - crossing.DwellS;

    /// <summary>Person-hours of delay: every vehicle's delay weighted by the persons it carries.</summary>
    public static double PersonDelayH(double occupancy, IEnumerable<double> delaysS) => occupancy * delaysS.Sum() / 3600;

    /// <summary>
    /// Expected signal delay of one trip along a route: the sum of the mean delays at each of its
    /// approaches. Summing means rather than averaging per-trip totals keeps trips cut by the
    /// start or end of the measured period from biasing the figure. Null when no approach was crossed.
    /// </summary>
    public static double? SignalDelayPerTripS(IEnumerable<double?> meanDelayPerApproachS)
    {
        double? total = null;
        foreach (var mean in meanDelayPerApproachS)
        {
            if (mean is { } m) total = (total ?? 0) + m;
        }
        return total;
    }
}
