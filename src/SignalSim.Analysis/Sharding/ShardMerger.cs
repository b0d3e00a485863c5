// Gathers the shards of a sharded comparison back into the study an unsharded `compare` would
// have run: checks that every shard is there once, finished, intact and of the same study
// (scenario, program version, seeds, strategies, duration), then puts each run's metrics in its
// strategy × replication slot. The tables are then computed exactly as for an unsharded run.
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Metrics;
using SignalSim.Analysis.Replications;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;

namespace SignalSim.Analysis.Sharding;

/// <param name="Loaded">The study's scenario, loaded from the shards' scenario.json under its original source name.</param>
/// <param name="Manifest">The manifest of the first shard (all agree on the study).</param>
/// <param name="FirstReplicationDir">The folder of the shard holding replication 1's run files.</param>
public sealed record MergedStudy(LoadedScenario Loaded, ShardManifest Manifest, IReadOnlyList<StrategyRun> Strategies, ReplicationResults Results,
    string FirstReplicationDir);

public static class ShardMerger
{
    /// <exception cref="ShardFileException">A shard is missing, duplicated, foreign, unfinished or truncated; the message names it.</exception>
    public static MergedStudy Merge(IReadOnlyList<string> shardFolders)
    {
        if (shardFolders.Count == 0) throw new ShardFileException("give the shard folders to merge");
        var shards = shardFolders.Select(Open).ToList();
        var reference = shards[0];
        foreach (var s in shards.Skip(1)) CheckSameStudy(reference, s);

        var n = reference.Manifest.Shard.Count;
        var replications = reference.Manifest.Seeds.Count;
        var byIndex = new Dictionary<int, OpenShard>();
        foreach (var s in shards)
        {
            if (byIndex.TryGetValue(s.Manifest.Shard.Index, out var other))
                throw new ShardFileException($"'{other.Folder}' and '{s.Folder}' are both {s.Manifest.Shard.Words} (duplicated); give each shard once");
            byIndex[s.Manifest.Shard.Index] = s;
        }
        for (var k = 1; k <= n; k++)
        {
            if (byIndex.ContainsKey(k)) continue;
            var spec = new ShardSpec(k, n);
            throw new ShardFileException($"{spec.Words} ({ReplicationWords(spec.Replications(replications))}) is missing: none of the given folders holds it; run it with --shard {spec} and give its folder");
        }

        var strategyIds = reference.Manifest.Strategies;
        var loaded = ScenarioLoader.Load(reference.ScenarioBytes, reference.Manifest.ScenarioSource);
        IReadOnlyList<StrategyRun> strategies;
        try
        {
            strategies = StrategyRun.Select(loaded.Scenario, strategyIds.ToList());
        }
        catch (StudyInputException e)
        {
            throw new ShardFileException($"'{reference.Folder}': its strategies do not match its scenario.json ({e.Message}); the shard is damaged: run it again");
        }
        if (!strategies.Select(s => s.Id).SequenceEqual(strategyIds))
            throw new ShardFileException($"'{reference.Folder}': its strategies do not match its scenario.json; the shard is damaged: run it again");

        var metrics = new RunMetrics?[strategyIds.Count, replications];
        foreach (var s in byIndex.Values.OrderBy(s => s.Manifest.Shard.Index))
        {
            foreach (var run in ShardRunsFile.Read(s.Dir, s.Folder, s.Manifest)) metrics[run.Strategy, run.Replication - 1] = run.Metrics;
            foreach (var r in s.Manifest.Replications)
            {
                for (var i = 0; i < strategyIds.Count; i++)
                {
                    if (metrics[i, r - 1] is null)
                        throw new ShardFileException($"'{s.Folder}' ({s.Manifest.Shard.Words}) is truncated: no metrics for strategy '{strategyIds[i]}', replication {r}; run the shard again");
                }
            }
        }

        var first = byIndex[1];
        var missing = ComparisonOutput.FolderNames(strategyIds).FirstOrDefault(f => !File.Exists(Path.Combine(first.Dir, f, RunOutputWriter.FileNames[^1])));
        if (missing is not null)
            throw new ShardFileException($"'{first.Folder}' ({first.Manifest.Shard.Words}) is truncated: replication 1's files of '{missing}' are missing; run the shard again");
        var results = new ReplicationResults(strategies, reference.Manifest.Seeds, metrics, cancelled: false);
        return new MergedStudy(loaded, reference.Manifest, strategies, results, first.Dir);
    }

    /// <summary>"replications 6–8", "replication 3".</summary>
    public static string ReplicationWords(IReadOnlyList<int> zeroBased) => zeroBased.Count switch
    {
        0 => "no replication",
        1 => $"replication {zeroBased[0] + 1}",
        _ => $"replications {zeroBased[0] + 1}–{zeroBased[^1] + 1}",
    };

