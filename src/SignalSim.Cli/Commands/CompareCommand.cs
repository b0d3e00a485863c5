// `signalsim compare [SCENARIO] [--replications N] [--strategies A,B] [--seed N] [--threads N]
// [--duration S | --period HH:MM-HH:MM] [--lang fr|en] [--no-report] [--out DIR] [--timings] [--shard K/N|slurm | --shards N]`: every strategy × replication on common
// random numbers, in parallel; writes comparison.csv, comparison.md, per strategy the run files
// of replication 1, the step-size check (step_check.csv, with the note) and the committee note
// (report.html, report.md, charts).
// Ctrl+C keeps the finished runs and writes their summary, marked as partial. With --shard only
// the shard's replications run, and the folder is one for `signalsim merge` (see ShardedCompare).
using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Replications;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Charts.Replay;
using SignalSim.Charts.Report;
using SignalSim.Core.Model;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;

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

    private readonly Option<bool> _events = new("--events")
    {
        Description = "Also write the controller event log (controller_events.csv and controller_events_map.csv) in each strategy's folder (replication 1).",
    };

    private readonly Option<bool> _noReport = new("--no-report")
    {
        Description = "Skip the committee note (report.html, report.md, charts); the tables are written all the same.",
    };

    private readonly Option<bool> _noPdf = NotePdf.Option();

    private readonly Option<string?> _replay = new("--replay")
    {
        HelpName = "STRATEGY",
        Description = "Strategy replayed beside the baseline in replay.html (default: the first strategy that is not the baseline).",
    };

    private readonly Option<string?> _out = new("--out")
    {
        HelpName = "DIR",
        Description = "Folder for comparison.csv, comparison.md and one folder per strategy (default: results/compare).",
    };

    private readonly Option<bool> _timings = CommonOptions.Timings();

    private readonly Option<MeasuredWindow?> _period = PeriodOption.Create();

    private readonly Option<string?> _shard = ShardOptions.Shard();

    private readonly Option<int?> _shards = ShardOptions.Shards();

    protected override Command Define() => new(Name, Summary)
    {
        _scenario, _replications, _strategies, _seed, _threads, _duration, _period, _lang, _events, _noReport, _noPdf, _replay, _out, _timings, _shard, _shards,
    };

    protected override int Execute(ParseResult parseResult, CancellationToken cancellation)
    {
        var outDir = parseResult.GetValue(_out) ?? settings.Value.DefaultCompareFolder;
        var scenarioPath = parseResult.GetValue(_scenario);
        if (StagedOutputFolder.FindProblem(outDir) is { } problem) throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: {problem}");
        var times = parseResult.GetValue(_timings) ? new StageTimes() : null;
        var loaded = scenarios.Load(scenarioPath, cancellation, times);
        ReportWarnings(console, loaded);
        var scenario = PeriodOption.Apply(loaded.Scenario, parseResult.GetValue(_period), parseResult.GetValue(_duration), loaded.SourceName);
        var strategies = StudyInput.Strategies(scenario, parseResult.GetValue(_strategies), console);
        var folderNames = ComparisonOutput.FolderNames(strategies.Select(s => s.Id).ToList());
        if (ShardOptions.Resolve(parseResult.GetValue(_shard), parseResult.GetValue(_shards), Environment.GetEnvironmentVariable) is { } shard)
            return ShardedCompare.Run(console, shard, ShardedStudyOf(parseResult, outDir, scenarioPath, loaded with { Scenario = scenario }, strategies, folderNames), times, cancellation);
        string[] topLevel = [.. folderNames, .. ComparisonOutput.TopLevelFileNames, ReportWriter.HtmlFileName, ReportWriter.MarkdownFileName, ReportWriter.ChartsFolderName, ReplayWriter.FileName, PdfPrinter.FileName, StepSizeCheck.FileName];
        if (OwnedOutputFolder.FindProblem(outDir, topLevel, [scenarioPath]) is { } conflict) throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: {conflict}");
        var replications = parseResult.GetValue(_replications) ?? DefaultReplications;
        if (replications < 2) console.Report("note", "one replication gives no confidence interval; use --replications 2 or more (20 is usual)");
        var threads = parseResult.GetValue(_threads) ?? Environment.ProcessorCount;
        var baseSeed = parseResult.GetValue(_seed) ?? scenario.Simulation.Seed;
        var durationS = parseResult.GetValue(_duration);
        var replayed = ReplayedStrategies(strategies, parseResult.GetValue(_replay));

        // Replication 1's files feed the note: it also records trajectories for the time-space diagram.
        var recording = RecordingOptions.TrajectoriesAfterWarmup(scenario.Simulation.WarmupS, TrajectoryWindowS);
        var seeds = ReplicationSeeds.Seeds(baseSeed, replications);
        // The note's step-size check: the baseline at half the step, run on the study's workers.
        var halfStepRuns = parseResult.GetValue(_noReport) ? null : StepSizeCheck.HalfStepRuns(strategies, seeds);
        var request = new ReplicationRequest(strategies, seeds, durationS, threads, recording, ExtraRuns: halfStepRuns);
        var context = new RunContext(loaded.SourceName, SignalSimApp.Version, loaded.Warnings.Select(w => w.Format(loaded.SourceName)).ToList());
        // The whole folder is staged before the first run (an unwritable place is refused at
        // once) and replication 1's files are written as soon as each run ends, so no run is
        // kept in memory for them.
        using var folder = RunCommand.CreateFolder(outDir);
        var events = parseResult.GetValue(_events);
        var progress = new ProgressDisplay(console, "compare");
        var clock = Stopwatch.StartNew();
        var results = StageTimes.Measure(times, "runs total", () => ReplicationRunner.Run(request, progress.Report, (s, k, result) =>
        {
            if (k == 0) RunOutputWriter.Write(result, context, Path.Combine(folder.StagingPath, folderNames[s]), controllerEvents: events);
        }, cancellation));
        progress.Finish();

        if (results.CompletedRuns == 0)
        {
            console.Report("cancelled", "stopped before any run finished; nothing was written");
            return ExitCodes.Cancelled;
        }
        var info = new StudyInfo(scenario.Name.Text(LocalizedText.English), loaded.SourceName, durationS ?? scenario.Simulation.DurationS, scenario.Simulation.WarmupS, baseSeed, "common random numbers", scenario.Simulation.CooldownS);
        var lang = parseResult.GetValue(_lang)!;
        var note = parseResult.GetValue(_noReport) ? null : new NoteRequest(lang, !parseResult.GetValue(_noPdf));
        var halfStep = results.Cancelled || halfStepRuns is null ? null : StepSizeCheck.HalfStepRows(halfStepRuns, results.ExtraMetrics);
        var table = ComparisonWriting.WriteStudy(console, folder.StagingPath, folder.TargetPath, outDir, scenario, results, info, SignalSimApp.Version, note, times, cancellation, halfStep);
        if (!results.Cancelled && note is not null)
            ComparisonWriting.WriteReplay(console, folder.StagingPath, folder.TargetPath, scenario, replayed, results.Seeds[0], durationS ?? scenario.Simulation.DurationS, lang, cancellation, times);
        RunCommand.CommitFolder(folder, outDir);
        CompareReport.Write(console.Out, table, results, clock.Elapsed, folder.TargetPath);
        CompareReport.WriteNewLines(console.Out, LineComparison.Build(results));
        TimingsReport.Write(console, Name, times);
        if (!results.Cancelled) return ExitCodes.Ok;
        console.Report("cancelled", $"stopped after {results.CompletedRuns} of {results.TotalRuns} runs; the summary of the finished runs is written, marked as partial");
        return ExitCodes.Cancelled;
    }

    /// <summary>The same options read for one shard of the study (see ShardedCompare).</summary>
    private ShardedStudy ShardedStudyOf(ParseResult parseResult, string outDir, string? scenarioPath, LoadedScenario loaded, IReadOnlyList<StrategyRun> strategies,
        IReadOnlyList<string> folderNames)
    {
        var scenario = loaded.Scenario;
        var note = parseResult.GetValue(_noReport) ? null : new NoteRequest(parseResult.GetValue(_lang)!, !parseResult.GetValue(_noPdf));
        return new ShardedStudy(outDir, scenarioPath, loaded, strategies, folderNames,
            parseResult.GetValue(_seed) ?? scenario.Simulation.Seed, parseResult.GetValue(_replications) ?? DefaultReplications,
            parseResult.GetValue(_threads) ?? Environment.ProcessorCount, parseResult.GetValue(_duration),
            ReplayedStrategies(strategies, parseResult.GetValue(_replay)), parseResult.GetValue(_events), note,
            RecordingOptions.TrajectoriesAfterWarmup(scenario.Simulation.WarmupS, TrajectoryWindowS));
    }

    /// <summary>Seconds of trajectories recorded after the warm-up for the time-space diagram.</summary>
    private const double TrajectoryWindowS = 900;

    /// <summary>The baseline and the strategy to replay beside it (the baseline alone when it is the only one).</summary>
    private static IReadOnlyList<StrategyRun> ReplayedStrategies(IReadOnlyList<StrategyRun> strategies, string? name)
    {
        var baseline = strategies.First(s => s.IsBaseline);
        if (name is null) return strategies.FirstOrDefault(s => !s.IsBaseline) is { } first ? [baseline, first] : [baseline];
        var chosen = strategies.FirstOrDefault(s => s.Id == name)
            ?? throw new InvalidInputException($"{CliConsole.ProgramName}: error: --replay: no strategy '{name}' in this comparison; it runs {string.Join(", ", strategies.Select(s => s.Id))}");
        return chosen == baseline ? [baseline] : [baseline, chosen];
    }
}
