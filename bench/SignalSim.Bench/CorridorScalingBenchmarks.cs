// Flat scaling: the step's time per vehicle update on generated corridors of 10, 30, 100 and 300
// intersections loaded alike intersection by intersection (SyntheticCorridor.CreateScaled, cars
// only), which should not grow with the network, and the memory a one-hour run sets up (model,
// state arrays, record lists), which should grow in proportion to it. A short job: run once, at a
// quiet moment.
//   dotnet run -c Release --project bench/SignalSim.Bench -- --filter '*CorridorScaling*'
using BenchmarkDotNet.Attributes;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Bench;

[MemoryDiagnoser]
[WarmupCount(2), IterationCount(6), InvocationCount(InvocationsPerIteration)]
public class CorridorScalingBenchmarks
{
    private const int UpdatesPerInvoke = StepThroughputBenchmarks.UpdatesPerInvoke;
    private const int InvocationsPerIteration = 8;

    /// <summary>Invocations the configured duration must cover (see StepThroughputBenchmarks); a short job needs fewer.</summary>
    private const long InvocationsBudget = 120;

    private Simulation _sim = null!;
    private ScenarioFile _scenario = null!;

    [Params(10, 30, 100, 300)]
    public int Intersections { get; set; }

    [GlobalSetup(Target = nameof(VehicleUpdate))]
    public void SetupSteps()
    {
        _scenario = SyntheticCorridor.CreateScaled(Intersections);
        _sim = SteadyState.Create(_scenario, InvocationsBudget * UpdatesPerInvoke);
    }

    [GlobalSetup(Target = nameof(SetUpOneHour))]
    public void SetupBuild() => _scenario = SyntheticCorridor.CreateScaled(Intersections);

    /// <summary>One vehicle update in steady state: Mean is ns per update.</summary>
    [Benchmark(OperationsPerInvoke = UpdatesPerInvoke)]
    public long VehicleUpdate()
    {
        var sim = _sim;
        var target = sim.VehicleUpdates + UpdatesPerInvoke;
        while (sim.VehicleUpdates < target) sim.Step();
        if (sim.Finished) throw new InvalidOperationException("the benchmark ran past the configured duration; raise InvocationsBudget");
        return sim.VehicleUpdates;
    }

    /// <summary>Model build and state set-up of a one-hour run: Allocated is the memory a run of this network starts with.</summary>
    [Benchmark]
    public Simulation SetUpOneHour() => new(SimulationModelBuilder.Build(_scenario, durationOverrideS: 3600));

    [GlobalCleanup(Target = nameof(VehicleUpdate))]
    public void Cleanup() =>
        Console.WriteLine($"// {Intersections} intersections: {_sim.VehiclesInNetwork} vehicles in the network at {_sim.NowTicks / 1000.0:0} simulated s");
}
