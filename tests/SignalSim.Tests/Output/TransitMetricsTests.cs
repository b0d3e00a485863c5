// The public-transport metric functions on hand-made samples, with the expected values worked
// out by hand in each test.
using SignalSim.Core.Metrics;
using SignalSim.Core.Output;

namespace SignalSim.Tests.Output;

public sealed class TransitMetricsTests
{
    [Fact]
    public void HeadwayCv_IsSampleStandardDeviationOverMean()
    {
        // Departures 0, 100, 220, 300 s: headways 100, 120, 80; mean 100;
        // sample variance ((0)² + 20² + (−20)²) / (3 − 1) = 400, so sd 20 and CV 0.2.
        Assert.Equal([100.0, 120.0, 80.0], TransitMetrics.Headways([0, 100, 220, 300]));
        Assert.Equal(0.2, TransitMetrics.HeadwayCv([0, 100, 220, 300])!.Value, 12);
        // Departures are put in time order first.
        Assert.Equal(0.2, TransitMetrics.HeadwayCv([220, 0, 300, 100])!.Value, 12);
    }

    [Fact]
    public void HeadwayCv_IsZeroForARegularService_AndNullBelowThreeVehicles()
    {
        Assert.Equal(0, TransitMetrics.HeadwayCv([0, 90, 180, 270]));
        Assert.Null(TransitMetrics.HeadwayCv([0, 100]));
        Assert.Null(TransitMetrics.HeadwayCv([]));
        // Three vehicles: headways 60 and 180, mean 120, sd √((60² + 60²) / 1) = 84.853; CV 0.7071.
        Assert.Equal(Math.Sqrt(7200) / 120, TransitMetrics.HeadwayCv([0, 60, 240])!.Value, 12);
    }

    [Fact]
    public void ExitLateness_IsElapsedSinceScheduleMinusScheduledRunningTime()
    {
        // Scheduled at 20 s, arrived at 170 s: 150 s for a 120 s schedule is 30 s late.
        Assert.Equal(30, TransitMetrics.ExitLatenessS(20_000, 170_000, 120), 12);
        Assert.Equal(-10, TransitMetrics.ExitLatenessS(20_000, 130_000, 120), 12);
    }

    [Fact]
    public void SignalDelay_LeavesOutTheDwellAtStops()
    {
        var crossing = new StopLineCrossing(TimeS: 700, ApproachLink: 0, VehicleId: 3, ClassIndex: 1, Route: 2, DelayS: 40, DwellS: 15, RedDelayS: 20);
        Assert.Equal(25, TransitMetrics.SignalDelayS(crossing));
    }

    [Fact]
    public void PersonDelay_WeightsDelayByOccupancy()
    {
        // 50 passengers × (30 + 42) s = 3,600 person-seconds = 1 person-hour.
        Assert.Equal(1.0, TransitMetrics.PersonDelayH(50, [30, 42]), 12);
        Assert.Equal(0, TransitMetrics.PersonDelayH(200, []));
    }

    [Fact]
    public void SignalDelayPerTrip_AddsTheMeansOfTheApproachesThatWereCrossed()
    {
        Assert.Equal(20, TransitMetrics.SignalDelayPerTripS([12.5, null, 7.5]));
        Assert.Null(TransitMetrics.SignalDelayPerTripS([null]));
        Assert.Null(TransitMetrics.SignalDelayPerTripS([]));
    }
}
