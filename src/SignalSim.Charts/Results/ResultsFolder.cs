// A results folder as the charts and the note see it. Two layouts are understood:
//  - a run folder (`signalsim run`): trips.csv, approaches.csv, signals.csv, summary.json,
//    optional trajectories.csv and crossings.csv, and scenario.json, the scenario it ran;
//  - a comparison folder (`signalsim compare`): comparison.csv, optional comparison.json
//    (replications and seeds), scenario.json (the base scenario with its strategies) and one
//    sub-folder per strategy, named by its id, holding the run files of replication 1 (and
//    optionally its own scenario.json, the scenario with the strategy applied).
using System.Text.Json;
using SignalSim.Core.Scenario;

namespace SignalSim.Charts.Results;

public sealed class ResultsFolder
{
    public const string ScenarioFileName = "scenario.json";
    public const string ComparisonMetadataFileName = "comparison.json";

    /// <summary>Files written only on request: a chart that needs one is skipped by the note when it is absent.</summary>
    public static readonly IReadOnlySet<string> OptionalFiles = new HashSet<string>(StringComparer.Ordinal)
    {
        TrajectoryRow.FileName, CrossingRow.FileName, ComparisonRow.FileName, PedestrianWaitRow.FileName,
    };

    private ResultsFolder(string path, LoadedScenario scenario, string scenarioPath, IReadOnlyList<RunFolder> runs, string baseline,
        IReadOnlyList<ComparisonRow> comparison, ComparisonMetadata? metadata)
    {
        Path = path;
        Scenario = scenario;
        ScenarioPath = scenarioPath;
        Runs = runs;
        Baseline = baseline;
        Comparison = comparison;
        Metadata = metadata;
    }

    public string Path { get; }
    public LoadedScenario Scenario { get; }
    public string ScenarioPath { get; }

    /// <summary>One per strategy, the baseline first; a single run folder has one.</summary>
    public IReadOnlyList<RunFolder> Runs { get; }

    /// <summary>Id of the baseline strategy (the single run's name in a run folder).</summary>
    public string Baseline { get; }

    /// <summary>Rows of comparison.csv; empty for a run folder.</summary>
    public IReadOnlyList<ComparisonRow> Comparison { get; }

    public ComparisonMetadata? Metadata { get; }

    public bool IsComparison => Comparison.Count > 0;

    public RunFolder BaselineRun => Runs[0];

    /// <summary>The run of a strategy, or the baseline when <paramref name="strategy"/> is null.</summary>
    public RunFolder Run(string? strategy)
    {
        if (strategy is null) return BaselineRun;
        return Runs.FirstOrDefault(r => r.Name == strategy)
            ?? throw new ChartOptionException($"--strategy: no strategy '{strategy}' in {Path}; it holds {string.Join(", ", Runs.Select(r => r.Name))}");
    }

