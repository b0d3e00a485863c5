// A green wave in the scenario sets plan offsets so that the named groups turn green one after
// the other at the chosen speed, e.g. a cycle wave at 20 km/h along the arterial.
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;

namespace SignalSim.Tests.Signals;

public class GreenWaveTests
{
    [Fact]
    public void A_cycle_wave_at_20_kmh_starts_each_green_300_m_later_by_54_s()
    {
        var s = ScenarioLoader.LoadFile(Path.Combine("scenarios", "arterial-green-wave.json")).Scenario;
        s = s with
        {
            Simulation = s.Simulation with { DurationS = 600, WarmupS = 0 },
            GreenWaves =
            [
                new GreenWaveSpec
                {
                    Plan = "day",
                    SpeedKmh = 20,
                    Links = ["eb-to-x1", "eb-to-x2", "eb-to-x3", "eb-to-x4", "eb-to-x5"],
                    Groups = new Dictionary<string, string> { ["x1"] = "main", ["x2"] = "main", ["x3"] = "main", ["x4"] = "main", ["x5"] = "main" },
                },
            ],
        };
        Assert.DoesNotContain(ScenarioValidator.Validate(s), d => d.Severity == DiagnosticSeverity.Error);
        var result = new Simulation(SimulationModelBuilder.Build(s)).Run();
        var onsets = Enumerable.Range(1, 5).Select(k =>
        {
            var g = Array.IndexOf(result.Model.GroupIds, $"x{k}/main");
            return result.Records.SignalChanges.Where(c => c.Group == g && c.State == SignalState.Green).Select(c => SimTime.ToSeconds(c.Ticks)).ToList();
        }).ToList();
        var stepS = SimTime.ToSeconds(result.Model.StepTicks);
        for (var k = 1; k < 5; k++)
        {
            // 300 m at 20 km/h is 54 s: the wave reaches the next stop line 54 s (mod 90) after the previous green start.
            var previous = onsets[k - 1][1];
            var next = onsets[k].First(t => t >= previous);
            Assert.InRange((next - previous) % 90, 54 - stepS, 54 + stepS);
        }
    }

    [Fact]
    public void A_wave_over_intersections_with_different_cycles_is_rejected()
    {
        var s = ScenarioLoader.LoadFile(Path.Combine("scenarios", "arterial-green-wave.json")).Scenario;
        s = s with
        {
            Intersections = s.Intersections.Select(x => x.Id == "x2" ? x with { Plans = new Dictionary<string, PlanSpec> { ["day"] = x.Plans["day"] with { CycleS = 100 } } } : x).ToList(),
            GreenWaves = [new GreenWaveSpec { Plan = "day", SpeedKmh = 20, Links = ["eb-to-x1", "eb-to-x2"], Groups = new Dictionary<string, string> { ["x1"] = "main", ["x2"] = "main" } }],
        };
        Assert.Contains(ScenarioValidator.Validate(s), d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("common cycle"));
    }
}
