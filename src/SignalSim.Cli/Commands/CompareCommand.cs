// `signalsim compare [SCENARIO] [--replications N] [--strategies A,B] [--seed N] [--threads N]
// [--duration S] [--lang fr|en] [--no-report] [--out DIR] [--timings]`: every strategy × replication on common
// random numbers, in parallel; writes comparison.csv, comparison.md, per strategy the run files
// of replication 1, and the committee note (report.html, report.md, charts).
// Ctrl+C keeps the finished runs and writes their summary, marked as partial.
using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Replications;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Charts.Report;
using SignalSim.Core.Model;
using SignalSim.Core.Output;

namespace SignalSim.Cli.Commands;

public sealed class CompareCommand(CliConsole console, ScenarioSource scenarios, IOptions<CliSettings> settings) : CliCommand
{
    /// <summary>The command's name and one-line description (constants: the help listing uses them without loading the command).</summary>
    public const string Name = "compare", Summary = "Compare the scenario's strategies over many replications with common random numbers; write comparison.csv, comparison.md and each strategy's run files.";

    public const int DefaultReplications = 20;

    private readonly Argument<string?> _scenario = new("SCENARIO")
    {
        Arity = ArgumentArity.ZeroOrOne,
        Description = "Scenario file (JSON) with its strategies; the embedded Porte de Choisy scenario when omitted.",
    };

    private readonly Option<int?> _replications = new("--replications")
    {
        HelpName = "N",
        Description = $"Replications per strategy (default {DefaultReplications}); replication k uses the same seed in every strategy.",
        CustomParser = OptionParsers.Replications,
    };

    private readonly Option<IReadOnlyList<string>?> _strategies = new("--strategies")
    {
        HelpName = "A,B,...",
        Description = "Strategies to compare, by id (default: all); the baseline is always included.",
        CustomParser = OptionParsers.Strategies,
    };

    private readonly Option<ulong?> _seed = new("--seed")
    {
        HelpName = "N",
        Description = "Seed of replication 1 (default: the scenario's simulation.seed); the others derive theirs from it.",
        CustomParser = OptionParsers.Seed,
    };

    private readonly Option<int?> _threads = CommonOptions.Threads();

    private readonly Option<double?> _duration = CommonOptions.Duration();

    private readonly Option<string> _lang = ChartOptions.Language();

    private readonly Option<bool> _noReport = new("--no-report")
    {
        Description = "Skip the committee note (report.html, report.md, charts); the tables are written all the same.",
    };

    private readonly Option<string?> _out = new("--out")
    {
        HelpName = "DIR",
        Description = "Folder for comparison.csv, comparison.md and one folder per strategy (default: results/compare).",
    };

    private readonly Option<bool> _timings = CommonOptions.Timings();

    protected override Command Define() => new(Name, Summary)
    {
        _scenario, _replications, _strategies, _seed, _threads, _duration, _lang, _noReport, _out, _timings,
    };

    protected override int Execute(ParseResult parseResult, CancellationToken cancellation)
    {
        var outDir = parseResult.GetValue(_out) ?? settings.Value.DefaultCompareFolder;
        if (StagedOutputFolder.FindProblem(outDir) is { } problem) throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: {problem}");
        var times = parseResult.GetValue(_timings) ? new StageTimes() : null;
        var loaded = scenarios.Load(parseResult.GetValue(_scenario), times);
        ReportWarnings(console, loaded);
        var scenario = loaded.Scenario;
        var strategies = StudyInput.Strategies(scenario, parseResult.GetValue(_strategies), console);
        var replications = parseResult.GetValue(_replications) ?? DefaultReplications;
        if (replications < 2) console.Report("note", "one replication gives no confidence interval; use --replications 2 or more (20 is usual)");
        var threads = parseResult.GetValue(_threads) ?? Environment.ProcessorCount;
        var baseSeed = parseResult.GetValue(_seed) ?? scenario.Simulation.Seed;
        var durationS = parseResult.GetValue(_duration);

        // Replication 1's files feed the note: it also records trajectories for the time-space diagram.
        var recording = RecordingOptions.TrajectoriesAfterWarmup(scenario.Simulation.WarmupS, TrajectoryWindowS);
        var request = new ReplicationRequest(strategies, ReplicationSeeds.Seeds(baseSeed, replications), durationS, threads, recording);
        var firstRuns = new SimulationResult?[strategies.Count];
        var progress = new ProgressDisplay(console, "compare");
        var clock = Stopwatch.StartNew();
        var results = StageTimes.Measure(times, "runs total", () => ReplicationRunner.Run(request, progress.Report, (s, k, result) =>
        {
            if (k == 0) firstRuns[s] = result;
        }, cancellation));
        progress.Finish();

        if (results.CompletedRuns == 0)
        {
            console.Report("cancelled", "stopped before any run finished; nothing was written");
            return ExitCodes.Cancelled;
        }
        var table = StageTimes.Measure(times, "statistics", () => ComparisonTable.Build(results));
        var info = new StudyInfo(scenario.Name, loaded.SourceName, durationS ?? scenario.Simulation.DurationS, scenario.Simulation.WarmupS, baseSeed, "common random numbers", scenario.Simulation.CooldownS);
        var context = new RunContext(loaded.SourceName, SignalSimApp.Version, loaded.Warnings.Select(w => w.Format(loaded.SourceName)).ToList());
        var written = strategies.Select((s, i) => (s.Id, firstRuns[i])).Where(p => p.Item2 is not null).Select(p => (p.Id, p.Item2!)).ToList();
        try
        {
            StageTimes.Measure(times, "writing", () =>
            {
                ComparisonOutput.WriteFirstRuns(outDir, written, context);
                ComparisonOutput.WriteStudyFiles(outDir, scenario, results.Seeds, SignalSimApp.Version);
                ComparisonOutput.WriteTables(outDir, table, info);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: cannot write to '{outDir}': {e.Message}");
        }
        CompareReport.Write(console.Out, table, results, clock.Elapsed, Path.GetFullPath(outDir));
        if (!results.Cancelled && !parseResult.GetValue(_noReport))
            StageTimes.Measure(times, "note", () => WriteNote(Path.GetFullPath(outDir), parseResult.GetValue(_lang)!, cancellation));
        TimingsReport.Write(console, Name, times);
        if (!results.Cancelled) return ExitCodes.Ok;
        console.Report("cancelled", $"stopped after {results.CompletedRuns} of {results.TotalRuns} runs; the summary of the finished runs is written, marked as partial");
        return ExitCodes.Cancelled;
    }

    /// <summary>Seconds of trajectories recorded after the warm-up for the time-space diagram.</summary>
    private const double TrajectoryWindowS = 900;

    private void WriteNote(string outDir, string lang, CancellationToken cancellation)
    {
        var files = ChartOptions.Guard(() => ReportWriter.Write(outDir, lang, cancellation: cancellation));
        foreach (var chart in files.Charts.Where(c => c.Files is null))
            console.Error.WriteLine($"{CliConsole.ProgramName}: warning: chart '{chart.Kind}' not drawn: {chart.MissingReason}");
        console.Out.WriteLine($"note written: {files.HtmlPath}, {files.MarkdownPath} ({files.Charts.Count(c => c.Files is not null)} of {files.Charts.Count} charts)");
    }
}
