// Phase insertion: a bus movement from a bus lane that the normal plan leaves red gets a green
// only in the cycles where a bus has checked in, through the intersection's insertion plan.
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Priority;

public class PhaseInsertionTests
{
    private static ScenarioFile Scenario(bool withInsertion)
    {
        var s = TransitFixture.With(null, [TransitFixture.BusLine(headwayS: 300)], mainFlow: 500, sideFlow: 300);
        var x = s.Intersections[0];
        var greens = x.Plans["day"].Greens;
        var insertPlan = new PlanSpec
        {
            CycleS = 90,
            Greens = new Dictionary<string, GreenWindowSpec>
            {
                ["main"] = new() { StartS = 0, EndS = 30 },
                ["bus"] = new() { StartS = 36, EndS = 44 },
                ["side"] = new() { StartS = 50, EndS = 85 },
            },
        };
        IntergreenSpec Ig(string from, string to) => new() { From = from, To = to, IntergreenS = 5 };
        return s with
        {
            // A bus lane beside the general lane; buses turn across both other streams under their own group.
            Links = s.Links.Select(l => l.Id == "west-in" ? l with { Lanes = 2, LaneKinds = [LaneKind.General, LaneKind.Bus] } : l).ToList(),
            Intersections =
            [
                x with
                {
                    SignalGroups = [.. x.SignalGroups, new SignalGroupSpec { Id = "bus", Kind = SignalGroupKind.Bus }],
                    Intergreens = [.. x.Intergreens, Ig("main", "bus"), Ig("bus", "main"), Ig("side", "bus"), Ig("bus", "side")],
                    Movements =
                    [
                        new MovementSpec { From = "west-in", To = "east-out", Group = "main", Lanes = [0] },
                        new MovementSpec { From = "west-in", To = "north-out", Group = "bus", Lanes = [1] },
                        new MovementSpec { From = "south-in", To = "north-out", Group = "side" },
                    ],
                    Plans = new Dictionary<string, PlanSpec> { ["day"] = x.Plans["day"], ["bus-insert"] = insertPlan },
                    Priority = withInsertion
                        ? new PrioritySpec { Bus = new BusPrioritySpec { Action = BusPriorityAction.Extension, InsertionPlan = "bus-insert" } }
                        : null,
                },
            ],
            Lines = [TransitFixture.BusLine(headwayS: 300) with { Links = ["west-in", "north-out"] }],
        };
    }

    [Fact]
    public void Buses_get_an_inserted_green_only_when_they_check_in()
    {
        var result = TransitFixture.Run(Scenario(withInsertion: true), 1);
        var insertions = result.Records.Priority.Count(e => e.Action == PriorityAction.PhaseInsertion);
        var busTrips = result.Records.Trips.Count(t => result.Model.Classes[t.ClassIndex].Mode == TravelMode.Bus);
        var requests = result.Records.Priority.Count(e => e.Action == PriorityAction.Requested);
        Assert.True(busTrips >= 10, $"{busTrips} bus trips");
        Assert.DoesNotContain(result.Records.Priority, e => e.Action == PriorityAction.Expired);
        Assert.Equal(requests, insertions); // one inserted cycle per bus, none without a bus
        var bus = Array.IndexOf(result.Model.GroupIds, "X/bus");
        var busGreens = result.Records.SignalChanges.Count(c => c.Group == bus && c.State == Core.Signals.SignalState.Green);
        Assert.Equal(insertions, busGreens);
        var cycles = Core.SimTime.ToSeconds(result.Model.EndTicks) / 90;
        Assert.True(busGreens <= cycles / 3, $"the bus group is green in few of the cycles ({busGreens} of {cycles:0})");
    }

    [Fact]
    public void Without_an_insertion_plan_the_bus_movement_never_gets_green()
    {
        var scenario = Scenario(withInsertion: false);
        Assert.Contains(ScenarioValidator.Validate(scenario), d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("never turns green"));
        var result = new Simulation(SimulationModelBuilder.Build(scenario, 1)).Run();
        Assert.DoesNotContain(result.Records.Trips, t => result.Model.Classes[t.ClassIndex].Mode == TravelMode.Bus);
    }

    [Fact]
    public void An_insertion_plan_with_another_cycle_is_rejected()
    {
        var s = Scenario(withInsertion: true);
        var x = s.Intersections[0];
        s = s with { Intersections = [x with { Plans = new Dictionary<string, PlanSpec>(x.Plans) { ["bus-insert"] = x.Plans["bus-insert"] with { CycleS = 100 } } }] };
        Assert.Contains(ScenarioValidator.Validate(s), d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("must keep the cycle length"));
    }

    [Fact]
    public void An_intersection_with_an_insertion_plan_still_returns_to_its_offset_after_extensions()
    {
        // A second line runs straight on with the main road, whose green the buses may extend.
        var scenario = Scenario(withInsertion: true);
        // Insertions are rare (a bus every 15 min), so recovery must not wait for them.
        scenario = scenario with { Lines = [scenario.Lines[0] with { HeadwayS = 900 }, TransitFixture.BusLine(headwayS: 200) with { Id = "bus-through" }] };
        var sim = ScenarioAssert.Start(scenario, 1);
        var controller = sim.Controller(0);
        long? offPlanSince = null;
        var recoveries = 0;
        while (!sim.Finished)
        {
            sim.Step();
            if (controller.PendingRequests > 0) offPlanSince = null; // a new request: recovery starts again after it
            else if (controller.OffsetDeviationTicks != 0) offPlanSince ??= sim.NowTicks;
            else if (offPlanSince is { } since)
            {
                Assert.True(sim.NowTicks - since <= Core.SimTime.FromSeconds(4 * 90), $"back on the plan within the recovery cycles (took {Core.SimTime.ToSeconds(sim.NowTicks - since)} s)");
                recoveries++;
                offPlanSince = null;
            }
            if (offPlanSince is { } open)
                Assert.True(sim.NowTicks - open <= Core.SimTime.FromSeconds(4 * 90), $"still off the plan {Core.SimTime.ToSeconds(sim.NowTicks - open)} s after the last request");
        }
        var extensions = sim.Result().Records.Priority.Count(e => e.Action == PriorityAction.Extension);
        Assert.True(recoveries > 0, $"extensions moved the controller off its plan, and it came back ({extensions} extensions, deviation at end {controller.OffsetDeviationTicks})");
    }
}
