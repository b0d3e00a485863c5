// A plain Stopwatch harness for the runs of a comparison, outside BenchmarkDotNet:
//   dotnet run -c Release --project bench/SignalSim.Bench -- compare-profile [scenario] [--replications N] [--rounds R] [--fresh-buffers]
// Runs every strategy × N one-hour replications on one thread, R times in the same process, and
// prints per round the mean time of a run split into model build, simulation and metrics, with
// the bytes allocated. The first round shows what a fresh process pays (JIT, tiering); the later
// ones are the steady state a long comparison converges to.
using System.Diagnostics;
using SignalSim.Analysis.Metrics;
using SignalSim.Analysis.Replications;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;

namespace SignalSim.Bench;

public static class CompareProfile
{
    public static int Run(string[] args)
    {
        var name = BenchScenarios.DefaultScenarioName;
        var replications = 4;
        var rounds = 3;
        var reuse = true; // as ReplicationRunner's workers do; --fresh-buffers allocates every run's arrays afresh
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--replications" && i + 1 < args.Length) replications = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            else if (args[i] == "--fresh-buffers") reuse = false;
            else if (args[i] == "--rounds" && i + 1 < args.Length) rounds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            else name = args[i];
        }
        var scenario = BenchScenarios.Load(name);
        var strategies = StrategyRun.Select(scenario, names: null);
        var seeds = ReplicationSeeds.Seeds(scenario.Simulation.Seed, replications);
        Console.WriteLine($"{name}: {strategies.Count} strategies × {replications} replications of 3600 s, one thread");
        var buffers = reuse ? new Core.Engine.EngineBuffers() : null;
        for (var round = 1; round <= rounds; round++)
        {
            double buildMs = 0, simMs = 0, metricsMs = 0;
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var gc0 = GC.CollectionCount(0);
            var gc2 = GC.CollectionCount(2);
            var runs = 0;
            var perStrategyMs = new double[strategies.Count];
            foreach (var seed in seeds)
            {
                for (var si = 0; si < strategies.Count; si++)
                {
                    var s = strategies[si];
                    var t = Stopwatch.GetTimestamp();
                    var model = SimulationModelBuilder.Build(s.Scenario, seed, 3600, null);
                    buildMs += Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                    t = Stopwatch.GetTimestamp();
                    var result = new Simulation(model, buffers).Run();
                    var oneSimMs = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                    simMs += oneSimMs;
                    perStrategyMs[si] += oneSimMs / seeds.Count();
                    t = Stopwatch.GetTimestamp();
                    GC.KeepAlive(MetricsExtractor.Extract(result));
                    buffers?.Recycle();
                    metricsMs += Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                    runs++;
                }
            }
            var mb = (GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / 1e6 / runs;
            Console.WriteLine(FormattableString.Invariant(
                $"round {round}: per run build {buildMs / runs:0.0} ms, simulation {simMs / runs:0.0} ms, metrics {metricsMs / runs:0.0} ms, {mb:0.0} MB allocated; gen0 {GC.CollectionCount(0) - gc0}, gen2 {GC.CollectionCount(2) - gc2}"));
            for (var si = 0; si < strategies.Count; si++) Console.WriteLine(FormattableString.Invariant($"  {strategies[si].Id}: simulation {perStrategyMs[si]:0.0} ms per run"));
        }
        return 0;
    }
}
