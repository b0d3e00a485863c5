// `--timings`: every stage of the breakdown is printed on stderr, and the option changes neither
// stdout's figures nor a single byte of the result files.
using SignalSim.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Cli;

public sealed class TimingsOptionTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Run_prints_every_stage_and_writes_the_same_files()
    {
        var plain = await CliRunner.RunAsync("run", "--duration", "300", "--out", _tmp["plain"]);
        var timed = await CliRunner.RunAsync("run", "--duration", "300", "--out", _tmp["timed"], "--timings");
        Assert.True(plain.ExitCode == ExitCodes.Ok, plain.ToString());
        Assert.True(timed.ExitCode == ExitCodes.Ok, timed.ToString());
        AssertStages(timed.Error, "signalsim run: timings", "load", "validate", "model build", "simulation", "metrics", "writing", "total");
        Assert.DoesNotContain("timings", plain.Error, StringComparison.Ordinal);
        Assert.Equal(plain.Out.Replace(_tmp["plain"], "DIR", StringComparison.Ordinal), timed.Out.Replace(_tmp["timed"], "DIR", StringComparison.Ordinal));
        var files = Directory.GetFiles(_tmp["plain"]).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, Directory.GetFiles(_tmp["timed"]).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        foreach (var file in files) Assert.True(File.ReadAllBytes(_tmp[Path.Combine("plain", file!)]).AsSpan().SequenceEqual(File.ReadAllBytes(_tmp[Path.Combine("timed", file!)])), file);
    }

    [Fact]
    public async Task Validate_prints_load_and_validate()
    {
        var run = await CliRunner.RunAsync("validate", CliRunner.ScenarioPath("isolated-intersection.json"), "--timings");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        AssertStages(run.Error, "signalsim validate: timings", "load", "validate", "total");
    }

    [Fact]
    public async Task Compare_prints_runs_statistics_writing_and_the_notes_stages()
    {
        var run = await CliRunner.RunAsync("compare", CliRunner.ScenarioPath("isolated-intersection.json"), "--replications", "2", "--duration", "300",
            "--out", _tmp["compare"], "--timings");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        AssertStages(run.Error, "signalsim compare: timings", "load", "validate", "runs total", "statistics", "writing", "note files", "note charts", "note text", "note pdf", "replay", "total");
    }

    private static void AssertStages(string stderr, string heading, params string[] stages)
    {
        var lines = stderr.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, stderr);
        for (var i = 0; i < stages.Length; i++)
        {
            var line = lines[start + 1 + i];
            Assert.Matches($@"^  {stages[i]} +\d+\.\d ms", line);
        }
    }
}
