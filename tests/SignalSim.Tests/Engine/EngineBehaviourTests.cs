// Behaviour of the step loop on small corridors: determinism, spill-back across an
// intersection, amber stop/go, lane choice for turns, and plan changes between periods.
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;
using SignalSim.Tests.Signals;
using SignalSim.Tests.Validation;

namespace SignalSim.Tests.Engine;

public class EngineBehaviourTests
{
    private static Simulation Start(ScenarioFile s, ulong seed = 1) => ScenarioAssert.Start(s, seed);

    [Fact]
    public void Same_seed_gives_identical_records_and_another_seed_does_not()
    {
        var s = IsolatedIntersection.With(700, 400, ArrivalProcess.Poisson, durationS: 1800, warmupS: 300);
        var a = Start(s, 5).Run();
        var b = Start(s, 5).Run();
        var c = Start(s, 6).Run();
        Assert.Equal(a.Records.Trips, b.Records.Trips);
        Assert.Equal(a.Records.Queues, b.Records.Queues);
        Assert.Equal(a.Records.Crossings, b.Records.Crossings);
        Assert.Equal(a.Records.SignalChanges, b.Records.SignalChanges);
        Assert.NotEqual(a.Records.Trips, c.Records.Trips);
    }

    [Fact]
    public void A_full_downstream_link_holds_vehicles_at_the_upstream_stop_line()
    {
        // Y (downstream) gives its main group a short green, so the 250 m link X→Y fills and
        // traffic must wait at X even while X shows green.
        var s = TwoCentreCorridor.Create(90, 90, durationS: 1800);
        s = s with
        {
            Demand = [s.Demand[0] with { Arrivals = ArrivalProcess.Uniform, Periods = [new FlowPeriodSpec { FlowVehPerHour = 1000 }] }],
            Intersections =
            [
                s.Intersections[0],
                s.Intersections[1] with
                {
                    Plans = new Dictionary<string, PlanSpec>
                    {
                        ["day"] = new()
                        {
                            CycleS = 90,
                            Greens = new Dictionary<string, GreenWindowSpec> { ["main"] = new() { StartS = 0, EndS = 12 }, ["side"] = new() { StartS = 17, EndS = 85 } },
                        },
                    },
                },
            ],
        };
        var sim = Start(s);
        var model = sim.Model;
        var inner = Array.IndexOf(model.LinkIds, "x-y");
        var xMain = Array.IndexOf(model.GroupIds, "X/main");
        var heldOnGreen = false;
        while (!sim.Finished)
        {
            sim.Step();
            var snapshot = sim.LaneSnapshot(model.LinkFirstLane[inner]);
            // Vehicles never overlap, even in a full link.
            for (var k = 1; k < snapshot.Length; k++)
            {
                Assert.True(snapshot[k].PositionM <= snapshot[k - 1].PositionM - snapshot[k - 1].LengthM + 1e-9, "vehicles overlap");
            }
            if (sim.GroupStates[xMain] == SignalState.Green && sim.IsFrontHeld(model.LinkFirstLane[Array.IndexOf(model.LinkIds, "w-x")])) heldOnGreen = true;
        }
        Assert.True(heldOnGreen, "a green at X was blocked by the queue from Y");
    }

    [Fact]
    public void At_amber_a_vehicle_that_cannot_stop_comfortably_proceeds_and_one_far_away_stops()
    {
        var s = IsolatedIntersection.With(500, 300, ArrivalProcess.Poisson, durationS: 3600, warmupS: 0);
        var sim = Start(s);
        var model = sim.Model;
        var main = Array.IndexOf(model.GroupIds, "X/main");
        var lane = model.LinkFirstLane[Array.IndexOf(model.LinkIds, "west-in")];
        var car = model.Classes[0];
        var sawProceed = false;
        var sawStop = false;
        var previous = sim.GroupStates[main];
        while (!sim.Finished)
        {
            sim.Step();
            var state = sim.GroupStates[main];
            if (state == SignalState.Amber && previous == SignalState.Green)
            {
                // The amber has just started: look at the front vehicle.
                var lanes = sim.LaneSnapshot(lane);
                if (lanes.Length > 0)
                {
                    var front = lanes[0];
                    var toLine = model.LinkLengthM[Array.IndexOf(model.LinkIds, "west-in")] - front.PositionM;
                    var needed = front.SpeedMps * front.SpeedMps / (2 * toLine);
                    var id = front.VehicleId;
                    // Follow it until it crosses or stops.
                    var crossedDuringAmberOrClearance = false;
                    for (var k = 0; k < 20; k++)
                    {
                        sim.Step();
                        var now = sim.LaneSnapshot(lane);
                        if (now.Length == 0 || now[0].VehicleId != id) { crossedDuringAmberOrClearance = true; break; }
                    }
                    if (needed > car.ComfortableDecelerationMps2 * 1.2)
                    {
                        Assert.True(crossedDuringAmberOrClearance, $"a vehicle needing {needed:0.0} m/s² to stop should have proceeded");
                        sawProceed = true;
                    }
                    else if (needed < car.ComfortableDecelerationMps2 * 0.5 && front.SpeedMps > 5)
                    {
                        Assert.False(crossedDuringAmberOrClearance, $"a vehicle needing only {needed:0.0} m/s² to stop should have stopped");
                        sawStop = true;
                    }
                }
            }
            previous = sim.GroupStates[main];
        }
        Assert.True(sawProceed && sawStop, $"both cases were observed (proceed {sawProceed}, stop {sawStop})");
    }

