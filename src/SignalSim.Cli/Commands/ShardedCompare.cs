// `compare --shard K/N`: runs the shard's whole replications (every strategy of each, on the
// study's common random numbers) and writes what `signalsim merge` needs into the shard's own
// folder: runs.json (per-run metrics), scenario.json, shard.json (which study, which shard,
// finished or not), and, in the shard that owns replication 1, each strategy's run files, the
// half-step runs of the note's step-size check (step_check.csv) and the replay. The folder is staged like any result; while it runs, shard.running in the staging
// folder tells `merge --status` how far it got.
using System.Diagnostics;
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Replications;
using SignalSim.Analysis.Sharding;
using SignalSim.Charts.Replay;
using SignalSim.Core;
using SignalSim.Core.Model;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;

namespace SignalSim.Cli.Commands;

/// <param name="Replay">The strategies replayed in replay.html, written by the shard owning replication 1 when <paramref name="Note"/> is asked for.</param>
internal sealed record ShardedStudy(string OutDir, string? ScenarioPath, LoadedScenario Loaded, IReadOnlyList<StrategyRun> Strategies, IReadOnlyList<string> FolderNames,
    ulong BaseSeed, int Replications, int Threads, double? DurationS, IReadOnlyList<StrategyRun> Replay, bool ControllerEvents, NoteRequest? Note,
    RecordingOptions FirstReplicationRecording);

internal static class ShardedCompare
{
    /// <summary>Top-level names of a shard folder besides the strategy folders.</summary>
    public static readonly IReadOnlyList<string> TopLevelFileNames =
        [ScenarioJsonWriter.FileName, ShardRunsFile.FileName, ShardManifest.FileName, ReplayWriter.FileName, StepSizeCheck.FileName];

    public static int Run(CliConsole console, ShardSpec shard, ShardedStudy study, StageTimes? times, CancellationToken cancellation)
    {
        if (shard.FindProblem(study.Replications) is { } problem) throw new InvalidInputException($"{CliConsole.ProgramName}: error: --shard {shard}: {problem}");
        string[] topLevel = [.. study.FolderNames, .. TopLevelFileNames];
        if (OwnedOutputFolder.FindProblem(study.OutDir, topLevel, [study.ScenarioPath]) is { } conflict)
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: {conflict}");
        var owned = shard.Replications(study.Replications);
        var seeds = ReplicationSeeds.Seeds(study.BaseSeed, study.Replications);
        // The note's step-size check: the half-step runs, in the shard owning replication 1, on its workers.
        var halfStepRuns = study.Note is not null && owned.Count > 0 && owned[0] == 0 ? StepSizeCheck.HalfStepRuns(study.Strategies, seeds) : null;
        var request = new ReplicationRequest(study.Strategies, seeds, study.DurationS, study.Threads, study.FirstReplicationRecording, owned, halfStepRuns);
        var scenario = study.Loaded.Scenario;
        var context = new RunContext(study.Loaded.SourceName, SignalSimApp.Version, study.Loaded.Warnings.Select(w => w.Format(study.Loaded.SourceName)).ToList());
        var runsTotal = owned.Count * study.Strategies.Count;
        console.Error.WriteLine($"{CliConsole.ProgramName}: {shard.Words}: {ShardMerger.ReplicationWords(owned)} of {study.Replications}, {runsTotal} runs");

        using var folder = RunCommand.CreateFolder(study.OutDir);
        var running = new ShardProgressFile(folder.StagingPath, shard, runsTotal);
        running.Update(0);
        var progress = new ProgressDisplay(console, "compare");
        var clock = Stopwatch.StartNew();
        var results = StageTimes.Measure(times, "runs total", () => ReplicationRunner.Run(request, p =>
        {
            progress.Report(p);
            running.Update(p.Done);
        }, (s, k, result) =>
        {
            if (k == 0) RunOutputWriter.Write(result, context, Path.Combine(folder.StagingPath, study.FolderNames[s]), controllerEvents: study.ControllerEvents);
        }, cancellation));
        progress.Finish();
        if (results.CompletedRuns == 0)
        {
            console.Report("cancelled", "stopped before any run finished; nothing was written");
            return ExitCodes.Cancelled;
        }

        var complete = results.CompletedRuns == runsTotal;
        try
        {
            StageTimes.Measure(times, "writing", () => WriteShardFiles(folder.StagingPath, shard, owned, study, scenario, seeds, results, complete));
            // The half-step runs of the note's step-size check, for `merge` to set against the study's baseline runs.
            if (complete && halfStepRuns is not null && StepSizeCheck.HalfStepRows(halfStepRuns, results.ExtraMetrics) is { Count: > 0 } halfStep)
                StepSizeCheck.Write(Path.Combine(folder.StagingPath, StepSizeCheck.FileName), halfStep);
            if (complete && study.Note is { } note && owned[0] == 0)
                ComparisonWriting.WriteReplay(console, folder.StagingPath, folder.TargetPath, scenario, study.Replay, seeds[0], study.DurationS ?? scenario.Simulation.DurationS, note.Language, cancellation, times);
            running.Remove();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: cannot write to '{study.OutDir}': {e.Message}");
        }
        RunCommand.CommitFolder(folder, study.OutDir);
        console.Out.WriteLine(FormattableString.Invariant(
            $"{shard.Words}: {study.Strategies.Count} strategies × {owned.Count} replications ({ShardMerger.ReplicationWords(owned)} of {study.Replications}) = {results.CompletedRuns} runs in {clock.Elapsed.TotalSeconds:0.0} s"));
        console.Out.WriteLine($"shard written: {folder.TargetPath} ({ShardManifest.FileName}, {ShardRunsFile.FileName}{(owned[0] == 0 ? ", replication 1's files" : "")}); when every shard is done: {CliConsole.ProgramName} merge SHARD_DIR... --out DIR");
        TimingsReport.Write(console, CompareCommand.Name, times);
        if (complete) return ExitCodes.Ok;
        console.Report("cancelled", $"stopped after {results.CompletedRuns} of {runsTotal} runs; the shard is written marked as incomplete (merge refuses it): run it again");
        return ExitCodes.Cancelled;
    }

    private static void WriteShardFiles(string dir, ShardSpec shard, IReadOnlyList<int> owned, ShardedStudy study, ScenarioFile scenario, IReadOnlyList<ulong> seeds,
        ReplicationResults results, bool complete)
    {
        var scenarioBytes = ScenarioHash.Bytes(scenario);
        File.WriteAllBytes(Path.Combine(dir, ScenarioJsonWriter.FileName), scenarioBytes);
        var runs = new List<ShardRun>();
        foreach (var k in owned)
        {
            for (var s = 0; s < study.Strategies.Count; s++)
            {
                if (results.Metrics(s, k) is { } m) runs.Add(new ShardRun(s, k + 1, m));
            }
        }
        var ids = study.Strategies.Select(s => s.Id).ToList();
        var runsHash = ShardRunsFile.Write(Path.Combine(dir, ShardRunsFile.FileName), ids, runs);
        new ShardManifest(shard, owned.Select(k => k + 1).ToArray(), complete, study.Loaded.SourceName, ScenarioHash.Of(scenarioBytes), SignalSimApp.Version,
            study.BaseSeed, seeds, ids, study.DurationS, runs.Count, runsHash).Write(Path.Combine(dir, ShardManifest.FileName));
    }
}
