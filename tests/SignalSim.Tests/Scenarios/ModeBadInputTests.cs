// Bad input in what the other modes add to a scenario (issue: buses, trams, cycles and
// pedestrians, item "bad input"): each mistake is rejected on loading with a message that says
// what is wrong and how to fix it, at the line (and, for values, the column) where it sits.
// Each test changes one thing in a small valid scenario with a bus line, a tram line and a
// pedestrian crossing, and loads it from bytes as a file would be.
using System.Text;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Scenarios;

public class ModeBadInputTests
{
    private const string FileName = "modes.json";

    // The walk group crosses the main road (15 m) with the side road: 29 s + 6 s ≥ 15 s at 1.0 m/s.
    // The tram runs beside the main road; check-in 250 m upstream gives it 18 s, more than the
    // 6 s intergreen before its green; the bus checks in 120 m (8.6 s) before a 6 s intergreen.
    private const string Base = """
        {
          "name": "modes",
          "sources": ["illustrative"],
          "assumptions": ["illustrative"],
          "simulation": { "duration_s": 600 },
          "centres": [
            {
              "id": "paris",
              "periods": [ { "plan": "day" } ],
              "priority": {
                "bus": { "action": "extension", "check_in_distance_m": 120 },
                "tram": { "check_in_distance_m": 250 }
              }
            }
          ],
          "intersections": [
            {
              "id": "X",
              "centre": "paris",
              "signal_groups": [
                { "id": "main" },
                { "id": "side" },
                { "id": "tram", "kind": "tram" },
                { "id": "walk", "kind": "pedestrian", "amber_s": 0 }
              ],
              "intergreens": [
                { "from": "main", "to": "side", "intergreen_s": 5 }, { "from": "side", "to": "main", "intergreen_s": 5 },
                { "from": "tram", "to": "side", "intergreen_s": 5 }, { "from": "side", "to": "tram", "intergreen_s": 5 },
                { "from": "walk", "to": "main", "intergreen_s": 6 }, { "from": "main", "to": "walk", "intergreen_s": 5 },
                { "from": "walk", "to": "tram", "intergreen_s": 6 }, { "from": "tram", "to": "walk", "intergreen_s": 5 }
              ],
              "movements": [
                { "from": "west-in", "to": "east-out", "group": "main" },
                { "from": "south-in", "to": "north-out", "group": "side" },
                { "from": "tram-in", "to": "tram-out", "group": "tram" }
              ],
              "crossings": [
                { "id": "east-arm", "length_m": 15, "group": "walk", "flow_forward_ped_per_hour": 100 }
              ],
              "plans": {
                "day": { "cycle_s": 90, "greens": {
                  "main": { "start_s": 0, "end_s": 45 }, "tram": { "start_s": 0, "end_s": 40 },
                  "side": { "start_s": 51, "end_s": 85 }, "walk": { "start_s": 51, "end_s": 80 } } }
              }
            }
          ],
          "boundaries": [ { "id": "W" }, { "id": "E" }, { "id": "S" }, { "id": "N" }, { "id": "TS" }, { "id": "TN" } ],
          "links": [
            { "id": "west-in", "from": "W", "to": "X", "length_m": 400, "speed_limit_kmh": 50 },
            { "id": "east-out", "from": "X", "to": "E", "length_m": 300, "speed_limit_kmh": 50 },
            { "id": "south-in", "from": "S", "to": "X", "length_m": 300, "speed_limit_kmh": 30 },
            { "id": "north-out", "from": "X", "to": "N", "length_m": 300, "speed_limit_kmh": 30 },
            { "id": "tram-in", "from": "TS", "to": "X", "length_m": 400, "speed_limit_kmh": 50, "lane_kinds": ["tram"] },
            { "id": "tram-out", "from": "X", "to": "TN", "length_m": 300, "speed_limit_kmh": 50, "lane_kinds": ["tram"] }
          ],
          "demand": [
            { "id": "main", "periods": [ { "flow_veh_per_h": 300 } ], "routes": [ { "id": "through", "links": ["west-in", "east-out"] } ] },
            { "id": "side", "periods": [ { "flow_veh_per_h": 200 } ], "routes": [ { "id": "through", "links": ["south-in", "north-out"] } ] }
          ],
          "lines": [
            { "id": "bus-east", "vehicle_class": "bus", "links": ["west-in", "east-out"], "headway_s": 300,
              "stops": [ { "id": "halfway", "link": "west-in", "position_m": 200 } ] },
            { "id": "tram-north", "vehicle_class": "tram", "links": ["tram-in", "tram-out"], "headway_s": 300 }
          ]
        }
        """;