    [Fact]
    public void No_vehicle_starts_across_a_red_stop_line()
    {
        var s = IsolatedIntersection.With(800, 600, ArrivalProcess.Poisson, durationS: 3600, warmupS: 0);
        var result = Start(s).Run();
        var model = result.Model;
        foreach (var (link, group) in new[] { ("west-in", "X/main"), ("south-in", "X/side") })
        {
            var l = Array.IndexOf(model.LinkIds, link);
            var g = Array.IndexOf(model.GroupIds, group);
            var changes = result.Records.SignalChanges.Where(c => c.Group == g).ToList();
            foreach (var crossing in result.Records.Crossings.Where(c => c.ApproachLink == l))
            {
                var ticks = SimTime.FromSeconds(crossing.TimeS);
                var before = changes.Where(c => c.Ticks <= ticks).ToList();
                if (before.Count == 0 || before[^1].State != SignalState.Red) continue; // initial state is green
                var last = before[^1];
                // On red only vehicles committed at amber may still clear: within the 2 s all-red.
                Assert.True(ticks - last.Ticks <= SimTime.FromSeconds(2), $"{link}: vehicle {crossing.VehicleId} crossed at {crossing.TimeS:0.00} s, {SimTime.ToSeconds(ticks - last.Ticks):0.0} s into red (red since {SimTime.ToSeconds(last.Ticks)} s)");
            }
        }
    }

    [Fact]
    public void Turning_vehicles_use_the_lanes_of_their_movement()
    {
        var s = TwoCentreCorridor.Create(90, 90, durationS: 900);
        // Two lanes on w-x: lane 0 for the through movement, lane 1 for the left turn into xn.
        s = s with
        {
            Links = s.Links.Select(l => l.Id == "w-x" ? l with { Lanes = 2 } : l).ToList(),
            Intersections =
            [
                s.Intersections[0] with
                {
                    Movements =
                    [
                        new MovementSpec { From = "w-x", To = "x-y", Group = "main", Lanes = [0] },
                        new MovementSpec { From = "w-x", To = "xn", Group = "main", Lanes = [1] },
                        new MovementSpec { From = "sx", To = "xn", Group = "side" },
                    ],
                },
                s.Intersections[1],
            ],
            Demand =
            [
                s.Demand[0] with
                {
                    Routes =
                    [
                        new RouteSpec { Id = "through", Links = ["w-x", "x-y", "y-e"], Share = 0.6 },
                        new RouteSpec { Id = "left", Links = ["w-x", "xn"], Share = 0.4 },
                    ],
                },
            ],
        };
        var sim = Start(s);
        var model = sim.Model;
        var wx = Array.IndexOf(model.LinkIds, "w-x");
        var leftRoute = Array.IndexOf(model.RouteIds, "main/left");
        var seen = new int[2];
        while (!sim.Finished)
        {
            sim.Step();
            for (var k = 0; k < 2; k++)
            {
                foreach (var v in sim.LaneSnapshot(model.LinkFirstLane[wx] + k))
                {
                    Assert.Equal(v.Route == leftRoute ? 1 : 0, k);
                    seen[k]++;
                }
            }
        }
        Assert.True(seen[0] > 0 && seen[1] > 0);
        Assert.Contains(sim.Result().Records.Trips, t => t.Route == leftRoute);
    }

