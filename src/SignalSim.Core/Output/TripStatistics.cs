// The figures of a set of trips that both the run summary and the comparison of strategies
// report, computed in one place so the two always agree. Travel-time, delay and stop figures
// describe finished trips only (an unfinished trip has no travel time yet); person-delay adds the
// delay unfinished vehicles had accumulated by the end of the run, so that trapping vehicles
// does not lower it.
using SignalSim.Core.Metrics;
using SignalSim.Core.Model;

namespace SignalSim.Core.Output;

/// <summary>Trip statistics; percentiles are type 7 (see SampleStatistics).</summary>
public sealed record TripStatistics(
    int Trips,
    double MeanTravelTimeS,
    double P50TravelTimeS,
    double P90TravelTimeS,
    double P95TravelTimeS,
    double MeanDelayS,
    double P90DelayS,
    double StopsPerTrip)
{
    /// <summary>
    /// Person-hours of delay: each trip's delay (finished, or accumulated so far when unfinished)
    /// weighted by its class's occupancy.
    /// </summary>
    public static double PersonDelayH(IReadOnlyList<TripRecord> finished, IReadOnlyList<TripRecord> unfinished, VehicleClassParameters[] classes)
    {
        var personDelayS = 0.0;
        for (var i = 0; i < finished.Count; i++) personDelayS += finished[i].DelayS * classes[finished[i].ClassIndex].Occupancy;
        for (var i = 0; i < unfinished.Count; i++) personDelayS += unfinished[i].DelayS * classes[unfinished[i].ClassIndex].Occupancy;
        return personDelayS / 3600;
    }

    /// <summary>The statistics of the finished trips, or null without any.</summary>
    public static TripStatistics? Of(IReadOnlyList<TripRecord> trips)
    {
        if (trips.Count == 0) return null;
        var times = new double[trips.Count];
        var delays = new double[trips.Count];
        var stops = 0L;
        for (var i = 0; i < trips.Count; i++)
        {
            var t = trips[i];
            times[i] = t.TravelTimeS;
            delays[i] = t.DelayS;
            stops += t.Stops;
        }
        var meanTime = times.Average();
        var meanDelay = delays.Average();
        Array.Sort(times);
        Array.Sort(delays);
        return new TripStatistics(
            trips.Count,
            meanTime,
            SampleStatistics.Percentile(times, 0.50),
            SampleStatistics.Percentile(times, 0.90),
            SampleStatistics.Percentile(times, 0.95),
            meanDelay,
            SampleStatistics.Percentile(delays, 0.90),
            stops / (double)trips.Count);
    }
}