    private static string Edit(string find, string replace)
    {
        var at = Base.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the base scenario no longer contains {find}; update the test");
        Assert.Equal(at, Base.LastIndexOf(find, StringComparison.Ordinal));
        return Base[..at] + replace + Base[(at + find.Length)..];
    }

    /// <summary>1-based line and column where <paramref name="marker"/> (unique) starts, plus the length of <paramref name="prefix"/>.</summary>
    private static (int Line, int Column) Locate(string text, string marker, string prefix = "")
    {
        Assert.StartsWith(prefix, marker, StringComparison.Ordinal);
        var found = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(found >= 0, $"marker {marker} not found");
        Assert.Equal(found, text.LastIndexOf(marker, StringComparison.Ordinal));
        var index = found + prefix.Length;
        var before = text[..index];
        return (before.Count(c => c == '\n') + 1, index - (before.LastIndexOf('\n') + 1) + 1);
    }

    private static IReadOnlyList<ScenarioDiagnostic> Errors(string text)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Encoding.UTF8.GetBytes(text), FileName));
        Assert.Equal(FileName, e.FileName);
        return e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    private static ScenarioDiagnostic SingleError(string text)
    {
        var errors = Errors(text);
        Assert.True(errors.Count == 1, string.Join(Environment.NewLine, errors.Select(d => d.Format(FileName))));
        return errors[0];
    }

    [Fact]
    public void TheBaseScenarioLoadsCleanly()
    {
        var loaded = ScenarioLoader.Load(Encoding.UTF8.GetBytes(Base), FileName);
        Assert.Empty(loaded.Warnings);
        Assert.Equal(2, loaded.Scenario.Lines.Count);
    }

    [Theory]
    [InlineData("\"tram\": { \"check_in_distance_m\": 250 }", "\"tram\": { \"check_in_distance_m\": 20 }", "line 'tram-north' checks in 20 m (1.4 s) before the stop line, less than the 6 s intergreen")]
    [InlineData("\"bus\": { \"action\": \"extension\", \"check_in_distance_m\": 120 }", "\"bus\": { \"action\": \"extension\", \"check_in_distance_m\": 30 }", "line 'bus-east' checks in 30 m (2.2 s) before the stop line, less than the 6 s intergreen")]
    public void PriorityThatCanNeverBeServedSafely_IsRejectedAtTheCentresSetting(string find, string replace, string message)
    {
        var text = Edit(find, replace);
        var error = SingleError(text);
        Assert.Equal(Locate(text, replace, replace[..replace.IndexOf('{')]), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("can never be served safely", error.Message, StringComparison.Ordinal);
        Assert.Contains("check_in_distance_m", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("relative_max_extension_s")]
    [InlineData("relative_max_early_green_s")]
    public void NegativeRelativeTramLimit_IsRejectedAtItsValue(string field)
    {
        var replace = $"\"tram\": {{ \"absolute\": false, \"{field}\": -5, \"check_in_distance_m\": 250 }}";
        var text = Edit("\"tram\": { \"check_in_distance_m\": 250 }", replace);
        var error = SingleError(text);
        var prefix = $"\"tram\": {{ \"absolute\": false, \"{field}\": ";
        Assert.Equal(Locate(text, replace, prefix), (error.Line, error.Column));
        Assert.Equal($"{field} is -5 s; it must be at least 0 and at most 120 s (a cycle at most)", error.Message);
    }

    [Fact]
    public void StopBeyondItsLink_IsRejectedAtItsPosition()
    {
        var text = Edit("\"position_m\": 200", "\"position_m\": 450");
        var error = SingleError(text);
        Assert.Equal(Locate(text, "\"position_m\": 450", "\"position_m\": "), (error.Line, error.Column));
        Assert.Equal("stop 'halfway' at 450 m lies outside its link 'west-in' (400 m long); use 0 < position_m ≤ 400", error.Message);
    }

    [Fact]
    public void LineOverAMissingLink_IsRejectedAtTheLink()
    {
        var text = Edit("\"links\": [\"west-in\", \"east-out\"], \"headway_s\": 300", "\"links\": [\"west-in\", \"east-outt\"], \"headway_s\": 300");
        var error = SingleError(text);
        Assert.Equal(Locate(text, "\"east-outt\""), (error.Line, error.Column));
        Assert.StartsWith("unknown link 'east-outt'; known links: 'west-in', 'east-out'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossingWithoutASignalGroup_IsRejectedOnTheCrossing()
    {
        var text = Edit("\"length_m\": 15, \"group\": \"walk\", ", "\"length_m\": 15, ");
        var error = SingleError(text);
        Assert.Equal(Locate(text, "{ \"id\": \"east-arm\"").Line, error.Line);
        Assert.Equal("a crossing is missing required field(s) 'group'; add them", error.Message);
    }

    [Fact]
    public void CrossingWithAnEmptySignalGroup_IsRejectedAtTheGroup()
    {
        var text = Edit("\"group\": \"walk\", ", "\"group\": \"\", ");
        var error = SingleError(text);
        Assert.Equal(Locate(text, "\"group\": \"\", ", "\"group\": "), (error.Line, error.Column));
        Assert.StartsWith("crossing 'east-arm' has no valid signal group (''); give it a pedestrian group of intersection 'X'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrossingWithAVehicleGroup_IsRejectedAtTheGroup()
    {
        var text = Edit("\"group\": \"walk\", ", "\"group\": \"side\", ");
        var error = SingleError(text);
        Assert.Equal(Locate(text, "\"group\": \"side\", ", "\"group\": "), (error.Line, error.Column));
        Assert.Equal("group 'side' controlling crossing 'east-arm' is a vehicle group; set \"kind\": \"pedestrian\" on it or use a pedestrian group", error.Message);
    }

    [Fact]
    public void PedestrianGreenTooShortForClearance_IsRejectedAtThePlan()
    {
        // 7 s of green plus 6 s of intergreen to either conflicting group leaves 13 s for 15 m.
        var text = Edit("{ \"id\": \"walk\", \"kind\": \"pedestrian\", \"amber_s\": 0 }", "{ \"id\": \"walk\", \"kind\": \"pedestrian\", \"amber_s\": 0, \"min_green_s\": 6 }")
            .Replace("\"walk\": { \"start_s\": 51, \"end_s\": 80 }", "\"walk\": { \"start_s\": 51, \"end_s\": 58 }", StringComparison.Ordinal);
        var errors = Errors(text);
        var plan = Locate(text, "{ \"cycle_s\": 90");
        Assert.Equal(2, errors.Count); // one per conflicting group: 'main' and 'tram'
        Assert.All(errors, e =>
        {
            Assert.Equal(plan, (e.Line, e.Column));
            Assert.StartsWith("in plan 'day', crossing 'east-arm' (15 m) needs 15 s to clear at 1.0 m/s, but green of 'walk' (7 s) plus its intergreen to ", e.Message, StringComparison.Ordinal);
            Assert.EndsWith("(6 s) is shorter; lengthen the pedestrian green or the intergreen", e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void LineWithBothATimetableAndAHeadway_IsRejectedAtTheTimetable()
    {
        var text = Edit("\"headway_s\": 300,\n", "\"headway_s\": 300, \"timetable_s\": [60, 360],\n");
        var error = SingleError(text);
        Assert.Equal(Locate(text, "[60, 360]"), (error.Line, error.Column));
        Assert.Equal("line 'bus-east' gives both timetable_s and headway_s; remove one of them", error.Message);
    }
}
