// shard.running: written in a shard's staging folder while it runs and rewritten after each
// finished run, so `merge --status` can tell a running shard from a missing one. It never
// reaches the finished folder. A shard killed without clean-up leaves it behind; on the same host
// its process id tells that apart from a live one.
using System.Diagnostics;
using System.Text.Json;

namespace SignalSim.Analysis.Sharding;

public sealed record ShardProgress(ShardSpec Shard, string Host, int ProcessId, DateTimeOffset StartedUtc, DateTimeOffset UpdatedUtc, int RunsDone, int RunsTotal)
{
    /// <summary>False only when the process is known to be gone: same host, and no process with that id.</summary>
    public bool MayBeAlive
    {
        get
        {
            if (!string.Equals(Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase)) return true;
            try
            {
                using var process = Process.GetProcessById(ProcessId);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }
}

public sealed class ShardProgressFile(string stagingDir, ShardSpec shard, int runsTotal)
{
    public const string FileName = "shard.running";

    private readonly Lock _gate = new();
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    public string Path => System.IO.Path.Combine(stagingDir, FileName);

    /// <summary>Rewrites the file (through a temporary, so a reader never sees half of it).</summary>
    public void Update(int runsDone)
    {
        lock (_gate)
        {
            var temporary = Path + ".new";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteNumber("shard", shard.Index);
                json.WriteNumber("shards", shard.Count);
                json.WriteString("host", Environment.MachineName);
                json.WriteNumber("pid", Environment.ProcessId);
                json.WriteString("started_utc", _started);
                json.WriteString("updated_utc", DateTimeOffset.UtcNow);
                json.WriteNumber("runs_done", runsDone);
                json.WriteNumber("runs_total", runsTotal);
                json.WriteEndObject();
            }
            File.Move(temporary, Path, overwrite: true);
        }
    }

    public void Remove()
    {
        lock (_gate) File.Delete(Path);
    }

    /// <summary>The progress in a staging folder, or null when it has none or it cannot be read.</summary>
    public static ShardProgress? Read(string stagingDir)
    {
        var path = System.IO.Path.Combine(stagingDir, FileName);
        try
        {
            if (!File.Exists(path)) return null;
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var r = doc.RootElement;
            const string where = FileName;
            return new ShardProgress(new ShardSpec(JsonFields.Int(r, "shard", where), JsonFields.Int(r, "shards", where)),
                JsonFields.String(r, "host", where), JsonFields.Int(r, "pid", where),
                r.GetProperty("started_utc").GetDateTimeOffset(), r.GetProperty("updated_utc").GetDateTimeOffset(),
                JsonFields.Int(r, "runs_done", where), JsonFields.Int(r, "runs_total", where));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ShardFileException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Staging folders of a target folder (hidden siblings named after it), newest first.</summary>
    public static IEnumerable<string> StagingFoldersOf(string targetDir)
    {
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(targetDir));
        var parent = System.IO.Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent)) return [];
        return Directory.EnumerateDirectories(parent, $".{System.IO.Path.GetFileName(full)}.partial-*")
            .OrderByDescending(Directory.GetLastWriteTimeUtc);
    }
}
