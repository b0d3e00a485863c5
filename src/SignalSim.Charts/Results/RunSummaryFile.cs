// summary.json as the note needs it: what ran, with which seed and program version. Only these
// fields are read, so the file may grow without breaking the note.
using System.Text.Json;

namespace SignalSim.Charts.Results;

public sealed record RunSummaryFile(string Scenario, string Source, string ProgramVersion, ulong Seed, double DurationS, double WarmupS, double StepS)
{
    public const string FileName = "summary.json";

    public static RunSummaryFile Read(string path)
    {
        if (!File.Exists(path)) throw ResultsFileException.Missing(path, "every run folder holds one; run the simulation again");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ResultsFileException(path, "expected a JSON object");
            return new RunSummaryFile(
                String(root, "scenario", path), String(root, "source", path), String(root, "program_version", path),
                Get(root, "seed", path).TryGetUInt64(out var seed) ? seed : throw new ResultsFileException(path, "'seed' is not a whole number"),
                Number(root, "duration_s", path), Number(root, "warmup_s", path), Number(root, "step_s", path));
        }
        catch (JsonException e)
        {
            throw new ResultsFileException(path, $"not valid JSON (line {e.LineNumber + 1}): {e.Message.Split(" Path:")[0]}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultsFileException(path, "cannot be read: " + e.Message);
        }
    }

    private static JsonElement Get(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out var value) ? value : throw new ResultsFileException(path, $"field '{name}' missing");

    private static string String(JsonElement root, string name, string path)
    {
        var value = Get(root, name, path);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new ResultsFileException(path, $"'{name}' is not a text");
    }

    private static double Number(JsonElement root, string name, string path)
    {
        var value = Get(root, name, path);
        return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new ResultsFileException(path, $"'{name}' is not a number");
    }
}
