// DIR/batch-<b>/shard-<K>.json: the runs shard K made of batch b of a sharded search, for the
// other shards to read. It states which search it belongs to (ExchangeIdentity), the number of
// shards, the shard, the batch, the batch's strategies and seeds, and each run's metrics in
// round-trip form (RunMetricsJson). It is written under a temporary name in the same folder and
// renamed, so a reader sees either no file or the whole of it.
using System.Text.Json;
using SignalSim.Analysis.Metrics;

namespace SignalSim.Analysis.Sharding;

/// <param name="Strategies">Ids of the batch's strategies (the candidates' timing keys), in the batch's order.</param>
/// <param name="Seeds">Seeds of the batch's replications, in order.</param>
public sealed record ExchangeBatch(int Number, IReadOnlyList<string> Strategies, IReadOnlyList<ulong> Seeds);

public static class BatchExchangeFile
{
    public const string Format = "signalsim-optimize-exchange/1";

    /// <summary>DIR/batch-b/shard-K.json.</summary>
    public static string PathOf(string directory, int batch, int shard) =>
        Path.Combine(directory, FolderOf(batch), $"shard-{shard}.json");

    public static string FolderOf(int batch) => $"batch-{batch}";

    /// <param name="runs">The shard's runs of the batch (ShardRun.Replication 1-based).</param>
    /// <param name="interrupted">The shard was stopped before finishing its share: the others cannot go on.</param>
    public static void Write(string path, ExchangeIdentity identity, ShardSpec shard, ExchangeBatch batch, IEnumerable<ShardRun> runs, bool interrupted)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        // Unique to this process, so that two processes wrongly given the same shard never share a temporary file.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("format", Format);
                json.WriteString("scenario_sha256", identity.ScenarioSha256);
                json.WriteString("version", identity.Version);
                json.WriteNumber("base_seed", identity.BaseSeed);
                json.WriteString("search", identity.Search);
                json.WriteNumber("shards", shard.Count);
                json.WriteNumber("shard", shard.Index);
                json.WriteNumber("batch", batch.Number);
                json.WriteBoolean("interrupted", interrupted);
                json.WriteStartArray("strategies");
                foreach (var id in batch.Strategies) json.WriteStringValue(id);
                json.WriteEndArray();
                json.WriteStartArray("seeds");
                foreach (var seed in batch.Seeds) json.WriteNumberValue(seed);
                json.WriteEndArray();
                json.WriteStartArray("runs");
                foreach (var run in runs)
                {
                    json.WriteStartObject();
                    json.WriteString("strategy", batch.Strategies[run.Strategy]);
                    json.WriteNumber("replication", run.Replication);
                    RunMetricsJson.WriteFields(json, run.Metrics);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Reads a peer's file of the batch and checks that it belongs to this search, shard and batch.</summary>
    /// <param name="shown">The file's path as the user gave the folder, for messages.</param>
    /// <param name="expected">The runs the shard owns in the batch (strategy and replication 0-based); the file must hold exactly these.</param>
    /// <exception cref="ShardFileException">From another search, another split or batch, interrupted, or damaged.</exception>
    public static RunMetrics[,] Read(string path, string shown, ExchangeIdentity identity, ShardSpec shard, ExchangeBatch batch,
        IReadOnlyCollection<(int Strategy, int Replication)> expected)
    {
        var where = $"'{shown}'";
        const string Again = "give every search its own empty --exchange folder and run all its shards with the same scenario, options and executable";
        var metrics = new RunMetrics[batch.Strategies.Count, batch.Seeds.Count];
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (JsonFields.String(root, "format", where) is var format && format != Format)
                throw new ShardFileException($"{where} is not an exchange file of this SignalSim version (format '{format}', expected '{Format}'); {Again}");
            var theirs = new ExchangeIdentity(JsonFields.String(root, "scenario_sha256", where), JsonFields.String(root, "version", where),
                JsonFields.ULong(root, "base_seed", where), JsonFields.String(root, "search", where));
            if (identity.Difference(theirs) is { } difference)
                throw new ShardFileException($"{where} is from another search: {difference}; {Again}");
            var shards = JsonFields.Int(root, "shards", where);
            if (shards != shard.Count)
                throw new ShardFileException($"{where} is from a search split into {shards} shards, not {shard.Count}; {Again}");
            if (JsonFields.Int(root, "shard", where) is var k && k != shard.Index)
                throw new ShardFileException($"{where} holds the runs of shard {k}, not of {shard.Words}; the file was copied or renamed: {Again}");
            if (JsonFields.Int(root, "batch", where) is var b && b != batch.Number)
                throw new ShardFileException($"{where} holds batch {b}, not {batch.Number}; the file was copied or renamed: {Again}");
            if (JsonFields.Bool(root, "interrupted", where))
                throw new ShardFileException($"{where}: {shard.Words} was stopped (Ctrl+C or termination) at batch {batch.Number}, and the search cannot go on without its runs; run all {shard.Count} shards again, with a new or emptied --exchange folder");
            var strategies = JsonFields.Array(root, "strategies", where).Select(e => JsonFields.AsString(e, "strategies", where)).ToList();
            var seeds = JsonFields.Array(root, "seeds", where).Select(e => JsonFields.ULong(e, "seeds", where)).ToList();
            if (!strategies.SequenceEqual(batch.Strategies, StringComparer.Ordinal) || !seeds.SequenceEqual(batch.Seeds))
                throw new ShardFileException($"{where}: batch {batch.Number} of {shard.Words} ran other candidates or seeds than this shard's batch {batch.Number}: the shards are not running the same search; {Again}");
            var left = new HashSet<(int, int)>(expected);
            foreach (var e in JsonFields.Array(root, "runs", where))
            {
                var id = JsonFields.String(e, "strategy", where);
                var s = strategies.IndexOf(id);
                var replication = JsonFields.Int(e, "replication", where);
                if (s < 0 || !left.Remove((s, replication - 1)))
                    throw new ShardFileException($"{where}: a run of candidate '{id}', replication {replication}, is not {shard.Words}'s in batch {batch.Number}, or appears twice; the file is damaged: run all {shard.Count} shards again");
                metrics[s, replication - 1] = RunMetricsJson.Read(e, where);
            }
            if (left.Count > 0)
                throw new ShardFileException($"{where} lacks {left.Count} of {shard.Words}'s runs of batch {batch.Number}; the file is damaged: run all {shard.Count} shards again");
        }
        catch (JsonException e)
        {
            throw new ShardFileException($"{where}: line {(e.LineNumber ?? 0) + 1}: not valid JSON; the file is damaged: run all {shard.Count} shards again");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ShardFileException($"{where}: cannot read: {e.Message}");
        }
        return metrics;
    }
}
