// `signalsim compare`: the files it writes, results independent of the thread count, a clean
// partial summary on Ctrl+C, and clear errors (exit code 2) for bad input.
using SignalSim.Analysis.Comparison;
using SignalSim.Cli;
using SignalSim.Core.Output;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Cli;

public sealed class CompareCommandTests : IDisposable
{
    private const string Arterial = "arterial-green-wave.json";
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static Task<CliRun> Compare(string outDir, params string[] extra) =>
        CliRunner.RunAsync(["compare", CliRunner.ScenarioPath(Arterial), "--duration", "900", "--out", outDir, "--no-pdf", .. extra]);

    [Fact]
    public async Task Writes_the_tables_and_each_strategys_run_files()
    {
        var run = await Compare(_tmp["out"], "--replications", "8");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal([".signalsim-output", "bad-offsets", "charts", "comparison.csv", "comparison.json", "comparison.md", "green-wave", "replay.html", "report.html", "report.md", "scenario.json", "step_check.csv"], Directory.EnumerateFileSystemEntries(_tmp["out"]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("note written:", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(_tmp["out/charts/baseline-difference.png"]), "the headline chart is drawn");
        foreach (var strategy in new[] { "green-wave", "bad-offsets" })
        {
            foreach (var file in RunOutputWriter.FileNames) Assert.True(File.Exists(_tmp[Path.Combine("out", strategy, file)]), $"{strategy}/{file}");
        }
        var lines = File.ReadAllLines(_tmp["out/comparison.csv"]);
        Assert.StartsWith("strategy,mode,trips,mean_travel_time_s,ci95_low_s,ci95_high_s,p90_travel_time_s,mean_delay_s,diff_vs_baseline_s,diff_ci95_low_s,diff_ci95_high_s,", lines[0]);
        Assert.Equal(1 + 2 * 2, lines.Length); // car and all, per strategy
        var header = lines[0].Split(',');
        var bad = lines.Single(l => l.StartsWith("bad-offsets,car,", StringComparison.Ordinal)).Split(',');
        string Field(string column) => bad[Array.IndexOf(header, column)];
        Assert.Equal("8", Field("replications"));
        Assert.Equal("yes", Field("diff_significant"));
        Assert.True(double.Parse(Field("diff_ci95_low_s"), System.Globalization.CultureInfo.InvariantCulture) > 0); // bad offsets cost time
        Assert.Equal("no", Field("partial"));
        var md = File.ReadAllText(_tmp["out/comparison.md"]);
        Assert.Contains("## Person-delay", md);
        Assert.Contains("| bad-offsets | car |", md);
        Assert.DoesNotContain("Partial", md);
        Assert.Contains("bad-offsets: person-delay", run.Out);
    }

    [Fact]
    public async Task The_thread_count_does_not_change_a_byte_of_the_comparison()
    {
        var counts = new[] { 1, Environment.ProcessorCount, 3 }.Distinct().ToList();
        var texts = new List<(string Csv, string Md)>();
        foreach (var threads in counts)
        {
            var dir = _tmp[$"threads-{threads}"];
            var run = await Compare(dir, "--replications", "6", "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
            texts.Add((File.ReadAllText(Path.Combine(dir, ComparisonCsvWriter.FileName)), File.ReadAllText(Path.Combine(dir, ComparisonMarkdownWriter.FileName))));
        }
        Assert.All(texts, t => Assert.Equal(texts[0].Csv, t.Csv));
        Assert.All(texts, t => Assert.Equal(texts[0].Md, t.Md));
    }

    [Fact]
    public async Task Ctrl_C_keeps_the_finished_runs_and_marks_the_summary_partial()
    {
        using var cancel = new CancellationTokenSource();
        using var stdout = new StringWriter();
        // Cancels as soon as the first progress line reports a finished run.
        using var stderr = new CancellingWriter("runs done", cancel);
        var code = await SignalSimApp.RunAsync(
            ["compare", CliRunner.ScenarioPath(Arterial), "--duration", "900", "--replications", "200", "--threads", "2", "--out", _tmp["out"]],
            stdout, stderr, cancel.Token);

        Assert.True(code == ExitCodes.Cancelled, $"exit {code}\n{stdout}\n{stderr.Text}");
        Assert.Contains("marked as partial", stderr.Text);
        var md = File.ReadAllText(_tmp["out/comparison.md"]);
        Assert.Contains("**Partial result**", md);
        var lines = File.ReadAllLines(_tmp["out/comparison.csv"]);
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",yes", l));
        // Runs go replication by replication, so replication 1 of some strategy finished and was written.
        Assert.True(File.Exists(_tmp["out/green-wave/summary.json"]) || File.Exists(_tmp["out/bad-offsets/summary.json"]));
    }

    [Fact]
    public async Task A_scenario_without_strategies_runs_as_a_single_base_strategy()
    {
        var text = File.ReadAllText(CliRunner.ScenarioPath("isolated-intersection.json"));
        var cut = text.IndexOf("  // Strategies", StringComparison.Ordinal);
        var path = _tmp["plain.json"];
        File.WriteAllText(path, text[..cut].TrimEnd().TrimEnd(',') + "\n}\n");
        var run = await CliRunner.RunAsync("compare", path, "--replications", "2", "--duration", "600", "--out", _tmp["out"], "--no-pdf");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("no strategies", run.Error);
        Assert.Contains("'base'", run.Error);
        Assert.StartsWith("base,car,", File.ReadAllLines(_tmp["out/comparison.csv"])[1]);
        Assert.True(File.Exists(_tmp["out/base/summary.json"]));
    }

    [Theory]
    [InlineData("unknown strategy 'nope'", "--strategies", "nope")]
    [InlineData("unknown strategies 'a', 'b'", "--strategies", "green-wave,a,b")]
    [InlineData("--replications: 0 is out of range", "--replications", "0")]
    [InlineData("--replications: 'many' is not a whole number", "--replications", "many")]
    [InlineData("--threads: 0 is out of range", "--threads", "0")]
    [InlineData("--strategies: give strategy ids", "--strategies", "green-wave,,bad-offsets")]
    public async Task Bad_options_are_refused_with_exit_code_2(string message, params string[] option)
    {
        var run = await Compare(_tmp["out"], option);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains(message, run.Error);
        Assert.False(Directory.Exists(_tmp["out"]));
    }

    [Fact]
    public async Task Strategies_without_a_baseline_are_refused_with_exit_code_2()
    {
        var text = File.ReadAllText(CliRunner.ScenarioPath(Arterial)).Replace("\"baseline\": true, ", "", StringComparison.Ordinal);
        var path = _tmp["no-baseline.json"];
        File.WriteAllText(path, text);
        var run = await CliRunner.RunAsync("compare", path, "--out", _tmp["out"], "--no-pdf");
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("no strategy is marked as the baseline", run.Error);
    }

    [Fact]
    public async Task Naming_only_other_strategies_adds_the_baseline()
    {
        var run = await Compare(_tmp["out"], "--replications", "2", "--strategies", "bad-offsets");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("baseline 'green-wave' added", run.Error);
        Assert.Contains(File.ReadAllLines(_tmp["out/comparison.csv"]), l => l.StartsWith("green-wave,car,", StringComparison.Ordinal));
    }
}
