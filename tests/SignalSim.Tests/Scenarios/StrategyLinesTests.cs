// Strategies that add a line or give a lane to buses: a mistake in them is reported where the
// strategy wrote it (file, line and column inside the strategy), and the lane kinds must keep
// the link's lane count.
using System.Text;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Scenarios;

public class StrategyLinesTests
{
    private const string FileName = "porte-de-charenton.json";

    private static string Text => File.ReadAllText(ShippedFiles.ScenarioPath(FileName));

    private static List<ScenarioDiagnostic> Errors(string text)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Encoding.UTF8.GetBytes(text), FileName));
        return e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    [Fact]
    public void A_bad_stop_of_a_strategy_line_is_located_in_the_strategy()
    {
        const string marker = "{ \"id\": \"rue-de-charenton\", \"link\": \"charenton-out\"";
        var text = Text;
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at > 0);
        var broken = text[..at] + marker.Replace("charenton-out", "no-such-link", StringComparison.Ordinal) + text[(at + marker.Length)..];
        var errors = Errors(broken);
        Assert.Contains(errors, d => d.Message.Contains("no-such-link", StringComparison.Ordinal));
        var error = errors.First(d => d.Message.Contains("no-such-link", StringComparison.Ordinal));
        Assert.StartsWith("$.strategies[6].lines[0]", error.JsonPath, StringComparison.Ordinal);
        Assert.Contains("in strategy 'bhns-charenton'", error.Message, StringComparison.Ordinal);
        var line = text[..at].Count(c => c == '\n') + 1;
        Assert.InRange(error.Line, line - 3, line);
    }

    [Fact]
    public void Lane_kinds_of_a_strategy_must_match_the_lane_count_and_name_a_known_link()
    {
        var s = ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath(FileName)).Scenario;
        var st = s.Strategies.Single(x => x.Id == "bhns-charenton");
        var wrongCount = s with
        {
            Strategies = s.Strategies.Select(x => x == st ? x with { Links = new Dictionary<string, LinkOverlaySpec> { ["paris-out"] = new() { LaneKinds = [LaneKind.Bus, LaneKind.General] } } } : x).ToList(),
        };
        Assert.Contains(ScenarioValidator.Validate(wrongCount), d => d.Severity == DiagnosticSeverity.Error && d.JsonPath.EndsWith(".lane_kinds", StringComparison.Ordinal) && d.Message.Contains("1 lane(s)", StringComparison.Ordinal));
        var unknown = s with
        {
            Strategies = s.Strategies.Select(x => x == st ? x with { Links = new Dictionary<string, LinkOverlaySpec> { ["nowhere"] = new() { LaneKinds = [LaneKind.Bus] } } } : x).ToList(),
        };
        Assert.Contains(ScenarioValidator.Validate(unknown), d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("unknown link 'nowhere'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bus_lane_given_by_a_strategy_is_what_its_scenario_runs()
    {
        var s = ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath(BoundaryScenarioTests.FileName)).Scenario;
        Assert.Equal([LaneKind.General, LaneKind.General], s.Links.Single(l => l.Id == "charenton-town-out").LaneKinds);
        var bhns = StrategyOverlay.Apply(s, "bhns-charenton");
        Assert.Equal([LaneKind.Bus, LaneKind.General], bhns.Links.Single(l => l.Id == "charenton-town-out").LaneKinds);
        Assert.Equal(s.Lines.Count + 2, bhns.Lines.Count);
        Assert.Equal(s.Lines.Select(l => l.Id), bhns.Lines.Take(s.Lines.Count).Select(l => l.Id));
    }
}
