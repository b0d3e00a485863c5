// The committee's main question on the default scenario: with bus priority in both centres and
// cross-centre forwarding, buses cross the Porte de Choisy faster than today. Ten one-hour
// replications on common random numbers resolve the difference (about half a minute per trip)
// with an interval far from zero.
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Metrics;
using SignalSim.Analysis.Replications;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Cli;

namespace SignalSim.Tests.Analysis;

public class PorteBusPriorityTests
{
    [Fact]
    public void Shared_bus_priority_gives_buses_a_lower_mean_travel_time_than_the_status_quo()
    {
        var scenario = ScenarioLoader.LoadFile(CliRunner.ScenarioPath("porte-de-choisy.json")).Scenario;
        var strategies = StrategyRun.Select(scenario, ["status-quo", "bus-priority-shared"]);
        Assert.Equal("status-quo", strategies.Single(s => s.IsBaseline).Id);
        var results = ReplicationRunner.Run(new ReplicationRequest(strategies, ReplicationSeeds.Seeds(scenario.Simulation.Seed, 10), 3600, Environment.ProcessorCount));
        var table = ComparisonTable.Build(results);

        var buses = table.Row("bus-priority-shared", ReportMode.Bus.Word());
        Assert.True(buses.TripsPerReplication > 10, $"{buses.TripsPerReplication} bus trips per replication");
        var diff = buses.TravelTimeDiff!;
        Assert.True(diff.Ci95High < 0, $"bus travel time difference {diff.Mean:0.0} s, 95 % CI {diff.Ci95Low:0.0} to {diff.Ci95High:0.0} s");
    }
}
