// Macro benchmark: one full run of each shipped scenario (and of the generated corridor) with a
// one-hour measured duration after the scenario's own warm-up. Mean is wall time per run,
// Allocated the bytes per run (model, state arrays and recorded results).
using BenchmarkDotNet.Attributes;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Bench;

[MemoryDiagnoser, Config(typeof(ScenarioNamesConfig))]
// A run takes milliseconds to a fraction of a second and varies little: ten iterations suffice.
[WarmupCount(2), IterationCount(10)]
public class ScenarioRunBenchmarks
{
    private const double DurationS = 3600;

    private ScenarioFile _scenario = null!;

    public static IEnumerable<string> Scenarios() => [.. BenchScenarios.Shipped(), BenchScenarios.SyntheticCorridorName];

    [ParamsSource(nameof(Scenarios))]
    public string Scenario { get; set; } = BenchScenarios.DefaultScenarioName;

    // Parsing the file is excluded: it is the run that engineers repeat.
    [GlobalSetup]
    public void Setup() => _scenario = BenchScenarios.Load(Scenario);

    [Benchmark]
    public int RunOneHour()
    {
        var sim = new Simulation(SimulationModelBuilder.Build(_scenario, durationOverrideS: DurationS));
        return sim.Run().VehiclesEntered;
    }
}
