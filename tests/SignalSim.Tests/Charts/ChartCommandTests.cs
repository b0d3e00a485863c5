// `signalsim chart KIND` with its options, and `signalsim report` on a single run folder (the
// layout `run` writes, plus scenario.json), where the comparison charts are skipped with a reason.
// A chart goes into a folder that may hold other files: they are left as they were, no temporary
// file stays behind, and an --out that cannot be a folder exits 2 before anything is drawn.
using SignalSim.Charts.Charts;
using SignalSim.Charts.Report;
using SignalSim.Cli;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;
using SkiaSharp;

namespace SignalSim.Tests.Charts;

[Collection(ComparisonCollection.Name)]
public sealed class ChartCommandTests(ComparisonFixture fixture)
{
    [Theory]
    [InlineData("time-space", "--strategy", "priorite-bus", "--window", "400-700", "--corridor", "rd5-nb-in,rd5-nb-to-marques,porte-nb-to-port-au-prince,porte-nb-to-massena,choisy-nb")]
    [InlineData("queues", "--approach", "choisy-sb", "--approach", "rd5-nb-in,porte-nb-to-massena", "--lang", "en")]
    [InlineData("purdue", "--approach", "porte-nb-to-massena", "--strategy", "cycle-commun", "--window", "300-1500")]
    [InlineData("signal-timing", "--strategy", "cycle-commun", "--window", "600-960")]
    public async Task Chart_WritesPngAndSvg(string kind, params string[] options)
    {
        using var temp = new TempDirectory();
        var run = await CliRunner.RunAsync(["chart", kind, fixture.Root, "--out", temp.Path, .. options]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var bitmap = SKBitmap.Decode(Path.Combine(temp.Path, kind + ".png"));
        Assert.NotNull(bitmap);
        Assert.True(File.Exists(Path.Combine(temp.Path, kind + ".svg")));
    }

    [Fact]
    public async Task Chart_ReplacesOnlyItsOwnFilesAndLeavesNoTemporaryFile()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp["notes.txt"], "kept");
        File.WriteAllText(temp["queues.png"], "an earlier chart");
        var run = await CliRunner.RunAsync("chart", "queues", fixture.Root, "--approach", "choisy-sb", "--out", temp.Path);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal("kept", File.ReadAllText(temp["notes.txt"]));
        using (var bitmap = SKBitmap.Decode(temp["queues.png"])) Assert.NotNull(bitmap); // replaced by the new chart
        Assert.Equal(["notes.txt", "queues.png", "queues.svg"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Chart_IntoAPathThatIsAFile_ExitsTwoAndLeavesTheFile()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp["taken"], "a file");
        var run = await CliRunner.RunAsync("chart", "queues", fixture.Root, "--approach", "choisy-sb", "--out", temp["taken"]);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains($"--out: '{temp["taken"]}' is a file, not a folder", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", run.Error, StringComparison.Ordinal);
        Assert.Equal("a file", File.ReadAllText(temp["taken"]));
    }

    [Fact]
    public async Task Corridor_InTheWrongOrder_IsRefused()
    {
        var run = await CliRunner.RunAsync("chart", "time-space", fixture.Root, "--corridor", "rd5-sb-out,choisy-sb", "--out", Path.Combine(fixture.Root, "bad-corridor"));
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--corridor: link 'choisy-sb' starts at 'choisy-north', not where 'rd5-sb-out' ends", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OnASingleRunFolder_SkipsTheComparisonCharts()
    {
        using var temp = new TempDirectory();
        var dir = temp["run"];
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(fixture.Root, "statu-quo"))) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        ComparisonFixture.WriteScenario(fixture.Scenario with { Strategies = [] }, Path.Combine(dir, "scenario.json"));

        var run = await CliRunner.RunAsync("report", dir, "--no-pdf");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("chart 'baseline-difference' not drawn: comparison.csv absent", run.Error, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(dir, ReportWriter.HtmlFileName));
        Assert.Contains("une seule simulation", html, StringComparison.Ordinal);
        // Every chart but the two drawn from comparison.csv (baseline difference, trade-off).
        Assert.Equal(ChartCatalog.Kinds.Count - 2, html.Split("<img ").Length - 1);
    }

    [Fact]
    public async Task Report_UsesAScenarioGivenOnTheCommandLine()
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        var scenario = temp["elsewhere.json"];
        File.Move(Path.Combine(dir, "scenario.json"), scenario);

        var run = await CliRunner.RunAsync("report", dir, "--scenario", scenario, "--no-pdf");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
    }
}
