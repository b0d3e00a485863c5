// Every shipped strategy of every shipped scenario (actuated ones included), with bus and tram
// priority switched on everywhere, 3 seeds: the safety monitor checks at every step that no
// minimum green, amber or intergreen is shortened and no conflicting groups show together.
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Safety;

public class StrategySafetyTests
{
    public static TheoryData<string, string> ShippedStrategies()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles("scenarios", "*.json").Where(f => !f.EndsWith("signalsim.schema.json", StringComparison.Ordinal)).Order())
        {
            foreach (var strategy in ScenarioLoader.LoadFile(file).Scenario.Strategies) data.Add(Path.GetFileName(file), strategy.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedStrategies))]
    public void No_shipped_strategy_trips_the_monitor_with_priority_on(string file, string strategy)
    {
        var s = StrategyOverlay.Apply(ScenarioLoader.LoadFile(Path.Combine("scenarios", file)).Scenario, strategy);
        s = s with
        {
            Simulation = s.Simulation with { DurationS = 1800 },
            Centres = s.Centres.Select(c => c with
            {
                Priority = new PrioritySpec { Bus = new BusPrioritySpec(), Tram = new TramPrioritySpec() },
                Forwarding = new ForwardingSpec { Enabled = true },
            }).ToList(),
            Intersections = s.Intersections.Select(x => x with { Priority = null }).ToList(),
        };
        Assert.DoesNotContain(ScenarioValidator.Validate(s), d => d.Severity == DiagnosticSeverity.Error);
        foreach (var seed in new ulong[] { 1, 2, 3 })
        {
            var result = new Simulation(SimulationModelBuilder.Build(s, seed)).Run(); // throws on any violation
            Assert.True(result.Records.SignalChanges.Count > 0);
        }
        if (strategy == "side-streets-on-demand") Assert.Contains(s.Intersections, x => x.Plans.Values.Any(p => p.Control == ControlType.Actuated));
    }
}
