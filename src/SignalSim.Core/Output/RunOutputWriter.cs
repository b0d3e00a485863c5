// Writes the files of one run into a staged folder and commits it: scenario.json, trips.csv,
// approaches.csv, crossings.csv, signals.csv, pedestrians.csv, priority.csv, priority_messages.jsonl, transitions.csv and
// preemptions.csv (written even when
// empty, so a reader never has to ask whether a missing file means "none"), trajectories.csv when
// the run recorded them, then summary.json, whose presence marks a complete result.
using System.Text;
using SignalSim.Core.Engine;

namespace SignalSim.Core.Output;

public static class RunOutputWriter
{
    /// <summary>The files of every run, in the order they are committed; the last marks completion.</summary>
    public static readonly IReadOnlyList<string> FileNames =
        [
            ScenarioJsonWriter.FileName, TripsCsvWriter.FileName, ApproachesCsvWriter.FileName, CrossingsCsvWriter.FileName,
            SignalsCsvWriter.FileName, PedestriansCsvWriter.FileName, PriorityCsvWriter.FileName, PriorityMessagesJsonlWriter.FileName, TransitionsCsvWriter.FileName, PreemptionsCsvWriter.FileName, SummaryJsonWriter.FileName,
        ];

    /// <summary>The files of this run: the standard ones, plus trajectories.csv when recorded and the controller event log when asked for.</summary>
    public static IReadOnlyList<string> FileNamesOf(SimulationResult result, bool controllerEvents = false)
    {
        var names = FileNames.SkipLast(1).ToList();
        if (result.Model.Recording.RecordTrajectories) names.Add(TrajectoriesCsvWriter.FileName);
        if (controllerEvents) names.AddRange([ControllerEventLogWriter.FileName, ControllerEventMap.FileName]);
        names.Add(FileNames[^1]);
        return names;
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes and commits; on error or cancellation nothing reaches the target (dispose the folder to clean up).</summary>
    /// <summary>Names of the stages timed when a StageTimes is given: the summary's figures, and every file written.</summary>
    public const string MetricsStage = "metrics", WritingStage = "writing";

    public static RunSummary Write(SimulationResult result, RunContext context, StagedOutputFolder folder, CancellationToken cancellation = default, bool controllerEvents = false,
        StageTimes? times = null)
    {
        var writingStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        using (var stream = new FileStream(folder.PathFor(ScenarioJsonWriter.FileName), FileMode.CreateNew, FileAccess.Write))
        {
            ScenarioJsonWriter.Write(result.Model.Scenario, stream);
        }
        WriteText(folder.PathFor(TripsCsvWriter.FileName), w => TripsCsvWriter.Write(result, w, cancellation));
        WriteText(folder.PathFor(CrossingsCsvWriter.FileName), w => CrossingsCsvWriter.Write(result, w, cancellation));
        WriteText(folder.PathFor(ApproachesCsvWriter.FileName), w => ApproachesCsvWriter.Write(result, w, cancellation));
        WriteText(folder.PathFor(SignalsCsvWriter.FileName), w => SignalsCsvWriter.Write(result, w, cancellation));
        WriteText(folder.PathFor(PedestriansCsvWriter.FileName), w => PedestriansCsvWriter.Write(result, w, cancellation));
        WriteText(folder.PathFor(PriorityCsvWriter.FileName), w => PriorityCsvWriter.Write(result, w, cancellation));
        using (var stream = new FileStream(folder.PathFor(PriorityMessagesJsonlWriter.FileName), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        {
            PriorityMessagesJsonlWriter.Write(result, stream, cancellation);
        }
        WriteText(folder.PathFor(TransitionsCsvWriter.FileName), w => TransitionsCsvWriter.Write(result, w, cancellation));
        WriteText(folder.PathFor(PreemptionsCsvWriter.FileName), w => PreemptionsCsvWriter.Write(result, w, cancellation));
        if (result.Model.Recording.RecordTrajectories)
            WriteText(folder.PathFor(TrajectoriesCsvWriter.FileName), w => TrajectoriesCsvWriter.Write(result, w, cancellation));
        if (controllerEvents)
        {
            WriteText(folder.PathFor(ControllerEventLogWriter.FileName), w => ControllerEventLogWriter.Write(result, w, cancellation));
            WriteText(folder.PathFor(ControllerEventMap.FileName), w => ControllerEventMap.Of(result.Model).Write(result.Model, w));
        }
        times?.Add(WritingStage, System.Diagnostics.Stopwatch.GetElapsedTime(writingStarted));
        var summary = StageTimes.Measure(times, MetricsStage, () => RunSummaryBuilder.Build(result, context));
        writingStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        using (var stream = new FileStream(folder.PathFor(SummaryJsonWriter.FileName), FileMode.CreateNew, FileAccess.Write))
        {
            SummaryJsonWriter.Write(summary, stream);
        }
        cancellation.ThrowIfCancellationRequested();
        folder.Commit(FileNamesOf(result, controllerEvents));
        times?.Add(WritingStage, System.Diagnostics.Stopwatch.GetElapsedTime(writingStarted));
        return summary;
    }

    /// <summary>Convenience for callers without a staged folder of their own.</summary>
    public static RunSummary Write(SimulationResult result, RunContext context, string targetDirectory, CancellationToken cancellation = default, bool controllerEvents = false,
        StageTimes? times = null)
    {
        using var folder = StagedOutputFolder.Create(targetDirectory);
        return Write(result, context, folder, cancellation, controllerEvents, times);
    }

    private static void WriteText(string path, Action<TextWriter> write)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16) { NewLine = "\n" };
        write(writer);
    }
}
