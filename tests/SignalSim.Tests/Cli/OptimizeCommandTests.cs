// `signalsim optimize`: from deliberately bad offsets on the textbook arterial, the search must
// find timings that cut through-traffic delay by a clear margin, and the gain must hold on seeds
// neither the search nor its own check used; its strategy must load into the scenario. Bad input
// (unknown strategy, nothing to vary, an empty cycle range, an unknown objective) exits with 2.
using System.Globalization;
using SignalSim.Analysis.Optimisation;
using SignalSim.Analysis.Replications;
using SignalSim.Analysis.Statistics;
using SignalSim.Cli;
using SignalSim.Core.Engine;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Cli;

public sealed class OptimizeCommandTests : IDisposable
{
    private const string Arterial = "arterial-green-wave.json";
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>The shipped scenario with one more strategy at the end of its list.</summary>
    private static string WithStrategy(string scenarioText, string strategyJson)
    {
        var end = scenarioText.LastIndexOf(']');
        return scenarioText[..end].TrimEnd() + ",\n" + strategyJson + "\n  ]\n}\n";
    }

    /// <summary>Mean delay of the arterial's end-to-end trips (both directions) in one run.</summary>
    private static double ThroughDelayS(SimulationResult r)
    {
        var through = r.Records.Trips.Where(t => r.Model.RouteIds[t.Route] is "eastbound/through" or "westbound/through").ToList();
        Assert.NotEmpty(through);
        return through.Average(t => t.DelayS);
    }

