// Builds a simulation already in steady state, configured to last long enough for everything a
// benchmark will ask of it. The recorder sizes its lists from the configured duration, so a run
// that went past it would start growing lists and show allocations the real step does not make;
// too generous a duration, on the other hand, preallocates gigabytes.
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Bench;

public static class SteadyState
{
    /// <summary>Simulated time run before measuring, so queues and platoons have formed.</summary>
    public const double WarmupS = 15 * 60;

    private const double ProbeS = 10 * 60;

    /// <summary>
    /// A simulation warmed for <see cref="WarmupS"/> whose configured end lies at least
    /// <paramref name="vehicleUpdatesAhead"/> vehicle updates (with a 50 % margin) in the future.
    /// A probe run measures the scenario's vehicle updates per simulated second first.
    /// </summary>
    public static Simulation Create(ScenarioFile scenario, long vehicleUpdatesAhead)
    {
        var probe = new Simulation(SimulationModelBuilder.Build(scenario, durationOverrideS: WarmupS + ProbeS));
        RunUntil(probe, WarmupS);
        var updatesBefore = probe.VehicleUpdates;
        RunUntil(probe, WarmupS + ProbeS);
        var updatesPerSimulatedS = Math.Max(1.0, (probe.VehicleUpdates - updatesBefore) / ProbeS);

        var aheadS = 1.5 * vehicleUpdatesAhead / updatesPerSimulatedS;
        var sim = new Simulation(SimulationModelBuilder.Build(scenario, durationOverrideS: WarmupS + aheadS));
        RunUntil(sim, WarmupS);
        return sim;
    }

    private static void RunUntil(Simulation sim, double simulatedS)
    {
        var end = SimTime.FromSeconds(simulatedS);
        while (sim.NowTicks < end) sim.Step();
    }
}
