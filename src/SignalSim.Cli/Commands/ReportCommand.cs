// `signalsim report [RESULTS_DIR] [--lang fr|en] [--no-pdf] [--timings]`: the committee note of a results folder,
// report.html (self-contained) and report.md, with every chart in RESULTS_DIR/charts, and
// report.pdf when Chromium is on the PATH.
using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SignalSim.Charts.Report;
using SignalSim.Core;

namespace SignalSim.Cli.Commands;

public sealed class ReportCommand(CliConsole console, IOptions<CliSettings> settings, ILogger<ReportCommand> logger) : CliCommand
{
    /// <summary>The command's name and one-line description (constants: the help listing uses them without loading the command).</summary>
    public const string Name = "report", Summary = "Write the committee note of a results folder: report.html (self-contained), report.md and the charts.";

    private readonly Argument<string?> _results = ChartOptions.ResultsDir();
    private readonly Option<string> _lang = ChartOptions.Language();
    private readonly Option<string?> _scenario = ChartOptions.Scenario();
    private readonly Option<bool> _noPdf = NotePdf.Option();
    private readonly Option<bool> _timings = CommonOptions.Timings();

    protected override Command Define() => new(Name, Summary)
    {
        _results, _lang, _scenario, _noPdf, _timings,
    };

    protected override int Execute(ParseResult parseResult, CancellationToken cancellation)
    {
        var dir = parseResult.GetValue(_results) ?? settings.Value.DefaultOutputFolder;
        var lang = parseResult.GetValue(_lang)!;
        var times = parseResult.GetValue(_timings) ? new StageTimes() : null;
        using var pdf = parseResult.GetValue(_noPdf) ? null : NotePdf.Begin(console);
        var started = TimeProvider.System.GetTimestamp();
        var files = ChartOptions.Guard(() => ReportWriter.Write(dir, lang, parseResult.GetValue(_scenario), cancellation, times));
        logger.LogInformation("Wrote the note in {Elapsed:0.00} s", TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        foreach (var chart in files.Charts.Where(c => c.Files is null))
            console.Error.WriteLine($"{CliConsole.ProgramName}: warning: chart '{chart.Kind}' not drawn: {chart.MissingReason}");
        console.Out.WriteLine($"note written: {files.HtmlPath}, {files.MarkdownPath} ({files.Charts.Count(c => c.Files is not null)} of {files.Charts.Count} charts)");
        pdf?.Write(files.HtmlPath, cancellation, times: times);
        TimingsReport.Write(console, Name, times);
        return ExitCodes.Ok;
    }
}
