// Strategies as overlays on the base scenario: what they change, what they keep, and how their
// mistakes are reported (located in the strategy, as file:line:column).
using System.Text;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Signals;

namespace SignalSim.Tests.Strategies;

public class StrategyOverlayTests
{
    private static ScenarioFile Corridor() => TwoCentreCorridor.Create(90, 80);

    [Fact]
    public void An_overlay_changes_only_what_it_names()
    {
        var s = Corridor();
        var strategy = new StrategySpec
        {
            Id = "common-cycle",
            Centres = new Dictionary<string, CentreOverlaySpec>
            {
                ["val-de-marne"] = new() { Clock = new ClockSpec(), Periods = [new PlanPeriodSpec { Plan = "common" }], Forwarding = new ForwardingSpec { Enabled = true } },
            },
            Intersections = new Dictionary<string, IntersectionOverlaySpec>
            {
                ["Y"] = new() { Plans = new Dictionary<string, PlanSpec> { ["common"] = s.Intersections[0].Plans["day"] } },
            },
        };
        var applied = StrategyOverlay.Apply(s, strategy);
        var vdm = applied.Centres.Single(c => c.Id == "val-de-marne");
        Assert.Equal("common", vdm.Periods.Single().Plan);
        Assert.True(vdm.Forwarding!.Enabled);
        Assert.Equal(s.Centres[0], applied.Centres[0]);             // Paris untouched
        Assert.Equal(s.Intersections[0], applied.Intersections[0]); // X untouched
        var y = applied.Intersections.Single(x => x.Id == "Y");
        Assert.Equal(["common", "day"], y.Plans.Keys.Order(StringComparer.Ordinal)); // plan added, base plan kept
        Assert.Equal(90, y.Plans["common"].CycleS);
        Assert.DoesNotContain(ScenarioValidator.Validate(applied), d => d.Severity == DiagnosticSeverity.Error);
    }

    private static IReadOnlyList<ScenarioDiagnostic> Load(string json)
    {
        try
        {
            return ScenarioLoader.Load(Encoding.UTF8.GetBytes(json), "s.json").Warnings;
        }
        catch (ScenarioException e)
        {
            return e.Diagnostics;
        }
    }

    private static string Isolated(string strategies)
    {
        var text = File.ReadAllText(Path.Combine("scenarios", "isolated-intersection.json"));
        // The shipped file ends with its own strategies; the test's replace them.
        var shipped = text.IndexOf("\"strategies\":", StringComparison.Ordinal);
        if (shipped >= 0) return text[..shipped] + "\"strategies\": " + strategies + "\n}\n";
        var end = text.LastIndexOf('}');
        return text[..end].TrimEnd() + ",\n  \"strategies\": " + strategies + "\n}\n";
    }

    [Fact]
    public void Strategies_need_exactly_one_baseline()
    {
        var none = Load(Isolated("[ { \"id\": \"a\" }, { \"id\": \"b\" } ]"));
        Assert.Contains(none, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("no strategy is marked as the baseline"));
        var two = Load(Isolated("[ { \"id\": \"a\", \"baseline\": true }, { \"id\": \"b\", \"baseline\": true } ]"));
        Assert.Contains(two, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("2 strategies are marked as the baseline"));
    }

    [Fact]
    public void A_strategy_naming_an_unknown_intersection_is_rejected_where_it_names_it()
    {
        var json = Isolated("[\n    { \"id\": \"a\", \"baseline\": true },\n    { \"id\": \"b\", \"intersections\": { \"Z\": { } } }\n  ]");
        var error = Assert.Single(Load(json), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("unknown intersection 'Z'", error.Message);
        var line = json.Split('\n').ToList().FindIndex(l => l.Contains("\"Z\"")) + 1;
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void An_unsafe_plan_in_a_strategy_is_located_in_the_strategy()
    {
        var json = Isolated("""
            [
                { "id": "status-quo", "baseline": true },
                { "id": "bad", "intersections": { "X": { "plans": {
                  "day": { "cycle_s": 90, "greens": { "main": { "start_s": 0, "end_s": 50 }, "side": { "start_s": 40, "end_s": 85 } } }
                } } } }
              ]
            """);
        var error = Assert.Single(Load(json), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("in strategy 'bad'", error.Message);
        Assert.Contains("green together", error.Message);
        var line = json.Split('\n').ToList().FindIndex(l => l.Contains("\"cycle_s\": 90, \"greens\": { \"main\": { \"start_s\": 0, \"end_s\": 50 }")) + 1;
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void A_misspelt_plan_in_a_strategy_schedule_is_reported_once_at_the_period()
    {
        var json = Isolated("""
            [
                { "id": "status-quo", "baseline": true },
                { "id": "night", "centres": { "paris": { "periods": [ { "start_s": 0, "plan": "dya" } ] } } }
              ]
            """);
        var error = Assert.Single(Load(json), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("runs plan 'dya', which none of its intersections defines", error.Message);
        var line = json.Split('\n').ToList().FindIndex(l => l.Contains("\"dya\"")) + 1;
        Assert.Equal(line, error.Line);
    }
}
