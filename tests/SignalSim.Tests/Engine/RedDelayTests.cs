// The part of each stop-line delay lost in front of a red signal (red_delay_s), on the isolated
// intersection with uniform arrivals at x = 0.5: never negative, never more than the delay (up to
// the step in which the vehicle crosses), and, since a vehicle that arrives at red stands until
// the green while one that arrives at green behind a short queue moving off loses little, the
// larger share of the delay on an undersaturated approach; a vehicle that found the red loses at
// least the time it stood still before the green.
using SignalSim.Core.Scenario;
using SignalSim.Tests.Validation;
using Xunit.Abstractions;

namespace SignalSim.Tests.Engine;

public sealed class RedDelayTests(ITestOutputHelper output)
{
    [Fact]
    public void The_red_share_of_the_stop_line_delay_is_bounded_by_the_delay_and_is_most_of_it_below_capacity()
    {
        var scenario = IsolatedIntersection.With(mainFlowVehPerHour: 460, sideFlowVehPerHour: 300, ArrivalProcess.Uniform);
        var result = IsolatedIntersection.Run(scenario, seed: 1);
        var crossings = IsolatedIntersection.MainCrossings(result);
        Assert.True(crossings.Count > 300, $"{crossings.Count} crossings");
        var stepS = scenario.Simulation.StepS;
        foreach (var c in crossings)
        {
            Assert.True(c.RedDelayS >= 0, $"vehicle {c.VehicleId}: red share {c.RedDelayS} s");
            Assert.True(c.RedDelayS <= c.DelayS - c.DwellS + stepS, $"vehicle {c.VehicleId}: red share {c.RedDelayS:F3} s over its delay {c.DelayS:F3} s");
        }
        var delay = crossings.Average(c => c.DelayS);
        var red = crossings.Average(c => c.RedDelayS);
        output.WriteLine($"{crossings.Count} crossings: mean delay {delay:F2} s, of which {red:F2} s at the red ({red / delay:P0})");
        Assert.True(red > 0.5 * delay, $"only {red:F2} of {delay:F2} s at the red");
        Assert.True(red < delay, "some delay is lost at green (the queue moving off)");
        // Those delayed longer than the amber and intergreen could explain stood at the red.
        var stood = crossings.Where(c => c.DelayS > 20).ToList();
        Assert.NotEmpty(stood);
        Assert.All(stood, c => Assert.True(c.RedDelayS > 10, $"vehicle {c.VehicleId}: {c.DelayS:F1} s delay, {c.RedDelayS:F1} s at the red"));
    }
}
