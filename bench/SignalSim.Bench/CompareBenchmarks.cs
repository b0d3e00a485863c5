// Macro benchmark of `compare`: every shipped strategy of the default scenario (Porte de Choisy)
// × 20 replications of one hour, with 1 and with 2 threads, statistics included. The target is
// under 10 s of wall time on 2 cores, and near-linear speed-up from 1 to 2 threads. One
// comparison takes seconds, so a few iterations of a single invocation suffice.
//   dotnet run -c Release --project bench/SignalSim.Bench -- --filter '*CompareBenchmarks*'
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Replications;

namespace SignalSim.Bench;

[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class CompareBenchmarks
{
    private const int Replications = 20;
    private const double DurationS = 3600;

    private IReadOnlyList<StrategyRun> _strategies = [];
    private ulong[] _seeds = [];

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var scenario = BenchScenarios.Load(BenchScenarios.DefaultScenarioName);
        _strategies = StrategyRun.Select(scenario, names: null);
        _seeds = ReplicationSeeds.Seeds(scenario.Simulation.Seed, Replications);
    }

    [Benchmark]
    public int CompareAllStrategies()
    {
        var results = ReplicationRunner.Run(new ReplicationRequest(_strategies, _seeds, DurationS, Threads));
        return ComparisonTable.Build(results).Rows.Count;
    }
}
