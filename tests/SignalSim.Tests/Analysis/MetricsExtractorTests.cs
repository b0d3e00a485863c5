// Per-run metrics against hand computation on records written directly into a recorder: travel
// time mean and percentiles, delay, stops, person-delay with the class occupancy, and headway
// regularity at a line's regularity stop (warm-up arrivals excluded).
using SignalSim.Analysis.Metrics;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Model;
using SignalSim.Tests.Priority;

namespace SignalSim.Tests.Analysis;

public class MetricsExtractorTests
{
    private const double Tolerance = 1e-6;

    private static long T(double seconds) => SimTime.FromSeconds(seconds);

    [Fact]
    public void Trip_figures_match_a_direct_computation()
    {
        var model = SimulationModelBuilder.Build(TransitFixture.With(null, [TransitFixture.BusLine()]));
        var car = Array.FindIndex(model.Classes, c => c.Id == "car");
        var bus = Array.FindIndex(model.Classes, c => c.Id == "bus");
        var recorder = new SimulationRecorder(model);
        // Cars: travel times 60, 80, 100, 120 s with 50 s free flow → delays 10, 30, 50, 70 s; stops 0, 1, 1, 2.
        double[] times = [60, 80, 100, 120];
        int[] stops = [0, 1, 1, 2];
        for (var i = 0; i < times.Length; i++) recorder.RecordTrip(new TripRecord(i, 0, car, T(400), T(400 + times[i]), 50, stops[i], T(400)));
        // One bus: 200 s, free flow 150 s.
        recorder.RecordTrip(new TripRecord(9, 0, bus, T(500), T(700), 150, 3, T(500)));
        // Buses leave the regularity stop 10 s after arriving: one in the warm-up (ignored), then at 310, 550, 910, 1150 s.
        var line = model.Lines[0];
        foreach (var (at, id) in new[] { (100.0, 1), (300.0, 2), (540.0, 3), (900.0, 4), (1140.0, 5) })
            recorder.RecordStop(new StopEvent(id, 0, line.RegularityStop, T(at), T(at + 10), 0, 0));
        var result = new SimulationResult(model, recorder, model.EndTicks, 0, 0, 5);

        var m = MetricsExtractor.Extract(result);

        Assert.Equal([ReportMode.Car, ReportMode.Bus], m.Modes.Keys);
        var cars = m.Modes[ReportMode.Car];
        Assert.Equal(4, cars.Trips);
        Assert.Equal(90, cars.MeanTravelTimeS!.Value, Tolerance);
        Assert.Equal(90, cars.MedianTravelTimeS!.Value, Tolerance);    // h = 1.5: 80 + 0.5 × 20
        Assert.Equal(114, cars.P90TravelTimeS!.Value, Tolerance);      // h = 2.7: 100 + 0.7 × 20
        Assert.Equal(117, cars.P95TravelTimeS!.Value, Tolerance);      // h = 2.85: 100 + 0.85 × 20
        Assert.Equal(40, cars.MeanDelayS!.Value, Tolerance);
        Assert.Equal(64, cars.P90DelayS!.Value, Tolerance);            // 50 + 0.7 × 20
        Assert.Equal(1, cars.StopsPerTrip!.Value, Tolerance);
        Assert.Equal(160 * model.Classes[car].Occupancy / 3600, cars.PersonDelayH, Tolerance);
        Assert.Null(cars.HeadwayCv);

        var buses = m.Modes[ReportMode.Bus];
        Assert.Equal(1, buses.Trips);
        Assert.Equal(50 * model.Classes[bus].Occupancy / 3600, buses.PersonDelayH, Tolerance);
        // Headways 240, 360, 240 s: mean 280, sd = √((40² + 80² + 40²) / 2) = 69.282032, CV = 0.247436.
        Assert.Equal(0.247436, buses.HeadwayCv!.Value, Tolerance);

        Assert.Equal(cars.PersonDelayH + buses.PersonDelayH, m.PersonDelayH, Tolerance);
        Assert.Equal((160 + 50) / 3600.0, m.VehicleDelayH, Tolerance);
    }

    [Fact]
    public void A_mode_without_trips_is_reported_empty()
    {
        var model = SimulationModelBuilder.Build(TransitFixture.With(null, [TransitFixture.BusLine()]));
        var result = new SimulationResult(model, new SimulationRecorder(model), model.EndTicks, 0, 0, 0);
        var m = MetricsExtractor.Extract(result);
        Assert.Equal(0, m.Modes[ReportMode.Bus].Trips);
        Assert.Null(m.Modes[ReportMode.Bus].MeanTravelTimeS);
        Assert.Equal(0, m.PersonDelayH);
    }
}
