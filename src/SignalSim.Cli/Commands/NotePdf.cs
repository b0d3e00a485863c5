// report.pdf beside the note, printed by headless Chromium when one is on the PATH (`compare` and
// `report`, unless --no-pdf). Chromium is started before the note is drawn (Begin), so that its
// start-up runs while the charts render, and prints once report.html is written (Write). Without
// Chromium, or when printing fails, a note on stderr says so and no report.pdf is left: an older
// one would no longer match the note.
using System.CommandLine;
using System.Diagnostics;
using SignalSim.Charts.Report;
using SignalSim.Core;

namespace SignalSim.Cli.Commands;

internal sealed class NotePdf : IDisposable
{
    /// <summary>Name of the print's stage for `--timings`: the wait for the PDF once report.html is written.</summary>
    public const string Stage = "note pdf";

    private readonly CliConsole _console;
    private readonly string? _chromium;
    private readonly EarlyPdfPrint? _print;

    private NotePdf(CliConsole console)
    {
        _console = console;
        _chromium = PdfPrinter.FindChromium();
        if (_chromium is not null) _print = EarlyPdfPrint.Start(_chromium);
    }

    public static Option<bool> Option() => new("--no-pdf")
    {
        Description = "Do not print report.pdf (by default it is printed with headless Chromium when one is on the PATH).",
    };

    /// <summary>Starts Chromium for the note about to be drawn; call before drawing it.</summary>
    public static NotePdf Begin(CliConsole console) => new(console);

    /// <summary>Prints the note beside its HTML; <paramref name="shownDir"/> is the folder named to the user (the final one when the note is staged).</summary>
    public void Write(string htmlPath, CancellationToken cancellation, string? shownDir = null, StageTimes? times = null) =>
        StageTimes.Measure(times, Stage, () => Print(htmlPath, cancellation, shownDir));

    public void Dispose() => _print?.Dispose();

    private void Print(string htmlPath, CancellationToken cancellation, string? shownDir)
    {
        var stale = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(htmlPath))!, PdfPrinter.FileName);
        if (File.Exists(stale)) File.Delete(stale);
        if (_print is null)
        {
            _console.Report("note", "no Chromium on the PATH: report.pdf not printed (install chromium, or print report.html from a browser)");
            return;
        }
        var clock = Stopwatch.StartNew();
        try
        {
            var pdf = _print.Print(htmlPath, cancellation);
            var shown = shownDir is null ? pdf : Path.Combine(shownDir, Path.GetFileName(pdf));
            _console.Out.WriteLine($"note printed: {shown} in {clock.Elapsed.TotalSeconds:0.0} s");
        }
        catch (IOException e)
        {
            _console.Error.WriteLine($"{CliConsole.ProgramName}: warning: report.pdf not printed: {e.Message}");
        }
    }
}
