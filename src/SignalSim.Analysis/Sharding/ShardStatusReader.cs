// `merge --status`: for each shard folder given, whether it is done, interrupted, running or
// missing, and which shards of the split no folder holds, so a sweep can be watched and the
// missing shards re-run (a re-run shard writes only its own folder).
using SignalSim.Core.Output;

namespace SignalSim.Analysis.Sharding;

public enum ShardState { Done, Running, Interrupted, Missing, NotAShard }

/// <param name="Folder">The user's path, or null for a shard of the split that no given folder holds.</param>
/// <param name="Shard">Which shard, when known.</param>
public sealed record ShardStatusLine(string? Folder, ShardSpec? Shard, ShardState State, string Detail);

public static class ShardStatusReader
{
    /// <summary>The live progress of a shard being written to <paramref name="folder"/>, or null.</summary>
    public static ShardProgress? Running(string folder) =>
        ShardProgressFile.StagingFoldersOf(folder).Select(ShardProgressFile.Read).FirstOrDefault(p => p is not null && p.MayBeAlive);

    public static IReadOnlyList<ShardStatusLine> Read(IReadOnlyList<string> folders)
    {
        var lines = new List<ShardStatusLine>();
        var seen = new HashSet<int>();
        int? count = null;
        foreach (var folder in folders)
        {
            var line = One(folder);
            lines.Add(line);
            if (line.Shard is { } s)
            {
                seen.Add(s.Index);
                count ??= s.Count;
            }
        }
        if (count is { } n)
        {
            for (var k = 1; k <= n; k++)
            {
                if (!seen.Contains(k)) lines.Add(new ShardStatusLine(null, new ShardSpec(k, n), ShardState.Missing, "no folder given holds it"));
            }
        }
        return lines;
    }

    private static ShardStatusLine One(string folder)
    {
        var dir = Path.GetFullPath(folder);
        var running = Running(folder);
        var manifestPath = Path.Combine(dir, ShardManifest.FileName);
        ShardManifest? manifest = null;
        string? damage = null;
        if (File.Exists(manifestPath))
        {
            try
            {
                manifest = ShardManifest.Read(manifestPath, folder);
            }
            catch (ShardFileException e)
            {
                damage = e.Message;
            }
        }
        if (running is not null)
        {
            var age = DateTimeOffset.UtcNow - running.UpdatedUtc;
            var again = manifest is { Complete: true } ? "; re-running over a finished result" : "";
            return new ShardStatusLine(folder, running.Shard, ShardState.Running,
                FormattableString.Invariant($"{running.RunsDone} of {running.RunsTotal} runs, on {running.Host} (pid {running.ProcessId}), last run finished {Seconds(age)} ago{again}"));
        }
        if (manifest is not null)
        {
            var what = ShardMerger.ReplicationWords(manifest.Replications.Select(r => r - 1).ToList());
            return manifest.Complete
                ? new ShardStatusLine(folder, manifest.Shard, ShardState.Done, $"{what}, {manifest.RunsCompleted} runs")
                : new ShardStatusLine(folder, manifest.Shard, ShardState.Interrupted, $"{what}: stopped after {manifest.RunsCompleted} of {manifest.RunsExpected} runs; run it again");
        }
        if (damage is not null) return new ShardStatusLine(folder, null, ShardState.NotAShard, damage);
        var stale = ShardProgressFile.StagingFoldersOf(folder).Select(ShardProgressFile.Read).FirstOrDefault(p => p is not null);
        if (stale is not null)
            return new ShardStatusLine(folder, stale.Shard, ShardState.Missing, $"a run on {stale.Host} (pid {stale.ProcessId}) stopped without finishing; run it again");
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any(e => Path.GetFileName(e) != OutputManifest.FileName))
            return new ShardStatusLine(folder, null, ShardState.NotAShard, $"not a shard folder (no {ShardManifest.FileName})");
        return new ShardStatusLine(folder, null, ShardState.Missing, "not started (no such folder)");
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds < 120 ? $"{Math.Max(0, t.TotalSeconds):0} s" : $"{t.TotalMinutes:0} min";
}
