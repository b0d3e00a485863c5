// Actuated control at the isolated intersection: the side road has a loop 40 m before its stop
// line (the main road has none, so it keeps its window: recall maximum by default); the plan's
// windows are the maximum greens. Gap-out, max-out, stage skipping, rest in green, delay against
// the fixed-time plan with the same maxima, and convergence to it at saturation.
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;
using SignalSim.Tests.Validation;

namespace SignalSim.Tests.Signals;

public class ActuatedControlTests
{
    private const double PassageS = 3;

    private static DetectorSpec Loop(string id, string link, int channel) =>
        new() { Id = id, Link = link, PositionM = 40, LengthM = 2, Kind = DetectorKind.Advance, Channel = channel };

    /// <summary>The shipped isolated intersection with detectors and, when asked, its plan actuated.</summary>
    private static ScenarioFile Scenario(double mainFlow, double sideFlow, bool actuated, bool mainDetector = false, ArrivalProcess arrivals = ArrivalProcess.Poisson)
    {
        var s = IsolatedIntersection.With(mainFlow, sideFlow, arrivals);
        var x = s.Intersections[0];
        List<DetectorSpec> detectors = [Loop("side-loop", "south-in", 1)];
        if (mainDetector) detectors.Add(Loop("main-loop", "west-in", 2));
        var plan = x.Plans["day"];
        if (actuated) plan = plan with { Control = ControlType.Actuated, Actuated = new ActuatedSpec { PassageTimeS = PassageS } };
        s = s with { Intersections = [x with { Detectors = detectors, Plans = new Dictionary<string, PlanSpec> { ["day"] = plan } }] };
        ScenarioAssert.Valid(s);
        return s;
    }

    private static SimulationResult Run(ScenarioFile s, ulong seed = 1) => new Simulation(SimulationModelBuilder.Build(s, seed)).Run();

    /// <summary>Greens of a group as (start, end) in ticks, the first one cut off at the run start left out.</summary>
    private static List<(long Start, long End)> Greens(SimulationResult r, string group)
    {
        var g = Array.IndexOf(r.Model.GroupIds, $"X/{group}");
        var result = new List<(long, long)>();
        long start = -1;
        foreach (var c in r.Records.SignalChanges)
        {
            if (c.Group != g) continue;
            if (c.State == SignalState.Green) start = c.Ticks;
            else if (c.State == SignalState.Amber && start >= 0) { result.Add((start, c.Ticks)); start = -1; }
        }
        return result;
    }

    [Fact]
    public void Gap_out_ends_the_green_one_passage_time_after_the_detector_last_cleared()
    {
        // Regular side arrivals every 20 s: the queue of a red clears, then the gap opens.
        var r = Run(Scenario(300, 180, actuated: true, arrivals: ArrivalProcess.Uniform));
        var offs = r.Records.DetectorEvents.Where(e => e.Detector == 0 && !e.On).Select(e => e.Ticks).ToList();
        var passage = SimTime.FromSeconds(PassageS);
        var minGreen = SimTime.FromSeconds(6);
        var maxGreen = SimTime.FromSeconds(35);
        var gapOuts = 0;
        foreach (var (start, end) in Greens(r, "side"))
        {
            var duration = end - start;
            if (duration <= minGreen || duration >= maxGreen) continue; // ended by the minimum or the maximum
            var lastOff = offs.Where(t => t <= end).DefaultIfEmpty(long.MinValue).Max();
            Assert.Equal(lastOff + passage, end);
            gapOuts++;
        }
        Assert.True(gapOuts >= 10, $"only {gapOuts} side greens gapped out");
    }

    [Fact]
    public void Max_out_holds_against_continuous_demand()
    {
        var r = Run(Scenario(300, 1800, actuated: true));
        var greens = Greens(r, "side").Where(g => g.Start >= SimTime.FromSeconds(600)).ToList();
        Assert.True(greens.Count >= 30);
        Assert.All(greens, g => Assert.Equal(SimTime.FromSeconds(35), g.End - g.Start));
    }

    [Fact]
    public void A_stage_nothing_calls_is_skipped_and_the_main_road_rests_in_green()
    {
        var r = Run(Scenario(600, 0, actuated: true));
        Assert.Empty(Greens(r, "side"));
        var main = Array.IndexOf(r.Model.GroupIds, "X/main");
        Assert.DoesNotContain(r.Records.SignalChanges, c => c.Group == main && c.State != SignalState.Green);
    }

    [Fact]
    public void Light_side_demand_gives_lower_mean_delay_than_the_fixed_time_plan_with_the_same_maxima()
    {
        for (ulong seed = 1; seed <= 3; seed++)
        {
            var fixedTime = Run(Scenario(600, 100, actuated: false), seed);
            var actuated = Run(Scenario(600, 100, actuated: true), seed);
            var fixedDelay = fixedTime.Records.Crossings.Average(c => c.DelayS);
            var actuatedDelay = actuated.Records.Crossings.Average(c => c.DelayS);
            Assert.True(actuatedDelay < fixedDelay, $"seed {seed}: actuated {actuatedDelay:0.0} s, fixed-time {fixedDelay:0.0} s");
        }
    }

    [Fact]
    public void At_saturation_actuated_control_runs_the_fixed_time_plan_at_maximum_greens()
    {
        // Free-running, so its cycle may have shifted while the queues built up; once saturated,
        // every green maxes out: the fixed-time greens (45 s and 35 s) on the 90 s cycle.
        var r = Run(Scenario(1800, 1800, actuated: true, mainDetector: true));
        var from = SimTime.FromSeconds(600);
        foreach (var (group, windowS) in new[] { ("main", 45), ("side", 35) })
        {
            var greens = Greens(r, group).Where(g => g.Start >= from).ToList();
            Assert.True(greens.Count >= 30);
            Assert.All(greens, g => Assert.Equal(SimTime.FromSeconds(windowS), g.End - g.Start));
            for (var k = 1; k < greens.Count; k++) Assert.Equal(SimTime.FromSeconds(90), greens[k].Start - greens[k - 1].Start);
        }
    }
}
