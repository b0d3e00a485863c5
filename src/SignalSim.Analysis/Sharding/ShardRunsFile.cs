// runs.json: the metrics of every run a shard finished (strategy × replication), written with
// every double in its shortest round-trip form (RunMetricsJson), so that a merge rebuilds exactly the figures the
// unsharded comparison computes from memory, and the merged tables are the same to the byte.
// Each run also carries what became of its priority requests per centre (summary.json's
// priority_messages), from which the merge writes priority_messages.csv as `compare` does; a
// run without that list (a shard of an earlier version) leaves the merged study without it.
using System.Security.Cryptography;
using System.Text.Json;
using SignalSim.Analysis.Metrics;
using SignalSim.Core.Output;

namespace SignalSim.Analysis.Sharding;

/// <param name="Strategy">Index in the manifest's strategy list.</param>
/// <param name="Replication">1-based.</param>
public sealed record ShardRun(int Strategy, int Replication, RunMetrics Metrics);

public static class ShardRunsFile
{
    public const string FileName = "runs.json";

    public const string Format = "signalsim-shard-runs/1";

    /// <summary>Writes the runs and returns the file's SHA-256 (lower-case hex) for the manifest.</summary>
    public static string Write(string path, IReadOnlyList<string> strategies, IEnumerable<ShardRun> runs)
    {
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteStartArray("runs");
            foreach (var run in runs)
            {
                json.WriteStartObject();
                json.WriteString("strategy", strategies[run.Strategy]);
                json.WriteNumber("replication", run.Replication);
                RunMetricsJson.WriteFields(json, run.Metrics);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Sha256(path);
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Reads the runs of a shard whose manifest has been read; checks the hash and the count first.</summary>
    /// <exception cref="ShardFileException">Missing, truncated, altered, or runs that do not belong to the shard.</exception>
    public static IReadOnlyList<ShardRun> Read(string shardDir, string shardFolder, ShardManifest manifest)
    {
        var path = Path.Combine(shardDir, FileName);
        var where = $"'{shardFolder}/{FileName}'";
        if (!File.Exists(path)) throw new ShardFileException($"'{shardFolder}' ({manifest.Shard.Words}) is truncated: {FileName} is missing; run the shard again");
        string hash;
        try
        {
            hash = Sha256(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ShardFileException($"{where}: cannot read: {e.Message}");
        }
        if (hash != manifest.RunsSha256)
            throw new ShardFileException($"'{shardFolder}' ({manifest.Shard.Words}) is truncated or altered: {FileName} does not match the hash in {ShardManifest.FileName}; run the shard again");
        var runs = new List<ShardRun>();
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var e in JsonFields.Array(doc.RootElement, "runs", where))
            {
                var id = JsonFields.String(e, "strategy", where);
                var strategy = IndexOf(manifest.Strategies, id);
                var replication = JsonFields.Int(e, "replication", where);
                if (strategy < 0 || !manifest.Replications.Contains(replication))
                    throw new ShardFileException($"{where}: a run of strategy '{id}', replication {replication}, is not part of {manifest.Shard.Words}; the shard is damaged: run it again");
                runs.Add(new ShardRun(strategy, replication, RunMetricsJson.Read(e, where)));
            }
        }
        catch (JsonException e)
        {
            throw new ShardFileException($"{where}: line {(e.LineNumber ?? 0) + 1}: not valid JSON; the shard is truncated or damaged: run it again");
        }
        if (runs.Count != manifest.RunsCompleted)
            throw new ShardFileException($"'{shardFolder}' ({manifest.Shard.Words}) is truncated: {FileName} holds {runs.Count} runs, {ShardManifest.FileName} says {manifest.RunsCompleted}; run the shard again");
        return runs;
    }

    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id) return i;
        }
        return -1;
    }
}
