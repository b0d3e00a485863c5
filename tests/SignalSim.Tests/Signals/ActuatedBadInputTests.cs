// Bad actuated input through the command line: exit 2, the file with line and column, no stack trace.
using System.Text.RegularExpressions;
using SignalSim.Cli;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Signals;

public sealed class ActuatedBadInputTests : IDisposable
{
    private const string Plan = "\"day\": { \"cycle_s\": 90, \"offset_s\": 0,";
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData("passage", "\"control\": \"actuated\", \"actuated\": { \"passage_time_s\": 20 },", "passage_time_s is 20 s; it must be")]
    [InlineData("coordinated", "\"control\": \"actuated\", \"actuated\": { \"coordinated_groups\": [\"mian\"] },", "unknown signal group 'mian'")]
    [InlineData("settings-without-actuated", "\"actuated\": { \"passage_time_s\": 2 },", "its control is fixed-time")]
    public async Task Actuated_parameters_out_of_range_exit_2_with_location(string name, string settings, string message)
    {
        var s = ScenarioEdit.Write(_tmp.Path, $"{name}.json", Plan, Plan + " " + settings);
        await AssertRejected(s, s.Locate(Plan).Line, message);
    }

    [Fact]
    public async Task Recall_none_on_a_group_nothing_could_call_exits_2_with_location()
    {
        // The side road's loops are taken out, so only its recall could call it.
        var s = ScenarioEdit.Write(_tmp.Path, "recall.json",
            ("{ \"id\": \"side-stop-bar\", \"link\": \"south-in\", \"position_m\": 0, \"length_m\": 2, \"kind\": \"stop-bar\", \"channel\": 2 },", ""),
            ("{ \"id\": \"side-advance\", \"link\": \"south-in\", \"position_m\": 150, \"length_m\": 2, \"kind\": \"advance\", \"channel\": 4 }", ""),
            ("{ \"id\": \"main-advance\", \"link\": \"west-in\", \"position_m\": 150, \"length_m\": 2, \"kind\": \"advance\", \"channel\": 3 },", "{ \"id\": \"main-advance\", \"link\": \"west-in\", \"position_m\": 150, \"length_m\": 2, \"kind\": \"advance\", \"channel\": 3 }"),
            (Plan, Plan + " \"control\": \"actuated\", \"actuated\": { \"groups\": { \"side\": { \"recall\": \"none\" } } },"));
        await AssertRejected(s, s.Locate("\"recall\": \"none\"").Line, "nothing would ever call it");
    }

    [Fact]
    public async Task Detector_on_an_unknown_lane_exits_2_with_location()
    {
        const string find = "{ \"id\": \"side-stop-bar\", \"link\": \"south-in\",";
        var s = ScenarioEdit.Write(_tmp.Path, "lane.json", find, find + " \"lane\": 3,");
        await AssertRejected(s, s.Locate("\"lane\": 3").Line, "lane 3 does not exist on link 'south-in'");
    }

    private async Task AssertRejected(EditedScenario s, int line, string message)
    {
        var run = await CliRunner.RunAsync("run", s.Path, "--out", _tmp["out"]);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Matches($@"(?m)^{Regex.Escape(s.Path)}:{line}:\d+: error: .*{Regex.Escape(message)}", run.Error);
        Assert.DoesNotMatch(@"(?m)^\s+at \S+", run.Error);
        Assert.False(Directory.Exists(_tmp["out"]));
    }
}
