// Writes the files of one run into a staged folder and commits it: trips.csv, approaches.csv,
// signals.csv, pedestrians.csv, priority.csv (written even when empty, so a reader never has to
// ask whether a missing file means "none"), then summary.json, whose presence marks a complete result.
using System.Text;
using SignalSim.Core.Engine;

namespace SignalSim.Core.Output;

public static class RunOutputWriter
{
    /// <summary>The files of a run, in the order they are committed; the last marks completion.</summary>
    public static readonly IReadOnlyList<string> FileNames =
        [
            TripsCsvWriter.FileName, ApproachesCsvWriter.FileName, SignalsCsvWriter.FileName,
            PedestriansCsvWriter.FileName, PriorityCsvWriter.FileName, SummaryJsonWriter.FileName,
        ];

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes and commits; on error or cancellation nothing reaches the target (dispose the folder to clean up).</summary>
    public static RunSummary Write(SimulationResult result, RunContext context, StagedOutputFolder folder, CancellationToken cancellation = default)
    {
        WriteText(folder.PathFor(TripsCsvWriter.FileName), w => TripsCsvWriter.Write(result, w, cancellation));
        WriteText(folder.PathFor(ApproachesCsvWriter.FileName), w => ApproachesCsvWriter.Write(result, w, cancellation));
        WriteText(folder.PathFor(SignalsCsvWriter.FileName), w => SignalsCsvWriter.Write(result, w, cancellation));
        WriteText(folder.PathFor(PedestriansCsvWriter.FileName), w => PedestriansCsvWriter.Write(result, w, cancellation));
        WriteText(folder.PathFor(PriorityCsvWriter.FileName), w => PriorityCsvWriter.Write(result, w, cancellation));
        var summary = RunSummaryBuilder.Build(result, context);
        using (var stream = new FileStream(folder.PathFor(SummaryJsonWriter.FileName), FileMode.CreateNew, FileAccess.Write))
        {
            SummaryJsonWriter.Write(summary, stream);
        }
        cancellation.ThrowIfCancellationRequested();
        folder.Commit(FileNames);
        return summary;
    }

    /// <summary>Convenience for callers without a staged folder of their own.</summary>
    public static RunSummary Write(SimulationResult result, RunContext context, string targetDirectory, CancellationToken cancellation = default)
    {
        using var folder = StagedOutputFolder.Create(targetDirectory);
        return Write(result, context, folder, cancellation);
    }

    private static void WriteText(string path, Action<TextWriter> write)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16) { NewLine = "\n" };
        write(writer);
    }
}
