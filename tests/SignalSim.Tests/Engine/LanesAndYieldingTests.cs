// Lanes as drivers use them and permissive conflicts, against theory: parallel lanes discharge in
// parallel at any step, a dwelling bus is overtaken, lane changes never create an overlap, and a
// turn that gives way to opposing traffic passes, in each gap of the opposing stream, the drivers
// Harders' gap acceptance allows: ⌊(t − t_c) / t_f⌋ + 1 in a gap of t ≥ t_c.
using SignalSim.Core;
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
    /// <summary>
    /// One intersection: a major through stream west→east (Poisson) and a minor left turn
    /// east→south that gives way to it, on the same green: 0–100 s of a 120 s cycle. The minor
    /// demand exceeds the capacity, so a queue always waits. No warm-up, so that every vehicle is
    /// recorded (the minor queue is long: drivers crossing late arrived early); the first 600 s
    /// are left out of the count instead.
    /// </summary>
    // The formula assumes minor drivers can leave every t_f. In the model the next driver of a
    // standing queue must first move up one car length plus s0 to the line, which takes the
    // default car (IDM a = 1.5 m/s²) about 3.7 s; so the effective follow-up time in a queue is
    // max(t_f, 3.7 s), as docs/validation.md says. The check of the gap-acceptance logic itself
    // takes a follow-up time above that, so that t_f is what binds.
    private const double CriticalGapS = 6.0;
    private const double FollowUpTimeS = 4.0;

    private static ScenarioFile GapAcceptanceCase(double majorFlowVehPerHour, double stepS)
    {
        var s = IsolatedIntersection.With(mainFlowVehPerHour: majorFlowVehPerHour, sideFlowVehPerHour: 50, ArrivalProcess.Poisson, durationS: 7800, warmupS: 0);
        var x = s.Intersections[0];
        return s with
        {
            Simulation = s.Simulation with { CooldownS = 0, StepS = stepS },
            VehicleClasses = [.. s.VehicleClasses.Select(c => c with { CriticalGapS = CriticalGapS, FollowUpTimeS = FollowUpTimeS })],
            Boundaries = [.. s.Boundaries, new BoundarySpec { Id = "E2", XM = 500, YM = 0 }, new BoundarySpec { Id = "S2", XM = 0, YM = -300 }],
            // The major stream enters just upstream of the line, so that it reaches the conflict
            // point as it arrives (Poisson) rather than in the platoons a long approach forms.
            Links = [.. s.Links.Select(l => l.Id == "west-in" ? l with { LengthM = 100 } : l),
                new LinkSpec { Id = "east-in", From = "E2", To = "X", LengthM = 300, SpeedLimitKmh = 50 },
                new LinkSpec { Id = "south-out", From = "X", To = "S2", LengthM = 200, SpeedLimitKmh = 50 }],
            Intersections = [x with
            {
                Detectors = [], // the shipped loops lie further upstream than this short approach
                Movements = [.. x.Movements,
                    new MovementSpec { From = "east-in", To = "south-out", Group = "main", Yields = [new YieldSpec { From = "west-in", To = "east-out" }] }],
                Plans = new Dictionary<string, PlanSpec>
                {
                    ["day"] = new() { CycleS = 120, Greens = new Dictionary<string, GreenWindowSpec> { ["main"] = new() { StartS = 0, EndS = 100 }, ["side"] = new() { StartS = 105, EndS = 115 } } },
                },
            }],
            Demand = [.. s.Demand,
                new DemandSpec { Id = "turners", Arrivals = ArrivalProcess.Uniform, Periods = [new FlowPeriodSpec { StartS = 0, FlowVehPerHour = 1300 }], Routes = [new RouteSpec { Id = "left", Links = ["east-in", "south-out"] }] }],
        };
    }

    /// <summary>Harders' step function: drivers a gap of t seconds passes, n = ⌊(t − t_c) / t_f⌋ + 1 when t ≥ t_c.</summary>
    private static int DriversInGap(double gapS) => gapS < CriticalGapS ? 0 : (int)Math.Floor((gapS - CriticalGapS) / FollowUpTimeS) + 1;

    [Theory]
    [InlineData(300)]
    [InlineData(600)]
    [InlineData(900)]
    public void Each_gap_in_the_opposing_stream_passes_the_drivers_gap_acceptance_allows(double majorFlowVehPerHour)
    {
        const double stepS = 0.25;
        var result = ScenarioAssert.Run(GapAcceptanceCase(majorFlowVehPerHour, stepS), seed: 5);
        var minorLink = Array.IndexOf(result.Model.LinkIds, "east-in");
        var majorLink = Array.IndexOf(result.Model.LinkIds, "west-in");
        // From 40 s into each green (the major queue of the red has cleared) to its end, after 600 s.
        bool InWindow(double t) => t >= 600 && t % 120 >= 40 && t % 120 < 100;
        var majors = result.Records.Crossings.Where(c => c.ApproachLink == majorLink && InWindow(c.TimeS)).Select(c => c.TimeS).Order().ToArray();
        var minors = result.Records.Crossings.Where(c => c.ApproachLink == minorLink && InWindow(c.TimeS)).Select(c => c.TimeS).Order().ToArray();
        int allowed = 0, allowedLate = 0, passed = 0, gaps = 0;
        for (var i = 1; i < majors.Length; i++)
        {
            if ((int)(majors[i - 1] / 120) != (int)(majors[i] / 120)) continue;
            var gap = majors[i] - majors[i - 1];
            var n = minors.Count(t => t > majors[i - 1] && t < majors[i]);
            gaps++;
            allowed += DriversInGap(gap);
            // A driver decides on the state at the start of a step and needs the next to cross: up to two steps late.
            allowedLate += DriversInGap(gap - 2 * stepS);
            passed += n;
            Assert.True(n <= DriversInGap(gap + stepS), $"q_p {majorFlowVehPerHour}: a gap of {gap:F2} s at {majors[i - 1]:F2} s passed {n} drivers, more than gap acceptance allows");
        }
        output.WriteLine($"q_p = {majorFlowVehPerHour} veh/h: {gaps} gaps, Harders allows {allowed} drivers ({allowedLate} if each decision is two steps late), {passed} passed");
        Assert.InRange(passed, allowedLate, allowed);
    }

    [Fact]
    public void The_driver_waiting_at_the_line_when_the_green_ends_clears_the_intersection_and_only_that_driver()
    {
        // A saturated opposing stream leaves the permitted turn no gap: the driver who stood at the
        // line on the green has entered the intersection and leaves once the opposing flow stops at
        // its red (the HCM's sneaker), before the conflicting group's green; the driver behind it
        // stops at the red.
        var result = ScenarioAssert.Run(GapAcceptanceCase(1800, 0.25), seed: 5);
        var minorLink = Array.IndexOf(result.Model.LinkIds, "east-in");
        var late = result.Records.Crossings.Where(c => c.ApproachLink == minorLink && c.TimeS >= 600 && c.TimeS % 120 >= 100).ToList();
        var cycles = Enumerable.Range(5, (7800 - 600) / 120).ToList();
        foreach (var k in cycles)
        {
            var inCycle = late.Where(c => (int)(c.TimeS / 120) == k).Select(c => c.TimeS % 120).ToList();
            Assert.True(inCycle.Count == 1, $"cycle {k}: {inCycle.Count} turners crossed after the green ({string.Join(", ", inCycle.Select(t => t.ToString("F2")))} s into the cycle)");
            Assert.True(inCycle[0] < 105, $"cycle {k}: the waiting turner crossed {inCycle[0]:F2} s into the cycle, after the side road's green began at 105 s");
        }
    }

    [Fact]
    public void Cars_overtake_a_bus_dwelling_at_a_stop_in_the_right_lane_of_a_two_lane_link()
    {
        var s = IsolatedIntersection.With(mainFlowVehPerHour: 500, sideFlowVehPerHour: 200, ArrivalProcess.Poisson, durationS: 1800, warmupS: 300);
        s = s with
        {
            Links = s.Links.Select(l => l.Id is "west-in" or "east-out" ? l with { Lanes = 2 } : l).ToList(),
            Lines =
            [
                new LineSpec
                {
                    Id = "bus", VehicleClass = "bus", Links = ["west-in", "east-out"], HeadwayS = 300, FirstDepartureS = 400,
                    // A long dwell (40 s fixed) well before the stop line, so that cars queue behind it or pass it.
                    Stops = [new StopSpec { Id = "stop", Link = "west-in", PositionM = 250, DwellFixedS = 40, PassengersPerHour = 0 }],
                },
            ],
        };
        var sim = ScenarioAssert.Start(s, seed: 4);
        var m = sim.Model;
        var westIn = Array.IndexOf(m.LinkIds, "west-in");
        var bus = Array.FindIndex(m.Classes, c => c.Id == "bus");
        var overtaken = 0;
        var dwellingSteps = 0;
        var seenBehind = new HashSet<int>();
        while (!sim.Finished)
        {
            sim.Step();
            var right = sim.LaneSnapshot(m.LinkFirstLane[westIn]);
            var left = sim.LaneSnapshot(m.LinkFirstLane[westIn] + 1);
            foreach (var b in right.Where(v => v.ClassIndex == bus && v.SpeedMps == 0 && Math.Abs(v.PositionM - 250) < 2))
            {
                dwellingSteps++;
                // Cars that were behind the standing bus in its own lane and are now ahead of it: they changed lanes to pass.
                foreach (var car in right) if (car.PositionM < b.PositionM - b.LengthM) seenBehind.Add(car.VehicleId);
                foreach (var car in left) if (car.PositionM > b.PositionM && seenBehind.Remove(car.VehicleId)) overtaken++;
            }
        }
        output.WriteLine($"{dwellingSteps} steps with a bus at its stop; {overtaken} cars from behind it in its lane passed it in the left lane");
        Assert.True(dwellingSteps > 0, "the bus stopped at its stop");
        Assert.True(overtaken > 0, "cars pass a dwelling bus");
        var driving = sim.Result().Driving!;
        Assert.True(driving.DiscretionaryLaneChanges > 0);
    }
}
