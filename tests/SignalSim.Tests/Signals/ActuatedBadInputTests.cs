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
    [InlineData("passage", "\"control\": \"actuated\", \"actuated\": { \"passage_time_s\": 20 },", "passage time of 20 s is out of range")]
    [InlineData("recall", "\"control\": \"actuated\", \"actuated\": { \"groups\": { \"side\": { \"recall\": \"none\" } } },", "nothing would ever call it")]
    [InlineData("coordinated", "\"control\": \"actuated\", \"actuated\": { \"coordinated_groups\": [\"mian\"] },", "unknown signal group 'mian'")]
    [InlineData("settings-without-actuated", "\"actuated\": { \"passage_time_s\": 2 },", "its control is fixed-time")]
    public async Task Actuated_parameters_out_of_range_exit_2_with_location(string name, string settings, string message)
    {
        var s = ScenarioEdit.Write(_tmp.Path, $"{name}.json", Plan, Plan + " " + settings);
        await AssertRejected(s, s.Locate(Plan).Line, message);
    }

    [Fact]
    public async Task Detector_on_an_unknown_lane_exits_2_with_location()
    {
        const string find = "\"intergreens\": [";
        var s = ScenarioEdit.Write(_tmp.Path, "lane.json", find,
            "\"detectors\": [ { \"id\": \"d\", \"link\": \"south-in\", \"lane\": 3, \"channel\": 1 } ],\n      " + find);
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
