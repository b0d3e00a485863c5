// A worker lends the same arrays and record lists to run after run (EngineBuffers): nothing a run
// leaves in them may reach the next. Every strategy of Porte de Choisy on two seeds, run in turn
// on one set of buffers, must give the metrics and the records of fresh runs, exactly; and after
// the first run the buffers must serve every later one without allocating.
using System.Text;
using System.Text.Json;
using SignalSim.Analysis.Metrics;
using SignalSim.Analysis.Replications;
using SignalSim.Analysis.Sharding;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Engine;

public sealed class EngineBuffersTests
{
    [Fact]
    public void Runs_on_lent_buffers_give_the_results_of_fresh_runs_and_stop_allocating()
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine("scenarios", "porte-de-choisy.json")).Scenario;
        var strategies = StrategyRun.Select(scenario, names: null);
        var buffers = new EngineBuffers();
        var allocationsAfterFirst = -1;
        var runs = 0;
        foreach (var seed in new ulong[] { 1, 2 })
        {
            foreach (var strategy in strategies)
            {
                var fresh = new Simulation(SimulationModelBuilder.Build(strategy.Scenario, seed, 900)).Run();
                var lent = new Simulation(SimulationModelBuilder.Build(strategy.Scenario, seed, 900), buffers).Run();
                var where = $"{strategy.Id}, seed {seed}";
                Assert.True(fresh.Records.Trips.Count > 0, where);
                Assert.Equal(Json(MetricsExtractor.Extract(fresh)), Json(MetricsExtractor.Extract(lent)));
                Assert.Equal(fresh.Records.Trips, lent.Records.Trips);
                Assert.Equal(fresh.Records.Crossings, lent.Records.Crossings);
                Assert.Equal(fresh.Records.SignalChanges, lent.Records.SignalChanges);
                Assert.Equal(fresh.Records.Queues, lent.Records.Queues);
                Assert.Equal(fresh.Records.Priority, lent.Records.Priority);
                Assert.Equal(fresh.Records.Pedestrians, lent.Records.Pedestrians);
                buffers.Recycle();
                if (++runs == 1) allocationsAfterFirst = buffers.Allocations;
            }
        }
        Assert.True(runs > 2);
        Assert.Equal(allocationsAfterFirst, buffers.Allocations);
    }

    [Fact]
    public void A_lent_array_comes_back_zeroed_and_a_lent_list_empty_with_its_capacity()
    {
        var buffers = new EngineBuffers();
        var a = buffers.Array<double>(100);
        a[7] = 3.5;
        var list = buffers.List<int>(1000);
        list.AddRange(Enumerable.Range(0, 1500)); // grown beyond its capacity by a long run
        buffers.Recycle();
        var again = buffers.Array<double>(100);
        Assert.Same(a, again);
        Assert.All(again, x => Assert.Equal(0.0, x));
        var list2 = buffers.List<int>(1200);
        Assert.Same(list, list2);
        Assert.Empty(list2);
        Assert.True(list2.Capacity >= 1500);
        Assert.NotSame(a, buffers.Array<double>(100)); // the one lent is not lent twice
        Assert.Equal(3, buffers.Allocations);
    }

    private static string Json(RunMetrics m)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            RunMetricsJson.WriteFields(json, m);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
