// Validation against queueing theory at an isolated fixed-time intersection (DESIGN.md §3):
// queue discharge, D/D/1 delay under uniform arrivals, Webster's delay under Poisson arrivals.
// Saturation flow and effective green come from the simulation's own saturated discharge, as
// an engineer would measure them on street, and then enter the formulas.
using SignalSim.Core.Scenario;
using Xunit.Abstractions;

namespace SignalSim.Tests.Validation;

public class TheoryTests(ITestOutputHelper output)
{
    private static QueueDischarge Discharge => QueueDischarge.OfShippedIntersection;

    [Fact]
    public void Queue_discharge_gives_urban_saturation_flow_and_start_up_lost_time()
    {
        var d = Discharge;
        output.WriteLine($"s = {d.SaturationFlowVehPerHour:0} veh/h/lane, N = {d.VehiclesPerCycle:0.0} veh/cycle, g_eff = {d.EffectiveGreenS:0.0} s, l1 = {d.StartUpLostTimeS:0.00} s");
        Assert.InRange(d.SaturationFlowVehPerHour, 1800, 1950);
        Assert.InRange(d.StartUpLostTimeS, 1.0, 3.5);
        // Displayed green 45 s + amber 3 s: effective green is that less lost time, plus a little amber used.
        Assert.InRange(d.EffectiveGreenS, 40, 48);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.7)]
    [InlineData(0.9)]
    public void Uniform_arrivals_match_DD1_delay_within_10_percent(double degreeOfSaturation)
    {
        var d = Discharge;
        var capacity = d.SaturationFlowVehPerHour * d.EffectiveGreenS / IsolatedIntersection.CycleS;
        var q = degreeOfSaturation * capacity;
        var scenario = IsolatedIntersection.With(q, 300, ArrivalProcess.Uniform);
        var simulated = IsolatedIntersection.MeanMainDelayS(IsolatedIntersection.Run(scenario, seed: 11));
        var r = d.EffectiveRedS;
        var c = IsolatedIntersection.CycleS;
        var theory = r * r / (2 * c * (1 - q / d.SaturationFlowVehPerHour));
        output.WriteLine($"x = {degreeOfSaturation}, q = {q:0} veh/h: simulated {simulated:0.00} s, D/D/1 {theory:0.00} s");
        Assert.InRange(simulated, theory * 0.9, theory * 1.1);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.7)]
    [InlineData(0.85)]
    public void Poisson_arrivals_match_Webster_delay_within_15_percent(double degreeOfSaturation)
    {
        const int replications = 30;
        var d = Discharge;
        var c = IsolatedIntersection.CycleS;
        var lambda = d.EffectiveGreenS / c;
        var sPerS = d.SaturationFlowVehPerHour / 3600;
        var qPerS = degreeOfSaturation * lambda * sPerS;
        var x = qPerS / (lambda * sPerS);
        var scenario = IsolatedIntersection.With(qPerS * 3600, 300, ArrivalProcess.Poisson);
        var delays = Enumerable.Range(1, replications).Select(k => IsolatedIntersection.MeanMainDelayS(IsolatedIntersection.Run(scenario, (ulong)k))).ToList();
        var simulated = delays.Average();
        var webster = c * Math.Pow(1 - lambda, 2) / (2 * (1 - lambda * x))
            + x * x / (2 * qPerS * (1 - x))
            - 0.65 * Math.Pow(c / (qPerS * qPerS), 1.0 / 3) * Math.Pow(x, 2 + 5 * lambda);
        output.WriteLine($"x = {x:0.00}: simulated {simulated:0.00} s over {replications} replications, Webster {webster:0.00} s");
        Assert.InRange(simulated, webster * 0.85, webster * 1.15);
    }
}
