// Every class of bad input is rejected with exit code 2, a message that names the file with the
// line and column of the mistake (where a file is involved), no stack trace, and no output folder.
using System.Text.RegularExpressions;
using SignalSim.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Cli;

public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    private string OutDir => _tmp["out"];

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task MalformedJson_IsLocatedAtTheTokenAfterTheMissingComma()
    {
        var s = ScenarioEdit.Write(_tmp.Path, "malformed.json", "\"name\": \"isolated-intersection\",", "\"name\": \"isolated-intersection\"");
        var run = await RunOn(s);
        AssertRejected(run, s, s.Locate("\"description\": { \"fr\": \"Un carrefour isolé").Line, "not valid JSON");
    }

    [Theory]
    [InlineData("unknown-language", "{ \"fr\": \"Carrefour\", \"de\": \"Kreuzung\" }", "unknown language 'de' in a text; give \"fr\" (French), \"en\" (English) or both")]
    [InlineData("empty-text", "{ }", "empty text object; give \"fr\" (French), \"en\" (English) or both")]
    [InlineData("number-text", "{ \"fr\": 3 }", "wrong value for 'fr': expected a text in quotes")]
    [InlineData("list-text", "[\"x\"]", "wrong value for a text: expected a text in quotes, or {\"fr\": \"...\", \"en\": \"...\"}")]
    public async Task BadLocalisedText_IsExplainedAndLocated(string name, string value, string message)
    {
        var s = ScenarioEdit.Write(_tmp.Path, name + ".json", "\"name\": \"isolated-intersection\",", $"\"name\": {value},");
        var run = await RunOn(s);
        // The reader points just past the offending token: the line is what an author needs.
        AssertRejected(run, s, s.Locate("\"name\": " + value).Line, message);
    }

    [Fact]
    public async Task BlankTranslation_IsLocatedAtItsLanguage()
    {
        var s = ScenarioEdit.Write(_tmp.Path, "blank-text.json", "\"name\": \"isolated-intersection\",", "\"name\": { \"fr\": \"carrefour isolé\", \"en\": \" \" },");
        var run = await RunOn(s);
        AssertRejected(run, s, s.Locate("\"name\": { \"fr\"").Line, "the English text is empty; write it or remove \"en\"");
    }

    [Fact]
    public async Task UnknownField_IsNamedAndLocated()
    {
        var s = ScenarioEdit.Write(_tmp.Path, "unknown-field.json", "\"length_m\": 500, \"speed_limit_kmh\": 50, \"lanes\": 1 },\n    { \"id\": \"east-out\"",
            "\"length_m\": 500, \"speed_limit_kmh\": 50, \"lanes\": 1, \"lane_count\": 2 },\n    { \"id\": \"east-out\"");
        var run = await RunOn(s);
        AssertRejected(run, s, s.Locate("\"lane_count\"").Line, "unknown field 'lane_count'");
    }

    [Fact]
    public async Task MissingRequiredField_IsNamedAndLocatedOnItsObject()
    {
        var s = ScenarioEdit.Write(_tmp.Path, "missing-field.json", "{ \"id\": \"east-out\", \"from\": \"X\", \"to\": \"E\", \"length_m\": 300,",
            "{ \"id\": \"east-out\", \"from\": \"X\", \"to\": \"E\",");
        var run = await RunOn(s);
        AssertRejected(run, s, s.Locate("\"east-out\", \"from\"").Line, "missing required field(s) 'length_m'");
    }

    [Theory]
    [InlineData("link", "{ \"from\": \"south-in\", \"to\": \"north-out\"", "{ \"from\": \"south-inn\", \"to\": \"north-out\"", "\"south-inn\"", "unknown link 'south-inn'")]
    [InlineData("node", "\"from\": \"X\", \"to\": \"N\"", "\"from\": \"X\", \"to\": \"Nowhere\"", "\"Nowhere\"", "unknown node 'Nowhere'")]
    [InlineData("centre", "\"centre\": \"paris\"", "\"centre\": \"lyon\"", "\"lyon\"", "unknown centre 'lyon'")]
    [InlineData("group", "\"to\": \"east-out\", \"group\": \"main\"", "\"to\": \"east-out\", \"group\": \"mian\"", "\"mian\"", "unknown signal group 'mian'")]
    public async Task ReferenceToUnknownId_PointsAtTheReference(string kind, string find, string replace, string marker, string message)
    {
        var s = ScenarioEdit.Write(_tmp.Path, $"unknown-{kind}.json", find, replace);
        var run = await RunOn(s);
        AssertRejected(run, s, s.Locate(marker), message);
    }

    [Theory]
    [InlineData("negative", "-300")]
    [InlineData("zero", "0")]
    public async Task NonPositiveLinkLength_IsRejected(string name, string value)
    {
        const string tail = ", \"speed_limit_kmh\": 50, \"lanes\": 1 },\n    { \"id\": \"south-in\"";
        var s = ScenarioEdit.Write(_tmp.Path, $"{name}-length.json", "\"length_m\": 300" + tail, $"\"length_m\": {value}" + tail);
        var run = await RunOn(s);
        AssertRejected(run, s, s.Locate($"\"length_m\": {value},", "\"length_m\": "), $"length_m is {value} m; it must be at least 10 and at most 10000 m");
    }

    [Fact]
    public async Task ZeroCycle_IsRejected()
    {
        var s = ScenarioEdit.Write(_tmp.Path, "zero-cycle.json", "\"cycle_s\": 90", "\"cycle_s\": 0");
        var run = await RunOn(s);
        AssertRejected(run, s, s.Locate("\"cycle_s\": 0", "\"cycle_s\": "), "cycle_s is 0 s; it must be more than 0 and at most 120 s");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-60")]
    public async Task NonPositiveDurationInTheFile_IsRejected(string value)
    {
        var s = ScenarioEdit.Write(_tmp.Path, "bad-duration.json", "\"duration_s\": 3600", $"\"duration_s\": {value}");
        var run = await RunOn(s);
        AssertRejected(run, s, s.Locate($"\"duration_s\": {value}", "\"duration_s\": "), $"duration_s is {value} s; it must be more than 0 and at most 604800 s");
    }

    [Theory]
    [InlineData("-60", "cooldown_s is -60 s; it must be at least 0 and at most 86400 s (one day at most)")]
    [InlineData("90000", "cooldown_s is 90000 s; it must be at least 0 and at most 86400 s (one day at most)")]
    [InlineData("0.0005", "cooldown_s 0.0005 is not a whole number of milliseconds")]
    public async Task BadCooldownInTheFile_IsRejectedWhereItIs(string value, string message)
    {
        var s = ScenarioEdit.Write(_tmp.Path, "bad-cooldown.json", "\"warmup_s\": 600,", $"\"warmup_s\": 600, \"cooldown_s\": {value},");
        var run = await RunOn(s);
        AssertRejected(run, s, s.Locate($"\"cooldown_s\": {value}", "\"cooldown_s\": "), message);
    }

    [Theory]
    [InlineData("duration_s", "3600.0001")]
    [InlineData("warmup_s", "600.0005")]
    public async Task ADurationFinerThanAMillisecond_IsRejectedWhereItIs(string field, string value)
    {
        var (find, was) = field == "duration_s" ? ("\"duration_s\": 3600", "3600") : ("\"warmup_s\": 600,", "600,");
        var s = ScenarioEdit.Write(_tmp.Path, "fine-duration.json", find, find.Replace(was, field == "duration_s" ? value : value + ","));
        var run = await RunOn(s);
        AssertRejected(run, s, s.Locate($"\"{field}\": {value}", $"\"{field}\": "), $"{field} {value} is not a whole number of milliseconds");
    }

    [Theory]
    [InlineData("0", "not a positive duration")]
    [InlineData("-5", "not a positive duration")]
    [InlineData("1h", "not a number")]
    [InlineData("NaN", "not a number")]
    [InlineData("1e308", "more than 604800 s \\(7 days\\)")]
    [InlineData("0.0005", "not a whole number of milliseconds")]
    public async Task BadDurationOption_IsRejectedBeforeAnythingRuns(string value, string message)
    {
        var run = await CliRunner.RunAsync("run", CliRunner.ScenarioPath(ScenarioEdit.BaseFile), "--duration", value, "--out", OutDir);
        AssertRejectedWithoutLocation(run, $"--duration: '?{Regex.Escape(value)}'?( s)? is {message}");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task NonNumericSeed_IsRejected(string value)
    {
        var run = await CliRunner.RunAsync("run", CliRunner.ScenarioPath(ScenarioEdit.BaseFile), "--seed", value, "--out", OutDir);
        AssertRejectedWithoutLocation(run, $"--seed: '{Regex.Escape(value)}' is not a valid seed");
    }

    [Fact]
    public async Task GreenWindowOutsideTheCycle_IsRejected()
    {
        var s = ScenarioEdit.Write(_tmp.Path, "green-outside.json", "\"side\": { \"start_s\": 50, \"end_s\": 85 }", "\"side\": { \"start_s\": 50, \"end_s\": 95 }");
        var run = await RunOn(s);
        AssertRejected(run, s, s.Locate("\"end_s\": 95", "\"end_s\": "), "green end 95 s lies outside the 90 s cycle");
    }

    [Fact]
    public async Task ConflictingGroupsGreenTogether_AreRejected()
    {
        var s = ScenarioEdit.Write(_tmp.Path, "conflict.json", "\"side\": { \"start_s\": 50, \"end_s\": 85 }", "\"side\": { \"start_s\": 40, \"end_s\": 85 }");
        var run = await RunOn(s);
        AssertRejected(run, s, s.Locate("\"greens\": { \"main\"", "\"greens\": "), "conflicting groups 'main' and 'side' are green together");
    }

    [Fact]
    public async Task IntergreenShorterThanAmber_IsRejected()
    {
        var s = ScenarioEdit.Write(_tmp.Path, "short-intergreen.json", "{ \"from\": \"main\", \"to\": \"side\", \"intergreen_s\": 5 }", "{ \"from\": \"main\", \"to\": \"side\", \"intergreen_s\": 2 }");
        var run = await RunOn(s);
        AssertRejected(run, s, s.Locate("\"intergreen_s\": 2", "\"intergreen_s\": "), "shorter than the amber of main");
    }

    [Fact]
    public async Task PlanGapShorterThanTheIntergreen_IsRejected()
    {
        // main ends at 45 s; side starting at 48 s leaves 3 s against a 5 s intergreen.
        var s = ScenarioEdit.Write(_tmp.Path, "short-gap.json", "\"side\": { \"start_s\": 50, \"end_s\": 85 }", "\"side\": { \"start_s\": 48, \"end_s\": 85 }");
        var run = await RunOn(s);
        AssertRejected(run, s, s.Locate("\"side\": { \"start_s\": 48", "\"side\": "), "'side' turns green 3 s after 'main' ends, less than the intergreen of 5 s");
    }

    [Fact]
    public async Task MissingFile_IsNamed()
    {
        var missing = _tmp["no-such-scenario.json"];
        var run = await CliRunner.RunAsync("run", missing, "--out", OutDir);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains($"{missing}: error: no such file", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
        Assert.Empty(_tmp.Entries());

        var validate = await CliRunner.RunAsync("validate", missing);
        Assert.Equal(ExitCodes.InvalidInput, validate.ExitCode);
        Assert.Contains($"{missing}: error: no such file", validate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderGivenAsScenario_IsRejected()
    {
        Directory.CreateDirectory(_tmp["a-folder.json"]);
        var run = await CliRunner.RunAsync("validate", _tmp["a-folder.json"]);
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("is a folder, not a scenario file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutPathThatIsAFile_IsRejected()
    {
        File.WriteAllText(OutDir, "not a folder");
        var run = await CliRunner.RunAsync("run", CliRunner.ScenarioPath(ScenarioEdit.BaseFile), "--out", OutDir);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("--out: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("is a file, not a folder", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
        Assert.Equal("not a folder", File.ReadAllText(OutDir));
        Assert.Equal(["out"], _tmp.Entries());
    }

    [Fact]
    public async Task OutPathUnderAFile_IsNotWritableAndRejected()
    {
        File.WriteAllText(_tmp["blocker"], "");
        var target = Path.Combine(_tmp["blocker"], "deeper", "out");
        var run = await CliRunner.RunAsync("run", CliRunner.ScenarioPath(ScenarioEdit.BaseFile), "--out", target);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("which is a file, not a folder", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
        Assert.Equal(["blocker"], _tmp.Entries());
    }

    [Fact]
    public async Task DemandFarAboveCapacity_IsAWarningNotAnError()
    {
        var s = ScenarioEdit.Write(_tmp.Path, "overloaded.json", "\"flow_veh_per_h\": 600", "\"flow_veh_per_h\": 3000");
        var validate = await CliRunner.RunAsync("validate", s.Path);
        Assert.True(validate.ExitCode == ExitCodes.Ok, validate.ToString());
        Assert.Equal($"{s.Path}: valid\n", validate.Out.ReplaceLineEndings("\n"));
        Assert.Matches($@"(?m)^{Regex.Escape(s.Path)}:\d+:\d+: warning: demand for movement west-in→east-out at 'X' is 3000 veh/h", validate.Error);

        var run = await CliRunner.RunAsync("run", s.Path, "--duration", "600", "--out", OutDir);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("warning: demand for movement west-in→east-out", run.Error, StringComparison.Ordinal);
        Assert.Contains("demand for movement west-in→east-out", File.ReadAllText(Path.Combine(OutDir, "summary.json")), StringComparison.Ordinal);
    }

    private Task<CliRun> RunOn(EditedScenario s) => CliRunner.RunAsync("run", s.Path, "--out", OutDir);

    private void AssertRejected(CliRun run, EditedScenario s, int line, string message) =>
        AssertRejected(run, s, $@"{line}:\d+", message);

    private void AssertRejected(CliRun run, EditedScenario s, (int Line, int Column) at, string message) =>
        AssertRejected(run, s, $"{at.Line}:{at.Column}", message);

    private void AssertRejected(CliRun run, EditedScenario s, string lineColumnPattern, string message)
    {
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Matches($"(?m)^{Regex.Escape(s.Path)}:{lineColumnPattern}: error: .*{Regex.Escape(message)}", run.Error);
        Assert.Equal("", run.Out);
        AssertNoStackTrace(run);
        Assert.Equal([Path.GetFileName(s.Path)], _tmp.Entries()); // no output folder, no staging leftovers
    }

    private void AssertRejectedWithoutLocation(CliRun run, string messagePattern)
    {
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Matches($"(?m)^signalsim: error: {messagePattern}", run.Error);
        AssertNoStackTrace(run);
        Assert.Empty(_tmp.Entries());
    }

    private static void AssertNoStackTrace(CliRun run)
    {
        Assert.DoesNotMatch(@"(?m)^\s+at \S+", run.Error);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }
}
