// Bad link settings in a strategy: a latency or a loss probability out of range is refused by
// validate and run with exit code 2, each at its line and column, and nothing is run or written.
using System.Text.RegularExpressions;
using SignalSim.Cli;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Priority;

public sealed class ForwardingInputTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    public async Task Latency_and_loss_out_of_range_exit_2_at_their_location(string command)
    {
        const string shipped = "\"forwarding\": { \"enabled\": true, \"latency_s\": 2, \"loss_probability\": 0 }";
        const string bad = "\"forwarding\": { \"enabled\": true, \"latency_s\": 700, \"loss_probability\": 1.5 }";
        var text = File.ReadAllText(CliRunner.ScenarioPath("porte-de-choisy.json"));
        var at = text.IndexOf(shipped, StringComparison.Ordinal);
        Assert.True(at >= 0, "the shared strategy forwards with 2 s latency");
        text = text[..at] + bad + text[(at + shipped.Length)..];
        var path = _tmp["bad-forwarding.json"];
        File.WriteAllText(path, text);
        var line = text[..at].Count(c => c == '\n') + 1;
        var lineStart = text.LastIndexOf('\n', at) + 1;
        int Column(string key) => text.IndexOf(key, at, StringComparison.Ordinal) + key.Length - lineStart + 1;

        var run = command == "run"
            ? await CliRunner.RunAsync("run", path, "--out", _tmp["out"])
            : await CliRunner.RunAsync("validate", path);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Matches($"(?m)^{Regex.Escape(path)}:{line}:{Column("\"latency_s\": ")}: error: latency_s is 700 s; it must be at least 0 and at most 600 s", run.Error);
        Assert.Matches($"(?m)^{Regex.Escape(path)}:{line}:{Column("\"loss_probability\": ")}: error: loss_probability is 1.5; it must be at least 0 and at most 1", run.Error);
        Assert.DoesNotMatch(@"(?m)^\s+at \S+", run.Error);
        Assert.False(Directory.Exists(_tmp["out"]), "nothing written");
    }
}