    /// <summary>Opens a folder; <paramref name="scenarioPath"/> replaces the folder's scenario.json when given.</summary>
    /// <exception cref="ResultsFileException">A file the folder must hold is missing or corrupt.</exception>
    public static ResultsFolder Open(string path, string? scenarioPath = null)
    {
        if (!Directory.Exists(path)) throw new ResultsFileException(path, "no such results folder");
        var scenarioFile = scenarioPath ?? System.IO.Path.Combine(path, ScenarioFileName);
        var loaded = LoadScenario(scenarioFile, scenarioPath is null);

        var comparisonPath = System.IO.Path.Combine(path, ComparisonRow.FileName);
        if (!File.Exists(comparisonPath))
        {
            var strategyFolders = Directory.EnumerateDirectories(path).Where(d => File.Exists(System.IO.Path.Combine(d, RunSummaryFile.FileName))).ToList();
            if (!File.Exists(System.IO.Path.Combine(path, RunSummaryFile.FileName)) && strategyFolders.Count > 0)
                throw ResultsFileException.Missing(comparisonPath, "the folder holds strategy sub-folders but not the comparison of them; run the comparison again");
            var single = new RunFolder(path, System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path))), loaded.Scenario);
            _ = single.Summary; // the marker of a complete run: fail now, naming it, rather than in a chart
            return new ResultsFolder(path, loaded, scenarioFile, [single], single.Name, [], null);
        }

        var rows = ComparisonRow.Read(comparisonPath);
        if (rows.Count == 0) throw new ResultsFileException(comparisonPath, "no rows; the comparison did not finish");
        var ids = rows.Select(r => r.Strategy).Distinct().ToList();
        var baseline = StrategyOverlay.Baseline(loaded.Scenario)?.Id is { } b && ids.Contains(b)
            ? b
            : rows.FirstOrDefault(r => r.DiffVsBaselineS is null).Strategy ?? ids[0];
        ids.Remove(baseline);
        ids.Insert(0, baseline);
        var runs = ids.Select(id => OpenStrategy(path, id, loaded.Scenario)).ToList();
        var metadataPath = System.IO.Path.Combine(path, ComparisonMetadataFileName);
        var metadata = File.Exists(metadataPath) ? ComparisonMetadata.Read(metadataPath) : null;
        return new ResultsFolder(path, loaded, scenarioFile, runs, baseline, rows, metadata);
    }

    private static RunFolder OpenStrategy(string root, string id, ScenarioFile scenario)
    {
        var folder = System.IO.Path.Combine(root, id);
        if (!Directory.Exists(folder))
            throw ResultsFileException.Missing(folder, $"comparison.csv lists strategy '{id}', whose sub-folder holds the files of its replication 1");
        var own = System.IO.Path.Combine(folder, ScenarioFileName);
        var applied = File.Exists(own) ? LoadScenario(own, fromFolder: true).Scenario
            : scenario.Strategies.Any(s => s.Id == id) ? StrategyOverlay.Apply(scenario, id)
            : scenario;
        var run = new RunFolder(folder, id, applied);
        _ = run.Summary;
        return run;
    }

    private static LoadedScenario LoadScenario(string path, bool fromFolder)
    {
        if (!File.Exists(path))
        {
            throw fromFolder
                ? ResultsFileException.Missing(path, "a results folder carries a copy of the scenario it ran; give the scenario with --scenario FILE")
                : ResultsFileException.Missing(path, "no such scenario file");
        }
        try
        {
            return ScenarioLoader.LoadFile(path);
        }
        catch (ScenarioException e)
        {
            var first = e.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
            var where = first.Line > 0 ? $"line {first.Line}, column {first.Column}: " : "";
            throw new ResultsFileException(path, $"not a valid scenario: {where}{first.Message}");
        }
    }
}

/// <summary>comparison.json: how the comparison was run, for the note's reproducibility section.</summary>
/// <param name="Replications">Replications completed by every strategy.</param>
/// <param name="Partial">The study was interrupted: fewer replications than requested.</param>
public sealed record ComparisonMetadata(int? Replications, IReadOnlyList<ulong> Seeds, string? ProgramVersion, bool Partial = false, int? ReplicationsRequested = null)
{
    public static ComparisonMetadata Read(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ResultsFileException(path, "expected a JSON object");
            int? replications = root.TryGetProperty("replications", out var r) && r.TryGetInt32(out var n) ? n : null;
            var seeds = root.TryGetProperty("seeds", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Select(e => e.TryGetUInt64(out var v) ? v : throw new ResultsFileException(path, "'seeds' holds a value that is not a whole number")).ToList()
                : [];
            var version = root.TryGetProperty("program_version", out var pv) && pv.ValueKind == JsonValueKind.String ? pv.GetString() : null;
            var partial = root.TryGetProperty("partial", out var pa) && pa.ValueKind == JsonValueKind.True;
            int? requested = root.TryGetProperty("replications_requested", out var rq) && rq.TryGetInt32(out var q) ? q : null;
            return new ComparisonMetadata(replications, seeds, version, partial, requested);
        }
        catch (JsonException e)
        {
            throw new ResultsFileException(path, $"not valid JSON (line {e.LineNumber + 1})");
        }
    }
}
