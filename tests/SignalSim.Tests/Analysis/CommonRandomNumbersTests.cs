// Common random numbers: in each replication every strategy draws the same arrivals, because each
// random source derives its stream from the run seed and its own id, and the runner gives
// replication k the same seed in every strategy. Two strategies whose difference cannot touch
// arrivals (signal timings, priority) must therefore see identical departure times at the
// entries, for cars, public transport and pedestrians alike; different replications must not.
using SignalSim.Analysis.Replications;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Cli;

namespace SignalSim.Tests.Analysis;

public class CommonRandomNumbersTests
{
    private const double DurationS = 1200;

    /// <summary>
    /// Every measured vehicle and pedestrian, finished or not: since each is counted whatever the
    /// strategy does to it, strategies that change only signals list the same ones.
    /// </summary>
    private static string Arrivals(SimulationResult r)
    {
        var m = r.Model;
        var trips = r.Records.Trips.Concat(r.Records.UnfinishedTrips)
            .Select(t => $"{m.RouteIds[t.Route]}@{t.DepartTicks}").Order(StringComparer.Ordinal);
        var pedestrians = r.Records.Pedestrians.Concat(r.Records.UnfinishedPedestrians)
            .Select(p => $"crossing {p.Crossing}{(p.Backward ? "-" : "+")}@{p.ArrivalTicks}").Order(StringComparer.Ordinal);
        return string.Join("\n", trips.Concat(pedestrians));
    }

    [Theory]
    [InlineData("arterial-green-wave.json", "green-wave", "bad-offsets")]
    public void Strategies_that_change_only_signals_see_the_same_arrivals(string file, string a, string b)
    {
        var scenario = ScenarioLoader.LoadFile(CliRunner.ScenarioPath(file)).Scenario;
        var strategies = StrategyRun.Select(scenario, [a, b]);
        var arrivals = new string[strategies.Count, 2];
        var request = new ReplicationRequest(strategies, ReplicationSeeds.Seeds(7, 2), DurationS, Threads: 2);
        var results = ReplicationRunner.Run(request, onResult: (s, k, r) => arrivals[s, k] = Arrivals(r));

        Assert.False(results.Cancelled);
        for (var k = 0; k < 2; k++)
        {
            Assert.False(string.IsNullOrEmpty(arrivals[0, k]));
            Assert.Equal(arrivals[0, k], arrivals[1, k]);
        }
        Assert.NotEqual(arrivals[0, 0], arrivals[0, 1]); // replications do differ
        // ... while the strategies really ran differently.
        Assert.NotEqual(results.Metrics(0, 0)!.PersonDelayH, results.Metrics(1, 0)!.PersonDelayH);
    }

    [Fact]
    public void Replication_one_uses_the_base_seed_and_the_others_derive_distinct_seeds()
    {
        var seeds = ReplicationSeeds.Seeds(42, 20);
        Assert.Equal(42UL, seeds[0]);
        Assert.Equal(20, seeds.Distinct().Count());
        var fresh = ReplicationSeeds.Seeds(42, 20, SeedStream.Evaluation);
        Assert.Empty(fresh.Intersect(seeds));
        Assert.Equal(seeds, ReplicationSeeds.Seeds(42, 20)); // reproducible
    }
}
