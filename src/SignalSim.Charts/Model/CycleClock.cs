// Where each intersection's cycle starts, from the scenario's plans and centre clocks (offset,
// drift, daily schedule): the reference the signal timing and Purdue diagrams draw against. It
// is the planned cycle; priority may shift greens within it, which signals.csv shows.
using SignalSim.Core;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;

namespace SignalSim.Charts.Model;

public sealed class CycleClock
{
    private const long ScanStepTicks = 100;
    private readonly Dictionary<string, ControllerDefinition> _controllers;

    public CycleClock(ScenarioFile scenario)
    {
        var model = SimulationModelBuilder.Build(scenario);
        _controllers = model.Controllers.ToDictionary(c => c.IntersectionId, StringComparer.Ordinal);
        Centres = model.Centres;
    }

    public IReadOnlyList<CentreClock> Centres { get; }

    public CentreClock CentreOf(string intersection) => Controller(intersection).Centre;

    /// <summary>The plan running at a simulation time.</summary>
    public FixedTimePlan PlanAt(string intersection, double timeS)
    {
        var c = Controller(intersection);
        var local = c.Centre.LocalTicks(SimTime.FromSeconds(timeS));
        return c.PlansBySlot[c.Centre.PlanSlotAt(local)];
    }

    /// <summary>Cycle time (s) of an intersection's running plan at a simulation time.</summary>
    public double CycleTimeS(string intersection, double timeS)
    {
        var c = Controller(intersection);
        var local = c.Centre.LocalTicks(SimTime.FromSeconds(timeS));
        return SimTime.ToSeconds(c.PlansBySlot[c.Centre.PlanSlotAt(local)].CycleTime(local));
    }

    /// <summary>Simulation times (s) in [fromS, toS] at which the intersection's cycle time passes 0.</summary>
    public List<double> CycleStarts(string intersection, double fromS, double toS)
    {
        var c = Controller(intersection);
        var starts = new List<double>();
        var t = SimTime.FromSeconds(fromS);
        var end = SimTime.FromSeconds(toS);
        var previous = long.MaxValue;
        for (; t <= end; t += ScanStepTicks)
        {
            var local = c.Centre.LocalTicks(t);
            var tau = c.PlansBySlot[c.Centre.PlanSlotAt(local)].CycleTime(local);
            if (tau < previous && previous != long.MaxValue) starts.Add(SimTime.ToSeconds(t));
            else if (previous == long.MaxValue && tau < ScanStepTicks) starts.Add(SimTime.ToSeconds(t));
            previous = tau;
        }
        return starts;
    }

    private ControllerDefinition Controller(string intersection) =>
        _controllers.TryGetValue(intersection, out var c) ? c : throw new KeyNotFoundException($"no intersection '{intersection}' in the scenario");
}
