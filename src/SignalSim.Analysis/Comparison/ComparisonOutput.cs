// Writes a comparison folder: one sub-folder per strategy with the files `run` writes, for
// replication 1, the scenario and comparison.json (how it was run), then comparison.csv and
// comparison.md. Each part goes through a staged folder, and comparison.md is committed last, so
// its presence marks a finished write.
using System.Text;
using System.Text.Json;
using SignalSim.Core.Engine;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;

namespace SignalSim.Analysis.Comparison;

public static class ComparisonOutput
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A folder name for a strategy id: characters a file system may refuse become '_'.</summary>
    public static string FolderName(string strategyId)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var name = new string(strategyId.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray());
        return name is "" or "." or ".." ? "_" + name : name;
    }

    /// <summary>Writes the run files of replication 1 of each strategy that has one, in strategy order (with the controller event log when asked).</summary>
    public static void WriteFirstRuns(string outDir, IReadOnlyList<(string StrategyId, SimulationResult Result)> runs, RunContext context, bool controllerEvents = false)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, result) in runs)
        {
            var name = FolderName(id);
            for (var n = 2; !used.Add(name); n++) name = $"{FolderName(id)}-{n}";
            RunOutputWriter.Write(result, context, Path.Combine(outDir, name), controllerEvents: controllerEvents);
        }
    }

    public const string MetadataFileName = "comparison.json";

    /// <summary>
    /// The scenario as given (strategies included) and comparison.json (replications, seeds,
    /// program version), so that the folder can be charted and reproduced on its own.
    /// </summary>
    public static void WriteStudyFiles(string outDir, ScenarioFile scenario, IReadOnlyList<ulong> seeds, string programVersion)
    {
        using var folder = StagedOutputFolder.Create(outDir);
        using (var stream = new FileStream(folder.PathFor(ScenarioJsonWriter.FileName), FileMode.CreateNew, FileAccess.Write))
        {
            ScenarioJsonWriter.Write(scenario, stream);
        }
        using (var stream = new FileStream(folder.PathFor(MetadataFileName), FileMode.CreateNew, FileAccess.Write))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("replications", seeds.Count);
            json.WriteStartArray("seeds");
            foreach (var seed in seeds) json.WriteNumberValue(seed);
            json.WriteEndArray();
            json.WriteString("program_version", programVersion);
            json.WriteEndObject();
        }
        folder.Commit([ScenarioJsonWriter.FileName, MetadataFileName]);
    }

    /// <summary>Writes the table as CSV and Markdown under the given names, the Markdown last.</summary>
    public static void WriteTables(string outDir, ComparisonTable table, StudyInfo info,
        string csvName = ComparisonCsvWriter.FileName, string mdName = ComparisonMarkdownWriter.FileName, string title = "Strategy comparison")
    {
        using var folder = StagedOutputFolder.Create(outDir);
        WriteText(folder.PathFor(csvName), w => ComparisonCsvWriter.Write(table, w));
        WriteText(folder.PathFor(mdName), w => ComparisonMarkdownWriter.Write(table, info, w, title));
        folder.Commit([csvName, mdName]);
    }

    internal static void WriteText(string path, Action<TextWriter> write)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16) { NewLine = "\n" };
        write(writer);
    }
}
