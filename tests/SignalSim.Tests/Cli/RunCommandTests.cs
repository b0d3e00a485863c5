// `signalsim run`: the default scenario, the result files, the report of every mode, determinism,
// option overrides, replacing earlier results and cancellation.
using System.Text.Json;
using SignalSim.Cli;
using SignalSim.Core.Output;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task RunOnTheEmbeddedDefault_WritesEveryResultFile()
    {
        var run = await CliRunner.RunAsync("run", "--out", _tmp["out"]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(RunOutputWriter.FileNames.Append(OutputManifest.FileName).Order(StringComparer.Ordinal), Directory.GetFiles(_tmp["out"]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["out"], _tmp.Entries()); // the staging folder is gone

        var trips = File.ReadAllLines(_tmp["out/trips.csv"]);
        var header = trips[0].Split(',');
        foreach (var column in new[] { "mode", "travel_time_s", "delay_s", "stops" }) Assert.Contains(column, header);
        Assert.True(trips.Length > 100, $"only {trips.Length - 1} trips");
        Assert.All(trips.Skip(1), row => Assert.Equal(header.Length, row.Split(',').Length));

        Assert.StartsWith($"{ScenarioSource.DefaultSourceName}: scenario ", run.Out, StringComparison.Ordinal);
        Assert.Contains("car: ", run.Out, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(_tmp["out"]), run.Out, StringComparison.Ordinal);

        using var summary = JsonDocument.Parse(File.ReadAllBytes(_tmp["out/summary.json"]));
        Assert.Equal(ScenarioSource.DefaultSourceName, summary.RootElement.GetProperty("source").GetString());
        Assert.Equal(trips.Length - 1, summary.RootElement.GetProperty("vehicles").GetProperty("completed_trips").GetInt32());
    }

    [Fact]
    public async Task RunWithEveryMode_ReportsPedestriansAndLines()
    {
        var scenario = MultimodalScenario.Write(_tmp.Path);
        var run = await CliRunner.RunAsync("run", scenario, "--duration", "900", "--out", _tmp["out"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());

        var lines = run.Out.Split('\n');
        foreach (var start in new[] { "  car: ", "  bus: ", "  tram: ", "  pedestrians: ", "  line bus-east (bus): ", "  line tram-north (tram): " })
            Assert.Contains(lines, l => l.StartsWith(start, StringComparison.Ordinal));
        Assert.Matches(@"^  pedestrians: \d+ crossed, mean wait \d+\.\d s, p95 \d+\.\d s, \d+\.\d% waited over 60 s$", lines.Single(l => l.StartsWith("  pedestrians: ", StringComparison.Ordinal)));
        Assert.Matches(@"^  line bus-east \(bus\): \d+ trips, mean travel time \d+\.\d s$", lines.Single(l => l.StartsWith("  line bus-east", StringComparison.Ordinal)));
        Assert.True(File.ReadLines(_tmp["out/pedestrians.csv"]).Count() > 1);
        Assert.True(File.ReadLines(_tmp["out/priority.csv"]).Count() > 1);
    }

    [Fact]
    public async Task SameScenarioAndSeed_GiveByteIdenticalFiles_AnotherSeedDifferentTrips()
    {
        var scenario = CliRunner.ScenarioPath("isolated-intersection.json");
        var a = await CliRunner.RunAsync("run", scenario, "--seed", "7", "--out", _tmp["a"]);
        var b = await CliRunner.RunAsync("run", scenario, "--seed", "7", "--out", _tmp["b"]);
        var c = await CliRunner.RunAsync("run", scenario, "--seed", "8", "--out", _tmp["c"]);
        Assert.True(a.ExitCode == 0 && b.ExitCode == 0 && c.ExitCode == 0, $"{a}\n{b}\n{c}");
        Assert.Equal("", a.Error); // quiet by default: a valid scenario without warnings logs nothing

        foreach (var file in RunOutputWriter.FileNames)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(_tmp["a"], file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_tmp["b"], file))), $"{file} differs between two identical runs");
        }
        Assert.NotEqual(File.ReadAllText(_tmp["a/trips.csv"]), File.ReadAllText(_tmp["c/trips.csv"]));
        Assert.Contains("\"seed\": 8,", File.ReadAllText(_tmp["c/summary.json"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DurationOption_ShortensTheMeasuredPeriod()
    {
        var run = await CliRunner.RunAsync("run", CliRunner.ScenarioPath("isolated-intersection.json"), "--duration", "300", "--out", _tmp["out"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());

        using var summary = JsonDocument.Parse(File.ReadAllBytes(_tmp["out/summary.json"]));
        Assert.Equal(300, summary.RootElement.GetProperty("duration_s").GetDouble());
        var warmup = summary.RootElement.GetProperty("warmup_s").GetDouble();
        var lastSample = File.ReadLines(_tmp["out/approaches.csv"]).Skip(1).Max(l => double.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(warmup + 300, lastSample);
    }

    [Fact]
    public async Task RunIntoAnEarlierResult_ReplacesTheResultsAndKeepsTheUsersFiles()
    {
        var first = await CliRunner.RunAsync("run", CliRunner.ScenarioPath("isolated-intersection.json"), "--duration", "300", "--out", _tmp["out"]);
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        File.WriteAllText(_tmp["out/notes.txt"], "mine");
        File.WriteAllText(_tmp["out/trips.csv"], "stale");

        var run = await CliRunner.RunAsync("run", CliRunner.ScenarioPath("isolated-intersection.json"), "--duration", "300", "--out", _tmp["out"]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal("mine", File.ReadAllText(_tmp["out/notes.txt"]));
        Assert.StartsWith("trip_id,", File.ReadAllText(_tmp["out/trips.csv"]), StringComparison.Ordinal);
        Assert.StartsWith("{", File.ReadAllText(_tmp["out/summary.json"]), StringComparison.Ordinal);
        Assert.Equal(["out"], _tmp.Entries());
    }

    [Fact]
    public async Task RunIntoAFolderOfOtherFiles_IsRefusedAndTouchesNothing()
    {
        Directory.CreateDirectory(_tmp["out"]);
        File.WriteAllText(_tmp["out/notes.txt"], "mine");
        File.WriteAllText(_tmp["out/summary.json"], "not SignalSim's");

        var run = await CliRunner.RunAsync("run", CliRunner.ScenarioPath("isolated-intersection.json"), "--duration", "300", "--out", _tmp["out"]);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains($"--out: '{_tmp["out"]}' already holds files SignalSim did not write", run.Error, StringComparison.Ordinal);
        Assert.Equal("not SignalSim's", File.ReadAllText(_tmp["out/summary.json"]));
        Assert.Equal(["notes.txt", "summary.json"], Directory.GetFiles(_tmp["out"]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["out"], _tmp.Entries());
    }

    [Fact]
    public async Task Cancellation_ExitsWith130AndLeavesNoFolder()
    {
        // A week of simulated time on the five-intersection arterial takes many seconds, far longer
        // than the delay before cancelling, even when a busy machine fires the timer late.
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
        var target = Path.Combine(_tmp["new-parent"], "out");
        var run = await CliRunner.RunAsync(cts.Token, "run", CliRunner.ScenarioPath("arterial-green-wave.json"), "--duration", "604800", "--out", target);

        Assert.True(run.ExitCode == ExitCodes.Cancelled, run.ToString());
        Assert.Contains("signalsim: cancelled:", run.Error, StringComparison.Ordinal);
        Assert.Empty(_tmp.Entries()); // neither the target, nor its staging folder, nor the parent created for it
    }

    [Fact]
    public async Task Help_ListsTheCommandsAndExitsZero()
    {
        var run = await CliRunner.RunAsync("--help");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("run", run.Out, StringComparison.Ordinal);
        Assert.Contains("validate", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCommand_IsAUsageError()
    {
        var run = await CliRunner.RunAsync();
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("signalsim --help", run.Error, StringComparison.Ordinal);
    }
}
