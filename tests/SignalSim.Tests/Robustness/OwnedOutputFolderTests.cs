// Result folders are SignalSim's own and written as a unit: a second run or compare into the same
// folder leaves no file of the first, files SignalSim did not write are never touched, the input
// scenario is never overwritten, and unwritable or conflicting targets are refused before any
// simulation starts, naming the path the user gave. An interrupted compare says "partial" at the
// top of comparison.json, comparison.md and the note made from it.
using System.Diagnostics;
using System.Text.Json;
using SignalSim.Cli;
using SignalSim.Core.Output;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Robustness;

public sealed class OwnedOutputFolderTests : IDisposable
{
    private const string Arterial = "arterial-green-wave.json";
    private const string Isolated = "isolated-intersection.json";
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string[] FilesUnder(string dir) => [.. OutputManifest.FilesUnder(dir)];

    [Fact]
    public async Task ASecondRun_LeavesNoFileOfTheFirst()
    {
        var first = await CliRunner.RunAsync("run", CliRunner.ScenarioPath(Isolated), "--duration", "300", "--trajectories", "60", "--seed", "1", "--out", _tmp["out"]);
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.True(File.Exists(_tmp["out/trajectories.csv"]));

        var second = await CliRunner.RunAsync("run", CliRunner.ScenarioPath(Isolated), "--duration", "300", "--seed", "2", "--out", _tmp["out"]);
        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.False(File.Exists(_tmp["out/trajectories.csv"]), "the first run's trajectories.csv survived beside the second run's summary");
        Assert.Equal([.. RunOutputWriter.FileNames.Append(OutputManifest.FileName).Order(StringComparer.Ordinal)], FilesUnder(_tmp["out"]));
        Assert.Equal(2UL, JsonDocument.Parse(File.ReadAllText(_tmp["out/summary.json"])).RootElement.GetProperty("seed").GetUInt64());
        Assert.Equal(["out"], _tmp.Entries()); // no staging or old folder left beside it
    }

