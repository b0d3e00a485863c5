// A loop sees every vehicle that passes over it: the detector stage looks at where each body was
// during the whole step, not only where it is at its end (a car at 50 km/h covers 6.9 m in a
// 0.5 s step, more than its 4.5 m plus a 2 m loop), and a vehicle crossing its stop line in the
// step switches on the loops it passed over on the way, a stop-bar loop included.
using SignalSim.Core.Scenario;
using SignalSim.Tests.Validation;

namespace SignalSim.Tests.Engine;

public class DetectorTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Every_vehicle_switches_on_the_stop_bar_and_advance_loops_of_its_approach(double stepS)
    {
        // Uniform arrivals 12 s and 24 s apart, so that no two vehicles pass a loop in one pulse;
        // demand only in the first 20 min, so that every vehicle that enters is measured and has
        // crossed its line by the end of the cool-down.
        var s = IsolatedIntersection.With(mainFlowVehPerHour: 300, sideFlowVehPerHour: 150, ArrivalProcess.Uniform, durationS: 1800, warmupS: 0);
        s = s with
        {
            Simulation = s.Simulation with { StepS = stepS, CooldownS = 900 },
            Demand = [.. s.Demand.Select(d => d with { Periods = [d.Periods[0], new FlowPeriodSpec { StartS = 1200, FlowVehPerHour = 0 }] })],
            Strategies = [],
        };
        var result = IsolatedIntersection.Run(s, seed: 1);
        var detectors = s.Intersections[0].Detectors;
        Assert.Equal(4, detectors.Count);
        for (var d = 0; d < detectors.Count; d++)
        {
            var link = Array.IndexOf(result.Model.LinkIds, detectors[d].Link);
            var crossed = result.Records.Crossings.Count(c => c.ApproachLink == link);
            var on = result.Records.DetectorEvents.Count(e => e.Detector == d && e.On);
            Assert.True(crossed > 40, $"{detectors[d].Id}: only {crossed} vehicles crossed");
            Assert.True(on == crossed, $"{detectors[d].Id} at step {stepS} s: switched on {on} times for {crossed} vehicles that crossed its approach's line");
        }
    }
}
