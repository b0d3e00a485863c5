// Preemption, short-way recovery and priority allocate nothing in the controller's update: the
// state sequence runs on arrays built once, and records go to lists sized up front.
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;

namespace SignalSim.Tests.Signals;

public class PreemptionAllocationTests
{
    [Theory]
    [InlineData(PreemptionRecovery.Spread)]
    [InlineData(PreemptionRecovery.ShortWay)]
    public void Preemptions_with_bus_requests_in_flight_allocate_nothing(PreemptionRecovery recovery)
    {
        var s = StrategyOverlay.Apply(ScenarioLoader.LoadFile(Path.Combine("scenarios", "porte-de-choisy.json")).Scenario, "tram-preemption");
        s = s with
        {
            Simulation = s.Simulation with { DurationS = 86400 },
            Centres = s.Centres.Select(c => c with { Priority = new PrioritySpec { Bus = new BusPrioritySpec(), Tram = new TramPrioritySpec() } }).ToList(),
            Intersections = s.Intersections.Select(x => x with { Priority = null, Preemption = x.Preemption is { } p ? p with { Recovery = recovery } : null }).ToList(),
        };
        var model = SimulationModelBuilder.Build(s);
        var massena = Array.IndexOf(model.IntersectionIds, "massena");
        var d = model.Controllers[massena];
        var tram = d.FirstGroup + d.Preemption!.TramGroup;
        var bus = d.FirstGroup + Array.IndexOf(d.GroupIds, "choisy-sb");
        var every = SimTime.FromSeconds(400); // more than the recovery's 2 cycles of 120 s after each dwell
        SimulationRecorder log = null!;
        Action<int> NewRun()
        {
            var controller = ControlTypes.Create(d);
            var inputs = new ControllerInputs(model.Scenario.Intersections.Sum(x => x.Detectors.Count), model.Crossings.Length);
            var states = new SignalState[model.GroupCount];
            log = new SimulationRecorder(model);
            var runLog = log;
            controller.Reset(0);
            return k =>
            {
                var now = k * model.StepTicks;
                var phase = now % every;
                var id = (int)(now / every) * 2 + 1;
                if (phase == 0) controller.Request(now, id, 0, tram, TravelMode.Tram, now + SimTime.FromSeconds(20), 0, false, runLog);
                if (phase == SimTime.FromSeconds(22)) controller.CheckOut(now, id, runLog);
                if (phase == SimTime.FromSeconds(70)) controller.Request(now, id + 1, -1, bus, TravelMode.Bus, now + SimTime.FromSeconds(15), 30, false, runLog);
                if (phase == SimTime.FromSeconds(88)) controller.CheckOut(now, id + 1, runLog);
                controller.Update(now, states, inputs, runLog);
            };
        }
        var allocating = StepAllocations.InBothRuns(NewRun, warmUpSteps: 4000, measuredSteps: 40000); // warm-up: JIT and the first preemptions
        Assert.True(allocating.Count == 0, StepAllocations.Describe(allocating));
        var records = log.Preemptions;
        Assert.True(records.Count >= 50, $"{records.Count} preemptions");
        Assert.True(records.Count(p => p.RecoveredTicks >= 0) >= records.Count / 2, "most preemptions recovered before the next");
    }
}
