// What `compare` writes once its runs are done, shared with `merge` so that a merged sharded
// study gets exactly the files of an unsharded one: the study files (scenario.json,
// comparison.json), the tables (comparison.csv, comparison.md), the step-size check of the
// note (step_check.csv: the study's baseline runs against the half-step runs made by `compare`,
// or by the shard that owns replication 1), the committee note, and the replay of replication 1
// (written by `compare`, or by the shard that owns replication 1).
using System.Diagnostics;
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Replications;
using SignalSim.Charts.Replay;
using SignalSim.Charts.Report;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Cli.Commands;

/// <param name="Language">"fr" or "en".</param>
/// <param name="Pdf">Print report.pdf when Chromium is there.</param>
internal sealed record NoteRequest(string Language, bool Pdf);

internal static class ComparisonWriting
{
    /// <summary>
    /// The study files and the tables into the staging folder, then the step-size check (when
    /// the half-step rows are given) and the note when asked for and the study finished.
    /// Returns the table (for the console summary).
    /// </summary>
    /// <param name="halfStep">The baseline's half-step rows (run beside the study, see StepSizeCheck.HalfStepRuns), or null when not run.</param>
    public static ComparisonTable WriteStudy(CliConsole console, string stagingDir, string targetDir, string outDir, ScenarioFile scenario,
        ReplicationResults results, StudyInfo info, string programVersion, NoteRequest? note, StageTimes? times, CancellationToken cancellation,
        IReadOnlyList<StepSizeRow>? halfStep = null)
    {
        var table = StageTimes.Measure(times, "statistics", () => ComparisonTable.Build(results));
        try
        {
            StageTimes.Measure(times, "writing", () =>
            {
                ComparisonOutput.WriteStudyFiles(stagingDir, scenario, results, programVersion);
                ComparisonOutput.WriteTables(stagingDir, table, info);
                LineComparison.Write(stagingDir, results);
                if (halfStep is not null && StepSizeCheck.Rows(results, halfStep) is { Count: > 0 } rows)
                    StepSizeCheck.Write(Path.Combine(stagingDir, StepSizeCheck.FileName), rows);
                PriorityMessageComparison.Write(stagingDir, results, table);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: cannot write to '{outDir}': {e.Message}");
        }
        if (!results.Cancelled && note is not null)
            WriteNote(console, stagingDir, targetDir, note, times, cancellation);
        return table;
    }

    /// <summary>
    /// replay.html: replication 1 of each replayed strategy run again (same seed, so the same run)
    /// with trajectories over the whole measured period, which the study itself does not keep.
    /// </summary>
    public static void WriteReplay(CliConsole console, string stagingDir, string targetDir, ScenarioFile scenario, IReadOnlyList<StrategyRun> replayed, ulong seed,
        double durationS, string lang, CancellationToken cancellation, StageTimes? times = null) =>
        StageTimes.Measure(times, ReplayStage, () => RunAndWriteReplay(console, stagingDir, targetDir, scenario, replayed, seed, durationS, lang, cancellation));

    /// <summary>Name of the replay's stage for `--timings`.</summary>
    public const string ReplayStage = "replay";

    private static void RunAndWriteReplay(CliConsole console, string stagingDir, string targetDir, ScenarioFile scenario, IReadOnlyList<StrategyRun> replayed, ulong seed,
        double durationS, string lang, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var recording = RecordingOptions.TrajectoriesAfterWarmup(scenario.Simulation.WarmupS, durationS);
        var runs = new ReplayRun[replayed.Count];
        Parallel.For(0, runs.Length, new ParallelOptions { CancellationToken = cancellation }, i =>
            runs[i] = new ReplayRun(replayed[i].Id, new Simulation(SimulationModelBuilder.Build(replayed[i].Scenario, seed, durationS, recording)).Run(cancellation)));
        var path = Path.Combine(stagingDir, ReplayWriter.FileName);
        try
        {
            var size = ReplayWriter.Write(path, replayed[0].Scenario, runs, lang);
            console.Out.WriteLine($"replay written: {Path.Combine(targetDir, ReplayWriter.FileName)} ({size / 1e6:0.0} MB, {string.Join(" | ", replayed.Select(s => s.Id))}, {clock.Elapsed.TotalSeconds:0.0} s)");
        }
        catch (ArgumentException e)
        {
            console.Error.WriteLine($"{CliConsole.ProgramName}: warning: replay.html not written: {e.Message}");
        }
    }

    /// <summary>The note is drawn in the staging folder, so it is swapped in with the tables it describes.</summary>
    private static void WriteNote(CliConsole console, string stagingDir, string targetDir, NoteRequest note, StageTimes? times, CancellationToken cancellation)
    {
        using var pdf = note.Pdf ? NotePdf.Begin(console) : null;
        var files = ChartOptions.Guard(() => ReportWriter.Write(stagingDir, note.Language, cancellation: cancellation, times: times));
        foreach (var chart in files.Charts.Where(c => c.Files is null))
            console.Error.WriteLine($"{CliConsole.ProgramName}: warning: chart '{chart.Kind}' not drawn: {chart.MissingReason}");
        var html = Path.Combine(targetDir, Path.GetRelativePath(stagingDir, files.HtmlPath));
        var md = Path.Combine(targetDir, Path.GetRelativePath(stagingDir, files.MarkdownPath));
        console.Out.WriteLine($"note written: {html}, {md} ({files.Charts.Count(c => c.Files is not null)} of {files.Charts.Count} charts)");
        pdf?.Write(files.HtmlPath, cancellation, targetDir, times);
    }
}
