// compare keeps per-run metrics, not runs: once a replication's metrics are taken (and, for
// replication 1, its files written), nothing holds on to its simulation result, so memory does not
// grow with the number of replications.
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SignalSim.Analysis.Replications;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Cli;

namespace SignalSim.Tests.Robustness;

public class StreamingReplicationTests
{
    [Fact]
    public void NoRunIsKeptOnceItsMetricsAreTaken()
    {
        var weak = new ConcurrentBag<WeakReference>();
        var results = RunStudy(weak, replications: 6);
        Assert.Equal(results.TotalRuns, results.CompletedRuns);
        Assert.Equal(results.TotalRuns, weak.Count);
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        var alive = weak.Count(w => w.IsAlive);
        Assert.True(alive == 0, $"{alive} of {weak.Count} simulation results are still referenced after the study");
        Assert.NotNull(results.Metrics(0, 5)); // the results themselves are still in use here
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ReplicationResults RunStudy(ConcurrentBag<WeakReference> weak, int replications)
    {
        var scenario = ScenarioLoader.LoadFile(CliRunner.ScenarioPath("arterial-green-wave.json")).Scenario;
        var strategies = StrategyRun.Select(scenario, null);
        var request = new ReplicationRequest(strategies, ReplicationSeeds.Seeds(1, replications), DurationS: 300, Threads: 2);
        return ReplicationRunner.Run(request, onResult: (_, _, result) => weak.Add(new WeakReference(result)));
    }
}