    [Fact]
    public void A_centre_changes_plan_at_its_period_boundary_by_holding_the_cycle_start_state()
    {
        var s = TwoCentreCorridor.Create(90, 90, durationS: 1800);
        var paris = s.Intersections[0];
        var plans = new Dictionary<string, PlanSpec>(paris.Plans)
        {
            ["night"] = new()
            {
                CycleS = 50,
                OffsetS = 20,
                Greens = new Dictionary<string, GreenWindowSpec> { ["main"] = new() { StartS = 0, EndS = 25 }, ["side"] = new() { StartS = 30, EndS = 45 } },
            },
        };
        s = s with
        {
            Simulation = s.Simulation with { StartTimeOfDayS = 6 * 3600 - 600 }, // 05:50, night until 06:00
            Centres = [s.Centres[0] with { Periods = [new PlanPeriodSpec { StartS = 0, Plan = "night" }, new PlanPeriodSpec { StartS = 6 * 3600, Plan = "day" }] }, s.Centres[1]],
            Intersections = [paris with { Plans = plans }, s.Intersections[1]],
        };
        var result = Start(s).Run();
        var g = Array.IndexOf(result.Model.GroupIds, "X/main");
        var onsets = result.Records.SignalChanges.Where(c => c.Group == g && c.State == SignalState.Green).Select(c => SimTime.ToSeconds(c.Ticks)).ToList();
        var gaps = onsets.Zip(onsets.Skip(1), (a, b) => b - a).ToList();
        Assert.Contains(50.0, gaps);                  // night cycles before 06:00
        Assert.Equal(90.0, gaps[^1]);                 // day cycles after
        Assert.True(onsets.Last() > 600);
        // After the change the day plan runs on its own offset: onsets at centre times ≡ 0 mod 90.
        var centre = result.Model.Centres[0];
        var lastOnsetLocal = centre.LocalTicks(SimTime.FromSeconds(onsets[^1]));
        Assert.Equal(0, SimTime.Mod(lastOnsetLocal, SimTime.FromSeconds(90)));
        // Safety: the main group's green never shortened below its minimum during the change.
        var mainChanges = result.Records.SignalChanges.Where(c => c.Group == g).ToList();
        for (var k = 1; k < mainChanges.Count; k++)
        {
            if (mainChanges[k - 1].State == SignalState.Green)
                Assert.True(mainChanges[k].Ticks - mainChanges[k - 1].Ticks >= SimTime.FromSeconds(6));
        }
    }
}

public class MergeTests
{
    [Fact]
    public void Two_approach_lanes_merging_into_one_exit_lane_take_turns_without_overlapping()
    {
        // Saturated: 1,500 veh/h on two approach lanes, one exit lane. Front vehicles heading for
        // the same exit lane follow whichever is nearer the line (zip merge), so both lanes are
        // served and no vehicle is ever placed on top of another.
        var s = IsolatedIntersection.With(1500, 300, ArrivalProcess.Uniform, durationS: 1800, warmupS: 600);
        s = s with { Links = s.Links.Select(l => l.Id == "west-in" ? l with { Lanes = 2 } : l).ToList() };
        var sim = new Simulation(SimulationModelBuilder.Build(s, 3));
        var m = sim.Model;
        var approach = m.LinkFirstLane[Array.IndexOf(m.LinkIds, "west-in")];
        var exit = m.LinkFirstLane[Array.IndexOf(m.LinkIds, "east-out")];
        var laneOf = new Dictionary<int, int>();
        var fromLane = new int[2];
        var seenInExit = new HashSet<int>();
        while (!sim.Finished)
        {
            sim.Step();
            for (var k = 0; k < 2; k++)
            {
                foreach (var v in sim.LaneSnapshot(approach + k)) laneOf[v.VehicleId] = k;
            }
            var inExit = sim.LaneSnapshot(exit);
            for (var i = 0; i < inExit.Length; i++)
            {
                if (i > 0) Assert.True(inExit[i].PositionM <= inExit[i - 1].PositionM - inExit[i - 1].LengthM + 1e-9, "vehicles overlap in the exit lane");
                if (seenInExit.Add(inExit[i].VehicleId) && laneOf.TryGetValue(inExit[i].VehicleId, out var lane)) fromLane[lane]++;
            }
        }
        var total = fromLane.Sum();
        Assert.True(total > 200, $"{total} vehicles merged");
        Assert.All(fromLane, n => Assert.InRange(n, 0.4 * total, 0.6 * total));
    }
}
