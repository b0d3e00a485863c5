// report.pdf beside the note, printed by headless Chromium when one is on the PATH (`compare` and
// `report`, unless --no-pdf). Without Chromium, or when printing fails, a note on stderr says so
// and no report.pdf is left: an older one would no longer match the note.
using System.CommandLine;
using System.Diagnostics;
using SignalSim.Charts.Report;
using SignalSim.Core;

namespace SignalSim.Cli.Commands;

internal static class NotePdf
{
    public static Option<bool> Option() => new("--no-pdf")
    {
        Description = "Do not print report.pdf (by default it is printed with headless Chromium when one is on the PATH).",
    };

    /// <summary>Prints the note beside its HTML; <paramref name="shownDir"/> is the folder named to the user (the final one when the note is staged).</summary>
    public static void Write(CliConsole console, string htmlPath, CancellationToken cancellation, string? shownDir = null, StageTimes? times = null) =>
        StageTimes.Measure(times, Stage, () => Print(console, htmlPath, cancellation, shownDir));

    /// <summary>Name of the print's stage for `--timings`.</summary>
    public const string Stage = "note pdf";

    private static void Print(CliConsole console, string htmlPath, CancellationToken cancellation, string? shownDir)
    {
        var stale = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(htmlPath))!, PdfPrinter.FileName);
        if (File.Exists(stale)) File.Delete(stale);
        if (PdfPrinter.FindChromium() is not { } chromium)
        {
            console.Report("note", "no Chromium on the PATH: report.pdf not printed (install chromium, or print report.html from a browser)");
            return;
        }
        var clock = Stopwatch.StartNew();
        try
        {
            var pdf = PdfPrinter.Print(chromium, htmlPath, cancellation);
            var shown = shownDir is null ? pdf : Path.Combine(shownDir, Path.GetFileName(pdf));
            console.Out.WriteLine($"note printed: {shown} in {clock.Elapsed.TotalSeconds:0.0} s");
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"{CliConsole.ProgramName}: warning: report.pdf not printed: {e.Message}");
        }
    }
}