    private sealed record OpenShard(string Folder, string Dir, ShardManifest Manifest, byte[] ScenarioBytes);

    private static OpenShard Open(string folder)
    {
        var dir = Path.GetFullPath(folder);
        if (!Directory.Exists(dir))
        {
            if (ShardStatusReader.Running(folder) is { } progress)
                throw new ShardFileException($"'{folder}' ({progress.Shard.Words}) is still running ({progress.RunsDone} of {progress.RunsTotal} runs); wait for it to finish (merge --status shows progress)");
            throw new ShardFileException($"'{folder}' does not exist: that shard is missing; run it, or check the path");
        }
        var manifestPath = Path.Combine(dir, ShardManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            var hint = File.Exists(Path.Combine(dir, ComparisonCsvWriter.FileName)) ? " (it holds a comparison, not a shard of one)" : "";
            throw new ShardFileException($"'{folder}' is not a shard folder: it has no {ShardManifest.FileName}{hint}; give the --out folders of `compare --shard K/N`");
        }
        var manifest = ShardManifest.Read(manifestPath, folder);
        if (!manifest.Complete)
            throw new ShardFileException($"'{folder}' ({manifest.Shard.Words}) is truncated: it was interrupted after {manifest.RunsCompleted} of {manifest.RunsExpected} runs; run the shard again");
        if (manifest.Shard.FindProblem(manifest.Seeds.Count) is { } problem)
            throw new ShardFileException($"'{folder}/{ShardManifest.FileName}': {problem}; the shard is damaged: run it again");
        var expected = manifest.Shard.Replications(manifest.Seeds.Count).Select(r => r + 1);
        if (!manifest.Replications.SequenceEqual(expected))
            throw new ShardFileException($"'{folder}' ({manifest.Shard.Words}): its replications are not those of {manifest.Shard.Words}; the shard is damaged: run it again");
        var scenarioPath = Path.Combine(dir, ScenarioJsonWriter.FileName);
        if (!File.Exists(scenarioPath))
            throw new ShardFileException($"'{folder}' ({manifest.Shard.Words}) is truncated: {ScenarioJsonWriter.FileName} is missing; run the shard again");
        var bytes = File.ReadAllBytes(scenarioPath);
        if (ScenarioHash.Of(bytes) != manifest.ScenarioSha256)
            throw new ShardFileException($"'{folder}' ({manifest.Shard.Words}) is truncated or altered: {ScenarioJsonWriter.FileName} does not match the hash in {ShardManifest.FileName}; run the shard again");
        return new OpenShard(folder, dir, manifest, bytes);
    }

    /// <summary>Every shard must come from the same study as the first one given.</summary>
    private static void CheckSameStudy(OpenShard a, OpenShard b)
    {
        var (x, y) = (a.Manifest, b.Manifest);
        string? difference = null;
        if (x.ScenarioSha256 != y.ScenarioSha256) difference = $"another scenario (scenario.json {Short(y.ScenarioSha256)} vs {Short(x.ScenarioSha256)})";
        else if (x.ProgramVersion != y.ProgramVersion) difference = $"another SignalSim version ({y.ProgramVersion} vs {x.ProgramVersion})";
        else if (x.BaseSeed != y.BaseSeed || !x.Seeds.SequenceEqual(y.Seeds))
            difference = x.Seeds.Count != y.Seeds.Count
                ? $"another number of replications ({y.Seeds.Count} vs {x.Seeds.Count})"
                : $"other seeds (base seed {y.BaseSeed} vs {x.BaseSeed})";
        else if (x.Shard.Count != y.Shard.Count) difference = $"another split ({y.Shard.Count} shards vs {x.Shard.Count})";
        else if (!x.Strategies.SequenceEqual(y.Strategies)) difference = $"other strategies ({string.Join(", ", y.Strategies)} vs {string.Join(", ", x.Strategies)})";
        else if (x.DurationS != y.DurationS) difference = $"another duration ({Duration(y.DurationS)} vs {Duration(x.DurationS)})";
        else if (x.ScenarioSource != y.ScenarioSource) difference = $"another scenario source ('{y.ScenarioSource}' vs '{x.ScenarioSource}')";
        if (difference is not null)
            throw new ShardFileException($"'{b.Folder}' ({y.Shard.Words}) is foreign: it is from {difference} than '{a.Folder}'; merge only the shards of one study");
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;

    private static string Duration(double? s) => s is { } v ? FormattableString.Invariant($"--duration {v} s") : "the scenario's duration";
}
