// `signalsim merge SHARD_DIR... [--out DIR] [--lang fr|en] [--no-report] [--no-pdf] [--timings]`:
// gathers the shards of `compare --shard K/N` into the folder an unsharded `compare` writes
// (comparison.csv, comparison.md, comparison.json, scenario.json, replication 1's run files, the
// step-size check, the replay and the note), refusing with exit code 2 a shard that is missing, duplicated, foreign,
// unfinished or truncated. `merge --status SHARD_DIR...` says which shards are done, running or
// missing instead.
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Sharding;
using SignalSim.Charts.Replay;
using SignalSim.Charts.Report;
using SignalSim.Core;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;

namespace SignalSim.Cli.Commands;

public sealed class MergeCommand(CliConsole console, IOptions<CliSettings> settings) : CliCommand
{
    public const string Name = "merge", Summary = "Merge the shards of `compare --shard K/N` into the comparison an unsharded compare writes; --status shows which shards are done, running or missing.";

    private readonly Argument<string[]> _shards = new("SHARD_DIR")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = "The --out folders of every shard (any order), e.g. results/sweep/shard-*.",
    };

    private readonly Option<bool> _status = new("--status")
    {
        Description = "Only say which shards are done, running or missing (and which of the split no folder holds); writes nothing.",
    };

    private readonly Option<string?> _out = new("--out")
    {
        HelpName = "DIR",
        Description = "Folder for the merged comparison (default: results/compare).",
    };

    private readonly Option<string> _lang = ChartOptions.Language();

    private readonly Option<bool> _noReport = new("--no-report")
    {
        Description = "Skip the committee note (report.html, report.md, charts); the tables are written all the same.",
    };

    private readonly Option<bool> _noPdf = NotePdf.Option();

    private readonly Option<bool> _timings = CommonOptions.Timings();

    protected override Command Define() => new(Name, Summary) { _shards, _status, _out, _lang, _noReport, _noPdf, _timings };

    protected override int Execute(ParseResult parseResult, CancellationToken cancellation)
    {
        var folders = parseResult.GetValue(_shards)!;
        if (parseResult.GetValue(_status)) return Status(folders);

        var outDir = parseResult.GetValue(_out) ?? settings.Value.DefaultCompareFolder;
        if (StagedOutputFolder.FindProblem(outDir) is { } problem) throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: {problem}");
        var times = parseResult.GetValue(_timings) ? new StageTimes() : null;
        var clock = Stopwatch.StartNew();
        MergedStudy study;
        try
        {
            study = StageTimes.Measure(times, "read shards", () => ShardMerger.Merge(folders));
        }
        catch (ShardFileException e)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: merge: {e.Message}");
        }
        ReportWarnings(console, study.Loaded);
        var folderNames = ComparisonOutput.FolderNames(study.Strategies.Select(s => s.Id).ToList());
        string[] topLevel = [.. folderNames, .. ComparisonOutput.TopLevelFileNames, ReportWriter.HtmlFileName, ReportWriter.MarkdownFileName, ReportWriter.ChartsFolderName, ReplayWriter.FileName, PdfPrinter.FileName, StepSizeCheck.FileName];
        var inputs = folders.SelectMany(f => new[] { Path.Combine(f, ShardManifest.FileName), Path.Combine(f, ShardRunsFile.FileName) });
        if (OwnedOutputFolder.FindProblem(outDir, topLevel, inputs) is { } conflict) throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: {conflict}");

        using var folder = RunCommand.CreateFolder(outDir);
        var scenario = study.Loaded.Scenario;
        var manifest = study.Manifest;
        var note = parseResult.GetValue(_noReport) ? null : new NoteRequest(parseResult.GetValue(_lang)!, !parseResult.GetValue(_noPdf));
        try
        {
            // Replication 1's files as its shard wrote them: the same run, so the same bytes as in an unsharded compare.
            StageTimes.Measure(times, "copy replication 1", () =>
            {
                foreach (var name in folderNames) CopyFolder(Path.Combine(study.FirstReplicationDir, name), Path.Combine(folder.StagingPath, name));
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: cannot write to '{outDir}': {e.Message}");
        }
        var info = new StudyInfo(scenario.Name.Text(LocalizedText.English), manifest.ScenarioSource, manifest.DurationS ?? scenario.Simulation.DurationS, scenario.Simulation.WarmupS,
            manifest.BaseSeed, "common random numbers", scenario.Simulation.CooldownS);
        // The half-step runs of the step-size check, as the shard owning replication 1 wrote them.
        var halfStep = note is null ? null : ReadHalfStep(Path.Combine(study.FirstReplicationDir, StepSizeCheck.FileName));
        var table = ComparisonWriting.WriteStudy(console, folder.StagingPath, folder.TargetPath, outDir, scenario, study.Results, info, manifest.ProgramVersion, note, times, cancellation,
            halfStep);
        // After the note, as compare writes it: the note lists the files present when it is drawn.
        var replay = Path.Combine(study.FirstReplicationDir, ReplayWriter.FileName);
        if (note is not null && File.Exists(replay)) CopyOrRefuse(replay, Path.Combine(folder.StagingPath, ReplayWriter.FileName), outDir);
        RunCommand.CommitFolder(folder, outDir);
        var headline = string.Create(CultureInfo.InvariantCulture,
            $"merged {manifest.Shard.Count} shards: {study.Strategies.Count} strategies × {table.ReplicationsRequested} replications = {table.TotalRuns} runs, in {clock.Elapsed.TotalSeconds:0.00} s");
        CompareReport.Write(console.Out, table, study.Results, clock.Elapsed, folder.TargetPath, headline);
        CompareReport.WriteNewLines(console.Out, LineComparison.Build(study.Results));
        TimingsReport.Write(console, Name, times);
        return ExitCodes.Ok;
    }

    private int Status(IReadOnlyList<string> folders)
    {
        var lines = ShardStatusReader.Read(folders);
        foreach (var line in lines)
        {
            var which = line.Shard is { } s ? s.Words : "shard ?";
            var where = line.Folder is null ? "" : $" '{line.Folder}'";
            console.Out.WriteLine($"{which}: {Word(line.State)}{where}: {line.Detail}");
        }
        var total = lines.FirstOrDefault(l => l.Shard is not null)?.Shard?.Count;
        var done = lines.Where(l => l.State == ShardState.Done).Select(l => l.Shard!.Value.Index).Distinct().Count();
        var runningCount = lines.Count(l => l.State == ShardState.Running);
        var missing = total is { } count ? count - done - runningCount : 0;
        console.Out.WriteLine(total is { } n
            ? $"{done} of {n} shards done, {runningCount} running, {missing} missing or to run again" + (done == n && runningCount == 0 ? "; ready to merge" : "")
            : $"no shard found among the {folders.Count} folders given");
        return ExitCodes.Ok;
    }

    private static string Word(ShardState state) => state switch
    {
        ShardState.Done => "done",
        ShardState.Running => "running",
        ShardState.Interrupted => "interrupted",
        ShardState.Missing => "missing",
        _ => "not a shard",
    };

    /// <summary>The shard's half-step rows; null when the shard did not run them (it was run with --no-report).</summary>
    private static IReadOnlyList<StepSizeRow>? ReadHalfStep(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return StepSizeCheck.Read(path);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: merge: '{path}': {e.Message} (here: run again the shard that owns replication 1)");
        }
    }

        private static void CopyOrRefuse(string from, string to, string outDir)
    {
        try
        {
            File.Copy(from, to);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: cannot write to '{outDir}': {e.Message}");
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from)) CopyFolder(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
