// Lanes as drivers use them and permissive conflicts, against theory: parallel lanes discharge in
// parallel at any step, a dwelling bus is overtaken, lane changes never create an overlap, and a
// turn that gives way to Poisson opposing traffic discharges at the gap-acceptance capacity of
// Harders and Siegloch, c = q·e^(−q·t_c) / (1 − e^(−q·t_f)).
using SignalSim.Core.Engine;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Validation;
using Xunit.Abstractions;

namespace SignalSim.Tests.Engine;

public sealed class LanesAndYieldingTests(ITestOutputHelper output)
{
    /// <summary>Vehicles served per full cycle on the main approach, oversaturated.</summary>
    private static double ServedPerCycle(int lanes, double stepS)
    {
        var s = IsolatedIntersection.With(mainFlowVehPerHour: 1500 * lanes, sideFlowVehPerHour: 300, ArrivalProcess.Uniform, durationS: 2700, warmupS: 900);
        s = s with
        {
            Simulation = s.Simulation with { StepS = stepS, QueueSampleS = 5 },
            Links = s.Links.Select(l => l.Id is "west-in" or "east-out" ? l with { Lanes = lanes } : l).ToList(),
        };
        var result = ScenarioAssert.Run(s, seed: 3);
        var crossings = IsolatedIntersection.MainCrossings(result);
        var byCycle = crossings.GroupBy(c => (int)Math.Floor(c.TimeS / IsolatedIntersection.CycleS)).OrderBy(g => g.Key).ToList();
        return byCycle.Skip(1).SkipLast(1).Average(g => g.Count());
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void A_saturated_two_lane_approach_discharges_twice_what_one_lane_does(double stepS)
    {
        var one = ServedPerCycle(1, stepS);
        var two = ServedPerCycle(2, stepS);
        output.WriteLine($"step {stepS} s: one lane {one:F1} veh per green, two lanes {two:F1}");
        Assert.True(two >= 0.97 * 2 * one, $"two lanes serve {two:F1} per green, less than 0.97 × 2 × {one:F1}");
    }

    [Theory]
    [InlineData("porte-de-choisy.json")]
    [InlineData("porte-d-italie.json")]
    [InlineData("porte-de-charenton.json")]
    public void Lane_changes_and_merges_never_bring_a_vehicle_within_its_standstill_gap(string fileName)
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine("scenarios", fileName)).Scenario;
        var sim = ScenarioAssert.Start(scenario with { Simulation = scenario.Simulation with { DurationS = 900, WarmupS = 300, CooldownS = 0 } }, seed: 2);
        var m = sim.Model;
        while (!sim.Finished)
        {
            sim.Step();
            for (var lane = 0; lane < m.LaneCount; lane++)
            {
                var v = sim.LaneSnapshot(lane);
                for (var k = 1; k < v.Length; k++)
                {
                    var gap = v[k - 1].PositionM - v[k - 1].LengthM - v[k].PositionM;
                    Assert.True(gap >= m.Classes[v[k].ClassIndex].MinGapM - 1e-6,
                        $"{fileName}: t = {sim.NowTicks / 1000.0} s, lane {lane} of {m.LinkIds[m.LaneLink[lane]]}: gap {gap:F3} m behind vehicle {v[k - 1].VehicleId}");
                }
            }
        }
        var driving = sim.Result().Driving!;
        output.WriteLine($"{fileName}: {driving.MandatoryLaneChanges} mandatory and {driving.DiscretionaryLaneChanges} discretionary lane changes; "
            + $"{driving.MandatoryLaneChangesMissed} of {driving.MandatoryLaneChangesNeeded} wrong-lane entries reached the line in the wrong lane");
        Assert.True(driving.DiscretionaryLaneChanges > 0, "drivers change lanes within links");
    }
}
