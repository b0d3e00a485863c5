// The figures of a set of completed trips that both the run summary and the comparison of
// strategies report, computed in one place so the two always agree.
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
    double StopsPerTrip,
    double PersonDelayH)
{
    /// <summary>The statistics of the trips, or null without any; person-delay weights each delay by its class's occupancy.</summary>
    public static TripStatistics? Of(IReadOnlyList<TripRecord> trips, VehicleClassParameters[] classes)
    {
        if (trips.Count == 0) return null;
        var times = new double[trips.Count];
        var delays = new double[trips.Count];
        var stops = 0L;
        var personDelayS = 0.0;
        for (var i = 0; i < trips.Count; i++)
        {
            var t = trips[i];
            times[i] = t.TravelTimeS;
            delays[i] = t.DelayS;
            stops += t.Stops;
            personDelayS += t.DelayS * classes[t.ClassIndex].Occupancy;
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
            stops / (double)trips.Count,
            personDelayS / 3600);
    }
}
