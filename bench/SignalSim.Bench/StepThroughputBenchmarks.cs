// Step throughput: time per vehicle update of Simulation.Step() in steady state, on the
// generated 10-intersection corridor, on the default scenario and on the whole boundary at its
// morning peak (its throughput should stay within 20 % of the corridor's: flat scaling). One operation is one vehicle
// update, so Mean is ns per update and Allocated is bytes per update (0 means the step does not
// allocate; StepProfile gives the exact bytes per step).
using BenchmarkDotNet.Attributes;
using SignalSim.Core.Engine;

namespace SignalSim.Bench;

[MemoryDiagnoser, Config(typeof(ScenarioNamesConfig))]
// Each invocation is a whole simulated interval (about 10-20 ms at today's speed), so a fixed,
// modest number of invocations bounds the simulated time the run needs, and hence the duration
// the simulation must be configured with (see SteadyState); 8 per iteration keeps an iteration
// above BenchmarkDotNet's recommended 100 ms.
[WarmupCount(3), IterationCount(15), InvocationCount(InvocationsPerIteration)]
public class StepThroughputBenchmarks
{
    public const int UpdatesPerInvoke = 1_000_000;
    private const int InvocationsPerIteration = 8;

    /// <summary>
    /// Invocations the configured duration must cover: about 20 iterations (warm-up, measured,
    /// diagnostic) of 8, with room to spare. More would only preallocate larger record lists.
    /// </summary>
    private const long InvocationsBudget = 300;

    private Simulation _sim = null!;

    [Params(BenchScenarios.SyntheticCorridorName, BenchScenarios.DefaultScenarioName, BenchScenarios.BoundaryPeakName)]
    public string Scenario { get; set; } = BenchScenarios.SyntheticCorridorName;

    [GlobalSetup]
    public void Setup() => _sim = SteadyState.Create(BenchScenarios.Load(Scenario), InvocationsBudget * UpdatesPerInvoke);

    [Benchmark(OperationsPerInvoke = UpdatesPerInvoke)]
    public long VehicleUpdate()
    {
        var sim = _sim;
        var target = sim.VehicleUpdates + UpdatesPerInvoke;
        while (sim.VehicleUpdates < target) sim.Step();
        if (sim.Finished) throw new InvalidOperationException("the benchmark ran past the configured duration; raise InvocationsBudget");
        return sim.VehicleUpdates;
    }

    [GlobalCleanup]
    public void Cleanup() =>
        Console.WriteLine($"// {Scenario}: {_sim.VehiclesInNetwork} vehicles in the network at {_sim.NowTicks / 1000.0:0} simulated s, {_sim.VehicleUpdates:N0} vehicle updates in all");
}
