// Every number of the scenario format has a physical range, declared once on its property,
// shown in the schema and the README, and enforced by the validator with the range in the
// message and the value's line and column: absurd numbers (1e308 m, 1e15 s of warm-up, 1e400
// read as infinity) are refused at once instead of hanging or crashing a run.
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Cli;

namespace SignalSim.Tests.Robustness;

public class PhysicalRangeTests
{
    private static string BaseText => File.ReadAllText(CliRunner.ScenarioPath(ScenarioEdit.BaseFile));

    [Fact]
    public void EveryNumericFieldOfTheFormatCarriesARange()
    {
        var missing = ScenarioRanges.Fields().Where(f => f.Range is null)
            .Select(f => $"{f.DeclaringType.Name}.{f.PropertyName} ({f.Path}) has no [PhysicalRange(min, max, unit)]; give it its physical range")
            .ToList();
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
        Assert.True(ScenarioRanges.Fields().Count > 50, "the field walk found too few numeric fields to be complete");
    }

    [Fact]
    public void TheSchemaShowsEveryRangeAsMinimumAndMaximum()
    {
        var schema = ScenarioSchema.GenerateNode();
        foreach (var field in ScenarioRanges.Fields())
        {
            var node = Navigate(schema, field.Path);
            Assert.True(node is not null, $"{field.Path} not found in the schema");
            var range = field.Range!;
            var min = node![range.MinimumExclusive ? "exclusiveMinimum" : "minimum"];
            var max = node[range.MaximumExclusive ? "exclusiveMaximum" : "maximum"];
            Assert.True(min is not null && max is not null, $"{field.Path} has no minimum/maximum in the schema");
            Assert.Equal(range.Minimum, double.Parse(min!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(range.Maximum, double.Parse(max!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void VehicleAmberOfZero_IsRefusedAtItsLine()
    {
        var text = Replace(BaseText, "{ \"id\": \"main\", \"description\": \"east-west main road\", \"amber_s\": 3", "{ \"id\": \"main\", \"description\": \"east-west main road\", \"amber_s\": 0");
        var error = SingleError(text);
        Assert.Equal(LineColumn(text, "\"amber_s\": 0", "\"amber_s\": "), (error.Line, error.Column));
        Assert.Equal("$.intersections[0].signal_groups[0].amber_s", error.JsonPath);
        Assert.Contains("below the 3 s legal minimum", error.Message, StringComparison.Ordinal);
        Assert.Contains("amber_reason", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortVehicleAmber_IsAcceptedWhenTheScenarioSaysWhy()
    {
        var text = Replace(BaseText, "\"description\": \"east-west main road\", \"amber_s\": 3",
            "\"description\": \"east-west main road\", \"amber_s\": 2, \"amber_reason\": \"rural site outside built-up areas\"");
        var loaded = ScenarioLoader.LoadText(text, "short-amber.json");
        Assert.Equal(2, loaded.Scenario.Intersections[0].SignalGroups[0].AmberS);
    }

    [Theory]
    [InlineData("\"warmup_s\": 600", "\"warmup_s\": 1e15", "\"warmup_s\": ", "warmup_s is 1E+15 s; it must be at least 0 and at most 86400 s")]
    [InlineData("\"duration_s\": 3600", "\"duration_s\": 1e400", "\"duration_s\": ", "duration_s is a number too large to be read (infinite); it must be more than 0 and at most 604800 s")]
    [InlineData("\"length_m\": 500, \"speed_limit_kmh\": 50, \"lanes\": 1 },\n    { \"id\": \"east-out\"", "\"length_m\": 1e308, \"speed_limit_kmh\": 50, \"lanes\": 1 },\n    { \"id\": \"east-out\"", "\"length_m\": ", "length_m is 1E+308 m; it must be at least 10 and at most 10000 m")]
    [InlineData("\"flow_veh_per_h\": 600", "\"flow_veh_per_h\": 1e308", "\"flow_veh_per_h\": ", "flow_veh_per_h is 1E+308 veh/h")]
    [InlineData("\"intergreen_s\": 5 },\n        { \"from\": \"side\"", "\"intergreen_s\": -1e400 },\n        { \"from\": \"side\"", "\"intergreen_s\": ", "intergreen_s is a number too large to be read (infinite)")]
    [InlineData("\"x_m\": 0, \"y_m\": 0,", "\"x_m\": 1e300, \"y_m\": 0,", "\"x_m\": ", "x_m is 1E+300 m")]
    public void AbsurdNumbers_AreRefusedAtOnceAtTheirLocation(string find, string replace, string prefix, string message)
    {
        var text = Replace(BaseText, find, replace);
        var watch = Stopwatch.StartNew();
        var error = SingleError(text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"validation took {watch.Elapsed}");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        var marker = replace[..(replace.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length)] + replace[(replace.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length)..].Split([',', ' ', '}'])[0];
        Assert.Equal(LineColumn(text, marker, prefix), (error.Line, error.Column));
        Assert.DoesNotMatch(@"\d{20}", error.Message); // never a 309-digit number
    }

    [Fact]
    public void AbsurdPassengerFlowAtAStop_IsRefused()
    {
        var text = File.ReadAllText(CliRunner.ScenarioPath("porte-de-choisy.json"));
        var at = Regex.Match(text, "\"passengers_per_hour\": *[0-9.]+");
        Assert.True(at.Success, "porte-de-choisy.json no longer gives passengers_per_hour; update the test");
        text = text[..at.Index] + "\"passengers_per_hour\": 1e308" + text[(at.Index + at.Length)..];
        var error = SingleError(text);
        Assert.Contains("passengers_per_hour is 1E+308 passengers/h; it must be at least 0 and at most 10000 passengers/h", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TickConversion_IsChecked()
    {
        Assert.Throws<OverflowException>(() => Core.SimTime.FromSeconds(1e300));
        Assert.Throws<OverflowException>(() => Core.SimTime.FromSeconds(double.NaN));
    }

    private static ScenarioDiagnostic SingleError(string text)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText(text, "edited.json"));
        var errors = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 1, e.Message);
        return errors[0];
    }

    internal static string Replace(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the base scenario no longer contains {find}; update the test");
        Assert.Equal(at, text.LastIndexOf(find, StringComparison.Ordinal));
        return text[..at] + replace + text[(at + find.Length)..];
    }

    internal static (int Line, int Column) LineColumn(string text, string marker, string prefix)
    {
        var found = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(found >= 0, $"marker {marker} not found");
        var index = found + prefix.Length;
        var before = text[..index];
        return (before.Count(c => c == '\n') + 1, index - (before.LastIndexOf('\n') + 1) + 1);
    }

    /// <summary>The schema of a field path such as intersections[].plans.*.cycle_s.</summary>
    private static JsonNode? Navigate(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            var name = part.TrimEnd('[', ']');
            if (part == "*") { node = node?["additionalProperties"]; continue; }
            node = node?["properties"]?[name];
            if (part.EndsWith("[]", StringComparison.Ordinal)) node = node?["items"];
        }
        return node;
    }
}

/// <summary>The README's table of ranges is the generated one (SIGNALSIM_UPDATE_SCHEMA=1 dotnet test rewrites it).</summary>
public class RangeTableTests
{
    private const string Begin = "<!-- ranges:begin";
    private const string End = "<!-- ranges:end -->";

    [Fact]
    public void ReadmeListsEveryRangeAsGenerated()
    {
        var readme = Path.Combine(Path.GetDirectoryName(Scenarios.ShippedFiles.SourceScenarioFolder())!, "README.md");
        var text = File.ReadAllText(readme).Replace("\r\n", "\n", StringComparison.Ordinal);
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "README.md has no ranges:begin/ranges:end markers");
        var bodyStart = text.IndexOf('\n', begin) + 1;
        var generated = ScenarioRanges.MarkdownTable();
        if (Environment.GetEnvironmentVariable("SIGNALSIM_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(readme, text[..bodyStart] + generated + text[end..]);
            return;
        }
        Assert.True(text[bodyStart..end] == generated, "README.md's table of ranges is out of date; regenerate it with SIGNALSIM_UPDATE_SCHEMA=1 dotnet test");
    }
}

/// <summary>Absurd numbers through the command line: exit 2 at the value's location, never exit 1 or a hang.</summary>
public sealed class AbsurdNumberCliTests : IDisposable
{
    private readonly Output.TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData("run", "\"duration_s\": 3600", "\"duration_s\": 1e400", "\"duration_s\": ")]
    [InlineData("run", "\"warmup_s\": 600", "\"warmup_s\": 1e15", "\"warmup_s\": ")]
    [InlineData("validate", "\"warmup_s\": 600", "\"warmup_s\": 1e15", "\"warmup_s\": ")]
    [InlineData("compare", "\"flow_veh_per_h\": 600", "\"flow_veh_per_h\": 1e308", "\"flow_veh_per_h\": ")]
    public async Task IsRefusedWithExit2AtItsLocation(string command, string find, string replace, string prefix)
    {
        var s = ScenarioEdit.Write(_tmp.Path, "absurd.json", find, replace);
        var watch = Stopwatch.StartNew();
        string[] args = command == "validate" ? [command, s.Path] : [command, s.Path, "--out", _tmp["out"]];
        var run = await CliRunner.RunAsync(args);
        Assert.True(run.ExitCode == SignalSim.Cli.ExitCodes.InvalidInput, run.ToString());
        var (line, column) = s.Locate(replace, prefix);
        Assert.Matches($"(?m)^{Regex.Escape(s.Path)}:{line}:{column}: error: ", run.Error);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.False(Directory.Exists(_tmp["out"]));
    }

    [Fact]
    public void DemandThatWouldFillMemory_IsRefused()
    {
        // Legal numbers one by one: a week at 20,000 veh/h on each of two entries.
        var text = File.ReadAllText(CliRunner.ScenarioPath(ScenarioEdit.BaseFile))
            .Replace("\"duration_s\": 3600", "\"duration_s\": 604800", StringComparison.Ordinal)
            .Replace("\"flow_veh_per_h\": 600", "\"flow_veh_per_h\": 20000", StringComparison.Ordinal)
            .Replace("\"flow_veh_per_h\": 400", "\"flow_veh_per_h\": 20000", StringComparison.Ordinal);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText(text, "busy.json"));
        Assert.Contains(e.Diagnostics, d => d.Message.Contains("more than the 5000000 a run can hold", StringComparison.Ordinal) && d.Line > 0);
    }
}