    [Fact]
    public async Task From_bad_offsets_the_search_cuts_through_delay_and_the_gain_holds_on_fresh_seeds()
    {
        var run = await CliRunner.RunAsync("optimize", CliRunner.ScenarioPath(Arterial), "--strategy", "bad-offsets",
            "--replications", "3", "--evaluation-replications", "8", "--duration", "1200", "--out", _tmp["out"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        foreach (var file in new[] { "strategy.json", "search.csv", "evaluation.csv", "evaluation.md", "optimisation.md" })
            Assert.True(File.Exists(_tmp[Path.Combine("out", file)]), file);

        // The tool's own check on fresh seeds: person-delay significantly lower.
        var evaluation = File.ReadAllLines(_tmp["out/evaluation.csv"]);
        var header = evaluation[0].Split(',');
        var all = evaluation.Single(l => l.StartsWith("bad-offsets-optimised,all,", StringComparison.Ordinal)).Split(',');
        Assert.True(double.Parse(all[Array.IndexOf(header, "person_delay_diff_ci95_high_h")], CultureInfo.InvariantCulture) < 0, string.Join(",", all));
        Assert.Contains("significant gain", File.ReadAllText(_tmp["out/optimisation.md"]));

        // The result is a strategy the scenario can include (it loads and validates).
        var text = WithStrategy(File.ReadAllText(CliRunner.ScenarioPath(Arterial)), File.ReadAllText(_tmp["out/strategy.json"]));
        var scenario = ScenarioLoader.LoadText(text, "with-optimised.json").Scenario;
        Assert.Contains(scenario.Strategies, s => s.Id == "bad-offsets-optimised");

        // Independent check on seeds neither the search (base seed 1) nor its evaluation used:
        // through traffic, both directions, loses clearly less time than with the bad offsets.
        var strategies = StrategyRun.Select(scenario, ["bad-offsets", "bad-offsets-optimised"]).Where(s => !s.IsBaseline).ToList();
        var seeds = ReplicationSeeds.Seeds(2024, 6, SeedStream.Evaluation);
        var delays = new double[2, seeds.Length];
        var request = new ReplicationRequest(strategies, seeds, 1200, Environment.ProcessorCount);
        ReplicationRunner.Run(request, onResult: (s, k, r) => delays[s, k] = ThroughDelayS(r));
        var bad = Enumerable.Range(0, seeds.Length).Select(k => delays[0, k]).ToList();
        var optimised = Enumerable.Range(0, seeds.Length).Select(k => delays[1, k]).ToList();
        var gain = SampleStatistics.Paired(optimised, bad);
        Assert.True(gain.Ci95High < 0, $"through delay {bad.Average():0.0} s with bad offsets, {optimised.Average():0.0} s optimised, difference CI {gain.Ci95Low:0.0} to {gain.Ci95High:0.0}");
        Assert.True(gain.Mean < -0.25 * bad.Average(), $"through delay {bad.Average():0.0} s → {optimised.Average():0.0} s: less than a 25 % cut");
    }

    [Fact]
    public async Task Splits_are_searched_within_the_rules_and_give_a_valid_strategy()
    {
        var run = await CliRunner.RunAsync("optimize", CliRunner.ScenarioPath("isolated-intersection.json"), "--strategy", "status-quo",
            "--keep-cycle", "--splits", "--replications", "2", "--evaluation-replications", "3", "--duration", "600", "--out", _tmp["out"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var text = WithStrategy(File.ReadAllText(CliRunner.ScenarioPath("isolated-intersection.json")), File.ReadAllText(_tmp["out/strategy.json"]));
        var optimised = ScenarioLoader.LoadText(text, "with-optimised.json").Scenario.Strategies.Single(s => s.Id == "status-quo-optimised");
        var plan = optimised.Intersections["X"].Plans![TimingSpace.PlanName];
        Assert.Equal(90, plan.CycleS); // kept
        Assert.Contains(File.ReadLines(_tmp["out/search.csv"]), l => l.Contains(",splits,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ctrl_C_during_the_search_writes_the_best_timings_so_far_marked_partial()
    {
        using var cancel = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new CancellingWriter(" offsets: ", cancel); // the coarse offset scan has started
        var code = await SignalSimApp.RunAsync(
            ["optimize", CliRunner.ScenarioPath(Arterial), "--strategy", "bad-offsets", "--keep-cycle", "--replications", "3", "--duration", "900", "--out", _tmp["out"]],
            stdout, stderr, cancel.Token);
        Assert.True(code == ExitCodes.Cancelled, $"exit {code}\n{stdout}\n{stderr.Text}");
        Assert.Contains("**Partial result**", File.ReadAllText(_tmp["out/optimisation.md"]));
        Assert.False(File.Exists(_tmp["out/evaluation.csv"])); // not checked on fresh seeds
        var text = WithStrategy(File.ReadAllText(CliRunner.ScenarioPath(Arterial)), File.ReadAllText(_tmp["out/strategy.json"]));
        Assert.Contains(ScenarioLoader.LoadText(text, "partial.json").Scenario.Strategies, s => s.Id == "bad-offsets-optimised");
    }

    [Theory]
    [InlineData("unknown strategy 'nope'", "--strategy", "nope")]
    [InlineData("is not a cycle", "--strategy", "bad-offsets", "--max-cycle", "150")]
    [InlineData("cycle range 100–60 s is empty", "--strategy", "bad-offsets", "--min-cycle", "100", "--max-cycle", "60")]
    [InlineData("'speed'", "--strategy", "bad-offsets", "--objective", "speed")]
    [InlineData("--strategy", "--objective", "person-delay")]
    public async Task Bad_options_are_refused_with_exit_code_2(string message, params string[] options)
    {
        var run = await CliRunner.RunAsync(["optimize", CliRunner.ScenarioPath(Arterial), "--out", _tmp["out"], .. options]);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains(message, run.Error);
        Assert.False(Directory.Exists(_tmp["out"]));
    }

    [Fact]
    public async Task Nothing_to_vary_is_refused_with_exit_code_2()
    {
        // One intersection, cycle kept, splits not searched.
        var run = await CliRunner.RunAsync("optimize", CliRunner.ScenarioPath("isolated-intersection.json"), "--strategy", "status-quo", "--keep-cycle", "--out", _tmp["out"]);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("nothing to vary", run.Error);
        Assert.False(Directory.Exists(_tmp["out"]));
    }
}
