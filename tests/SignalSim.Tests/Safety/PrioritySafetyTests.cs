// Priority against the safety rules in the situations that are easy to get wrong: an early green
// while another group's intergreen is still running, and a green that starts in the very step
// in which a bus asks for an early green. The safety monitor would stop the run.
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Safety;

public class PrioritySafetyTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    [InlineData(6UL)]
    [InlineData(7UL)]
    [InlineData(8UL)]
    public void Bus_early_green_keeps_every_intergreen_and_minimum_green(ulong seed)
    {
        using var tmp = new TempDirectory();
        var path = MultimodalScenario.Write(tmp.Path);
        var text = File.ReadAllText(path)
            // Bus priority as well as tram priority.
            .Replace("\"priority\": { \"tram\": {} }", "\"priority\": { \"tram\": {}, \"bus\": { \"max_early_green_s\": 40 } }", StringComparison.Ordinal)
            // The pedestrian clearance to the main road is longer than the side road's.
            .Replace("{ \"from\": \"walk\", \"to\": \"main\", \"intergreen_s\": 5 }", "{ \"from\": \"walk\", \"to\": \"main\", \"intergreen_s\": 8 }", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        var scenario = ScenarioLoader.LoadFile(path).Scenario;
        Assert.NotNull(scenario.Centres[0].Priority?.Bus);
        Assert.Contains(scenario.Intersections[0].Intergreens, ig => ig is { From: "walk", To: "main", IntergreenS: 8 });
        var result = new Simulation(SimulationModelBuilder.Build(scenario, seed, 3600)).Run(); // throws on any violation
        Assert.Contains(result.Records.Priority, e => e.Action == Core.Metrics.PriorityAction.EarlyGreen);
    }
}