    [Fact]
    public async Task ASecondCompare_LeavesNoFileOfTheFirst()
    {
        var first = await CliRunner.RunAsync("compare", CliRunner.ScenarioPath(Arterial), "--duration", "300", "--replications", "2", "--out", _tmp["out"]);
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.True(File.Exists(_tmp["out/report.html"]) && Directory.Exists(_tmp["out/bad-offsets"]));
        File.WriteAllText(_tmp["out/my-notes.txt"], "mine");

        // Fewer strategies (the baseline only) and no note this time.
        var second = await CliRunner.RunAsync("compare", CliRunner.ScenarioPath(Arterial), "--duration", "300", "--replications", "2",
            "--strategies", "green-wave", "--no-report", "--out", _tmp["out"]);
        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.False(Directory.Exists(_tmp["out/bad-offsets"]), "an old strategy folder survived");
        Assert.False(File.Exists(_tmp["out/report.html"]), "an old note survived beside a new comparison");
        Assert.False(Directory.Exists(_tmp["out/charts"]), "old charts survived");
        Assert.Equal("mine", File.ReadAllText(_tmp["out/my-notes.txt"]));
        Assert.Equal([.. new[] { ".signalsim-output", "comparison.csv", "comparison.json", "comparison.md", "green-wave", "my-notes.txt", "scenario.json" }],
            Directory.EnumerateFileSystemEntries(_tmp["out"]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["out"], _tmp.Entries());
    }

    [Fact]
    public async Task RunningAScenarioInsideTheOutputFolder_IsRefusedAndTheScenarioKept()
    {
        var first = await CliRunner.RunAsync("run", CliRunner.ScenarioPath(Isolated), "--duration", "300", "--out", _tmp["out"]);
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        var scenario = _tmp["out/scenario.json"];
        var before = File.ReadAllText(scenario);

        var run = await CliRunner.RunAsync("run", scenario, "--duration", "300", "--out", _tmp["out"]);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains($"'{scenario}' lies inside '{_tmp["out"]}'", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(scenario));
    }

    [Fact]
    public async Task AFolderWhereTheResultPutsAFile_IsRefusedBeforeAnythingIsDeleted()
    {
        var first = await CliRunner.RunAsync("run", CliRunner.ScenarioPath(Isolated), "--duration", "300", "--out", _tmp["out"]);
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        File.Delete(_tmp["out/summary.json"]);
        Directory.CreateDirectory(_tmp["out/summary.json"]);
        File.WriteAllText(_tmp["out/summary.json/mine.txt"], "mine");
        var trips = File.ReadAllText(_tmp["out/trips.csv"]);

        var run = await CliRunner.RunAsync("run", CliRunner.ScenarioPath(Isolated), "--duration", "300", "--out", _tmp["out"]);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("was not written by SignalSim, but the result puts its own 'summary.json' there", run.Error, StringComparison.Ordinal);
        Assert.Equal(trips, File.ReadAllText(_tmp["out/trips.csv"]));
        Assert.Equal("mine", File.ReadAllText(_tmp["out/summary.json/mine.txt"]));
        Assert.Equal(["out"], _tmp.Entries());
    }

    [Fact]
    public async Task ASecondSumoExport_LeavesNoFileOfTheFirst()
    {
        // The peak-to-day strategy changes plan during the run, so its export has a plan-change file the baseline's has not.
        var first = await CliRunner.RunAsync("export", "sumo", CliRunner.ScenarioPath("porte-de-choisy.json"), "--strategy", "peak-to-day-short-way", "--out", _tmp["sumo"]);
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.True(File.Exists(_tmp["sumo/scenario.plans.add.xml"]));
        File.WriteAllText(_tmp["sumo/my-notes.txt"], "mine");

        var second = await CliRunner.RunAsync("export", "sumo", CliRunner.ScenarioPath("porte-de-choisy.json"), "--out", _tmp["sumo"]);
        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.False(File.Exists(_tmp["sumo/scenario.plans.add.xml"]), "the first export's plan changes survived beside the second export's programs");
        Assert.Equal("mine", File.ReadAllText(_tmp["sumo/my-notes.txt"]));
        Assert.Equal(["sumo"], _tmp.Entries());
    }

    [Theory]
    [InlineData("export")]
    [InlineData("calibrate")]
    public async Task ExportAndCalibrate_RefuseAnUnwritableTargetNamingTheUsersPath(string command)
    {
        const string target = "/proc/signalsim-no-such-place/out";
        var run = await RunExportOrCalibrate(command, CliRunner.ScenarioPath("porte-de-choisy.json"), target);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains($"--out: cannot write the result to '{target}'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(".partial", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export")]
    [InlineData("calibrate")]
    public async Task ExportAndCalibrate_IntoTheScenariosOwnFolder_AreRefusedAndTheScenarioKept(string command)
    {
        var scenario = _tmp["work/porte-de-choisy.json"];
        Directory.CreateDirectory(_tmp["work"]);
        File.Copy(CliRunner.ScenarioPath("porte-de-choisy.json"), scenario);
        var before = File.ReadAllBytes(scenario);
        var run = await RunExportOrCalibrate(command, scenario, _tmp["work"]);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("lies inside", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(scenario));
        Assert.Equal(["porte-de-choisy.json"], Directory.EnumerateFileSystemEntries(_tmp["work"]).Select(Path.GetFileName));
    }

    private static Task<CliRun> RunExportOrCalibrate(string command, string scenario, string outDir) => command == "export"
        ? CliRunner.RunAsync("export", "sumo", scenario, "--out", outDir)
        : CliRunner.RunAsync("calibrate", scenario, "--counts", CliRunner.ScenarioPath("porte-de-choisy.counts.csv"), "--out", outDir);

    [Fact]
    public async Task AnUnwritableCompareTarget_IsRefusedBeforeAnyRunNamingTheUsersPath()
    {
        // /proc refuses new folders even to root.
        const string target = "/proc/signalsim-no-such-place/out";
        var watch = Stopwatch.StartNew();
        var run = await CliRunner.RunAsync("compare", CliRunner.ScenarioPath(Arterial), "--duration", "3600", "--replications", "40", "--out", target);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains($"--out: cannot write the result to '{target}'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(".partial", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("runs done", run.Error, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}: the runs were not skipped");
    }

    [Fact]
    public async Task ACancelledCompare_SaysPartialFirstAndCountsOnlyCompletedReplications()
    {
        using var cancel = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new CancellingWriter("runs done", cancel);
        var code = await SignalSimApp.RunAsync(
            ["compare", CliRunner.ScenarioPath(Arterial), "--duration", "900", "--replications", "40", "--threads", "2", "--out", _tmp["out"]],
            stdout, stderr, cancel.Token);
        Assert.True(code == ExitCodes.Cancelled, $"exit {code}\n{stdout}\n{stderr.Text}");

        var json = File.ReadAllText(_tmp["out/comparison.json"]);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("partial", root.EnumerateObject().First().Name);
        Assert.True(root.GetProperty("partial").GetBoolean());
        var completed = root.GetProperty("replications").GetInt32();
        Assert.True(completed < 40, $"comparison.json claims {completed} replications of an interrupted study");
        Assert.Equal(40, root.GetProperty("replications_requested").GetInt32());
        Assert.Equal(completed, root.GetProperty("seeds").GetArrayLength());

        var md = File.ReadAllLines(_tmp["out/comparison.md"]);
        Assert.Contains("partial", md[0], StringComparison.Ordinal);
        Assert.Contains($"{completed} of 40 replications", string.Join("\n", md), StringComparison.Ordinal);
        Assert.Contains(",partial", File.ReadAllLines(_tmp["out/comparison.csv"])[0], StringComparison.Ordinal);

        var report = await CliRunner.RunAsync("report", _tmp["out"], "--lang", "en");
        Assert.True(report.ExitCode == ExitCodes.Ok, report.ToString());
        var note = File.ReadAllLines(_tmp["out/report.md"]);
        Assert.StartsWith($"# Partial result ({completed} of 40 replications)", note[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Replications: 40", File.ReadAllText(_tmp["out/report.md"]), StringComparison.Ordinal);
        Assert.Contains("Partial result", File.ReadAllText(_tmp["out/report.html"]), StringComparison.Ordinal);
        // The note written into the folder now belongs to it: the next result replaces it.
        Assert.Contains("report.md", OutputManifest.Read(_tmp["out"])!);
    }
}
