// Writes a comparison folder: one sub-folder per strategy with the files `run` writes, for
// replication 1, the scenario and comparison.json (how it was run), then comparison.csv and
// comparison.md. Each part goes through a staged folder, and comparison.md is committed last, so
// its presence marks a finished write.
using System.Text;
using System.Text.Json;
using SignalSim.Analysis.Replications;
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

    /// <summary>The folder of each strategy, in order; ids that map to the same name get -2, -3, ...</summary>
    public static IReadOnlyList<string> FolderNames(IReadOnlyList<string> strategyIds)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var id in strategyIds)
        {
            var name = FolderName(id);
            for (var n = 2; !used.Add(name); n++) name = $"{FolderName(id)}-{n}";
            names.Add(name);
        }
        return names;
    }

    /// <summary>The files a comparison writes at the top of its folder, besides one folder per strategy.</summary>
    public static readonly IReadOnlyList<string> TopLevelFileNames =
        [ScenarioJsonWriter.FileName, MetadataFileName, ComparisonCsvWriter.FileName, ComparisonMarkdownWriter.FileName, LineComparison.CsvFileName, LineComparison.MarkdownFileName,
            PriorityMessageComparison.CsvFileName];

    public const string MetadataFileName = "comparison.json";

    /// <summary>
    /// The scenario as given (strategies included) and comparison.json (whether the study is
    /// partial, replications completed and requested, the seeds of those completed, program
    /// version), so that the folder can be charted and reproduced on its own. "partial" comes
    /// first, so that an interrupted study says so at the top of the file.
    /// </summary>
    public static void WriteStudyFiles(string outDir, ScenarioFile scenario, ReplicationResults results, string programVersion)
    {
        using var folder = StagedOutputFolder.Create(outDir);
        using (var stream = new FileStream(folder.PathFor(ScenarioJsonWriter.FileName), FileMode.CreateNew, FileAccess.Write))
        {
            ScenarioJsonWriter.Write(scenario, stream);
        }
        var completed = results.CompletedReplications;
        using (var stream = new FileStream(folder.PathFor(MetadataFileName), FileMode.CreateNew, FileAccess.Write))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("partial", results.Cancelled);
            json.WriteNumber("replications", completed);
            json.WriteNumber("replications_requested", results.Seeds.Count);
            json.WriteNumber("runs_completed", results.CompletedRuns);
            json.WriteNumber("runs_requested", results.TotalRuns);
            json.WriteStartArray("seeds");
            foreach (var seed in results.Seeds.Take(results.Cancelled ? completed : results.Seeds.Count)) json.WriteNumberValue(seed);
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
