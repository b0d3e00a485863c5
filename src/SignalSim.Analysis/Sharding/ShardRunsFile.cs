// runs.json: the metrics of every run a shard finished (strategy × replication), written with
// every double in its shortest round-trip form, so that a merge rebuilds exactly the figures the
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
                JsonFields.WriteDouble(json, "vehicle_delay_h", run.Metrics.VehicleDelayH);
                json.WriteStartArray("modes");
                foreach (var (mode, m) in run.Metrics.Modes)
                {
                    json.WriteStartObject();
                    json.WriteString("mode", mode.Word());
                    json.WriteNumber("trips", m.Trips);
                    JsonFields.WriteDouble(json, "mean_travel_time_s", m.MeanTravelTimeS);
                    JsonFields.WriteDouble(json, "median_travel_time_s", m.MedianTravelTimeS);
                    JsonFields.WriteDouble(json, "p90_travel_time_s", m.P90TravelTimeS);
                    JsonFields.WriteDouble(json, "p95_travel_time_s", m.P95TravelTimeS);
                    JsonFields.WriteDouble(json, "mean_delay_s", m.MeanDelayS);
                    JsonFields.WriteDouble(json, "p90_delay_s", m.P90DelayS);
                    JsonFields.WriteDouble(json, "stops_per_trip", m.StopsPerTrip);
                    JsonFields.WriteDouble(json, "person_delay_h", m.PersonDelayH);
                    JsonFields.WriteDouble(json, "headway_cv", m.HeadwayCv);
                    json.WriteNumber("unfinished", m.Unfinished);
                    JsonFields.WriteDouble(json, "system_vehicle_h", m.SystemVehicleH);
                    JsonFields.WriteDouble(json, "system_person_h", m.SystemPersonH);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("lines");
                foreach (var (id, l) in run.Metrics.Lines)
                {
                    json.WriteStartObject();
                    json.WriteString("line", id);
                    json.WriteString("mode", l.Mode);
                    json.WriteNumber("trips", l.Trips);
                    JsonFields.WriteDouble(json, "mean_travel_time_s", l.MeanTravelTimeS);
                    JsonFields.WriteDouble(json, "headway_cv", l.HeadwayCv);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                if (run.Metrics.PriorityCentres is { } centres) WritePriorityCentres(json, centres);
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
                var modes = new SortedDictionary<ReportMode, ModeMetrics>();
                foreach (var m in JsonFields.Array(e, "modes", where))
                {
                    var word = JsonFields.String(m, "mode", where);
                    if (!Enum.TryParse<ReportMode>(word, ignoreCase: true, out var mode) || mode.Word() != word)
                        throw new ShardFileException($"{where}: unknown mode '{word}'; the shard is damaged or from another SignalSim version");
                    modes[mode] = new ModeMetrics(
                        JsonFields.Int(m, "trips", where),
                        JsonFields.NullableDouble(m, "mean_travel_time_s", where),
                        JsonFields.NullableDouble(m, "median_travel_time_s", where),
                        JsonFields.NullableDouble(m, "p90_travel_time_s", where),
                        JsonFields.NullableDouble(m, "p95_travel_time_s", where),
                        JsonFields.NullableDouble(m, "mean_delay_s", where),
                        JsonFields.NullableDouble(m, "p90_delay_s", where),
                        JsonFields.NullableDouble(m, "stops_per_trip", where),
                        JsonFields.Double(m, "person_delay_h", where),
                        JsonFields.NullableDouble(m, "headway_cv", where),
                        JsonFields.Int(m, "unfinished", where),
                        JsonFields.NullableDouble(m, "system_vehicle_h", where),
                        JsonFields.NullableDouble(m, "system_person_h", where));
                }
                // Lines in the order they were written: the model's, as the run's own dictionary.
                var lines = new Dictionary<string, LineMetrics>(StringComparer.Ordinal);
                foreach (var l in JsonFields.Array(e, "lines", where))
                {
                    lines[JsonFields.String(l, "line", where)] = new LineMetrics(JsonFields.String(l, "mode", where), JsonFields.Int(l, "trips", where),
                        JsonFields.NullableDouble(l, "mean_travel_time_s", where), JsonFields.NullableDouble(l, "headway_cv", where));
                }
                runs.Add(new ShardRun(strategy, replication, new RunMetrics(modes)
                {
                    VehicleDelayH = JsonFields.Double(e, "vehicle_delay_h", where),
                    Lines = lines,
                    PriorityCentres = e.TryGetProperty(PriorityCentresField, out _) ? ReadPriorityCentres(e, where) : null,
                }));
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

    private const string PriorityCentresField = "priority_centres";

    private static void WritePriorityCentres(Utf8JsonWriter json, IReadOnlyList<PriorityMessageCounts> centres)
    {
        json.WriteStartArray(PriorityCentresField);
        foreach (var c in centres)
        {
            json.WriteStartObject();
            json.WriteString("centre", c.Centre);
            json.WriteNumber("requests", c.Requests);
            json.WriteNumber("relayed", c.Relayed);
            json.WriteNumber("lost_on_link", c.LostOnLink);
            json.WriteNumber("granted", c.Granted);
            json.WriteNumber("served_in_time", c.ServedInTime);
            json.WriteNumber("wasted", c.Wasted);
            json.WriteNumber("open_at_end", c.OpenAtEnd);
            json.WriteNumber("rejected", c.Rejected);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The per-centre totals (Line null), in the order written: the scenario's centres.</summary>
    private static List<PriorityMessageCounts> ReadPriorityCentres(JsonElement run, string where)
    {
        var centres = new List<PriorityMessageCounts>();
        foreach (var c in JsonFields.Array(run, PriorityCentresField, where))
        {
            centres.Add(new PriorityMessageCounts(JsonFields.String(c, "centre", where), null,
                JsonFields.Int(c, "requests", where), JsonFields.Int(c, "relayed", where), JsonFields.Int(c, "lost_on_link", where),
                JsonFields.Int(c, "granted", where), JsonFields.Int(c, "served_in_time", where), JsonFields.Int(c, "wasted", where),
                JsonFields.Int(c, "open_at_end", where), JsonFields.Int(c, "rejected", where)));
        }
        return centres;
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
