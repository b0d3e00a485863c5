// The actuated controller's update allocates nothing: its call memory and gap timers are arrays
// built once, and the inputs are refreshed in place.
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;
using SignalSim.Tests.Validation;

namespace SignalSim.Tests.Signals;

public class ActuatedAllocationTests
{
    [Fact]
    public void Actuated_update_allocates_nothing()
    {
        var s = IsolatedIntersection.With(600, 200, ArrivalProcess.Poisson);
        var x = s.Intersections[0];
        var plan = x.Plans["day"] with { Control = ControlType.Actuated, Actuated = new ActuatedSpec() };
        s = s with
        {
            Intersections = [x with
            {
                Detectors = [new DetectorSpec { Id = "side-loop", Link = "south-in", PositionM = 40, Channel = 1 }],
                Plans = new Dictionary<string, PlanSpec> { ["day"] = plan },
            }],
        };
        var model = SimulationModelBuilder.Build(s);
        var sideGreenSteps = 0;
        Action<int> NewRun()
        {
            var controller = ControlTypes.Create(model.Controllers[0]);
            var inputs = new ControllerInputs(1, 0);
            var states = new SignalState[model.GroupCount];
            var log = new SimulationRecorder(model);
            controller.Reset(0);
            sideGreenSteps = 0;
            return k =>
            {
                var now = k * model.StepTicks;
                inputs.DetectorOccupied[0] = now / SimTime.TicksPerSecond % 23 < 2; // a vehicle over the loop now and then
                controller.Update(now, states, inputs, log);
                if (states[1] == SignalState.Green) sideGreenSteps++;
            };
        }
        var allocating = StepAllocations.InBothRuns(NewRun, warmUpSteps: 2000, measuredSteps: 20000); // warm-up: JIT and first cycles
        Assert.True(allocating.Count == 0, StepAllocations.Describe(allocating));
        // The side road was served, and for less than its 35 s of every 90 s: it gapped out.
        Assert.InRange(sideGreenSteps, 1, 22000 * 35 / 90 - 1);
    }
}
