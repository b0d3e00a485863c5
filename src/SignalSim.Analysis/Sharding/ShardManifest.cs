// shard.json: what a shard folder holds and what merging checks before trusting it: which study
// it belongs to (scenario hash, program version, base seed and every seed, strategies, duration
// override), which shard it is (K of N) and which replications it ran, whether it finished, and
// the hash of its runs file, so a truncated or altered copy is caught.
using System.Text.Json;

namespace SignalSim.Analysis.Sharding;

/// <param name="Replications">Replications this shard ran, 1-based, ascending.</param>
/// <param name="Complete">True when every run of the shard finished; an interrupted shard says false.</param>
/// <param name="ScenarioSource">Name of the scenario file the study was started from, as the comparison tables quote it.</param>
/// <param name="ScenarioSha256">SHA-256 of the shard's scenario.json (the scenario as loaded, strategies included).</param>
/// <param name="Seeds">Seed of every replication of the whole study, not only this shard's.</param>
/// <param name="Strategies">Strategy ids compared, in order, baseline included.</param>
/// <param name="DurationS">The --duration override, or null for the scenario's own.</param>
/// <param name="RunsCompleted">Runs (strategy × replication) in the runs file.</param>
/// <param name="RunsSha256">SHA-256 of the runs file.</param>
public sealed record ShardManifest(
    ShardSpec Shard,
    IReadOnlyList<int> Replications,
    bool Complete,
    string ScenarioSource,
    string ScenarioSha256,
    string ProgramVersion,
    ulong BaseSeed,
    IReadOnlyList<ulong> Seeds,
    IReadOnlyList<string> Strategies,
    double? DurationS,
    int RunsCompleted,
    string RunsSha256)
{
    public const string FileName = "shard.json";

    public const string Format = "signalsim-shard/1";

    /// <summary>Runs the shard owes: every strategy of each of its replications.</summary>
    public int RunsExpected => Replications.Count * Strategies.Count;

    /// <summary>Replication 1's run files (and the replay) are in this shard's folder.</summary>
    public bool OwnsFirstReplication => Replications.Count > 0 && Replications[0] == 1;

    public void Write(string path)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteBoolean("complete", Complete);
        json.WriteNumber("shard", Shard.Index);
        json.WriteNumber("shards", Shard.Count);
        json.WriteStartArray("replications");
        foreach (var r in Replications) json.WriteNumberValue(r);
        json.WriteEndArray();
        json.WriteNumber("runs_completed", RunsCompleted);
        json.WriteNumber("runs_expected", RunsExpected);
        json.WriteString("runs_sha256", RunsSha256);
        json.WriteString("scenario_source", ScenarioSource);
        json.WriteString("scenario_sha256", ScenarioSha256);
        json.WriteString("program_version", ProgramVersion);
        json.WriteNumber("base_seed", BaseSeed);
        json.WriteStartArray("seeds");
        foreach (var s in Seeds) json.WriteNumberValue(s);
        json.WriteEndArray();
        json.WriteStartArray("strategies");
        foreach (var s in Strategies) json.WriteStringValue(s);
        json.WriteEndArray();
        if (DurationS is { } d) json.WriteNumber("duration_s", d);
        else json.WriteNull("duration_s");
        json.WriteEndObject();
    }

    /// <summary>Reads a shard.json; <paramref name="shardFolder"/> is the user's name for the folder, for messages.</summary>
    /// <exception cref="ShardFileException">Unreadable, not JSON, or a field missing or of the wrong kind.</exception>
    public static ShardManifest Read(string path, string shardFolder)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ShardFileException($"'{shardFolder}': cannot read {FileName}: {e.Message}");
        }
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            var where = $"'{shardFolder}/{FileName}'";
            if (root.ValueKind != JsonValueKind.Object) throw new ShardFileException($"{where} is not a shard manifest (not a JSON object)");
            if (JsonFields.String(root, "format", where) != Format)
                throw new ShardFileException($"{where} is not a shard manifest of this SignalSim ('format' is not \"{Format}\"); run the shard again with this version");
            var shard = new ShardSpec(JsonFields.Int(root, "shard", where), JsonFields.Int(root, "shards", where));
            return new ShardManifest(
                shard,
                JsonFields.Array(root, "replications", where).Select(e => JsonFields.Int(e, "replications", where)).ToArray(),
                JsonFields.Bool(root, "complete", where),
                JsonFields.String(root, "scenario_source", where),
                JsonFields.String(root, "scenario_sha256", where),
                JsonFields.String(root, "program_version", where),
                JsonFields.ULong(root, "base_seed", where),
                JsonFields.Array(root, "seeds", where).Select(e => JsonFields.ULong(e, "seeds", where)).ToArray(),
                JsonFields.Array(root, "strategies", where).Select(e => JsonFields.AsString(e, "strategies", where)).ToArray(),
                JsonFields.NullableDouble(root, "duration_s", where),
                JsonFields.Int(root, "runs_completed", where),
                JsonFields.String(root, "runs_sha256", where));
        }
        catch (JsonException e)
        {
            throw new ShardFileException($"'{shardFolder}/{FileName}': line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: not valid JSON ({FirstSentence(e.Message)}); the shard is truncated or damaged: run it again");
        }
    }

    private static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.');
}
