// Writes the committee note of a results folder: the charts (charts/KIND.png and .svg), then
// report.html (self-contained: styles inline, charts embedded as data URIs, nothing fetched)
// and report.md (charts linked beside it). A chart whose optional input file is absent, or that
// has nothing to show, is replaced by a line saying why; a missing or corrupt required file
// stops the note with a ResultsFileException naming it. With a StageTimes the note's three
// stages are timed (for `--timings`): opening the folder, the charts, and the text.
using System.Runtime.ExceptionServices;
using System.Text;
using SignalSim.Charts.Charts;
using SignalSim.Charts.Labels;
using SignalSim.Charts.Results;
using SignalSim.Core;
using SignalSim.Core.Output;

namespace SignalSim.Charts.Report;

public sealed record ReportFiles(string HtmlPath, string MarkdownPath, IReadOnlyList<ReportChart> Charts);

public static class ReportWriter
{
    public const string HtmlFileName = "report.html";
    public const string MarkdownFileName = "report.md";
    public const string ChartsFolderName = "charts";

    /// <summary>Names of the stages timed when a StageTimes is given.</summary>
    public const string OpenStage = "note files", ChartsStage = "note charts", TextStage = "note text";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the note of <paramref name="resultsDirectory"/> in French ("fr") or English ("en").</summary>
    /// <exception cref="ResultsFileException">A file the note needs is missing or corrupt.</exception>
    public static ReportFiles Write(string resultsDirectory, string language = ChartLabels.DefaultLanguage, string? scenarioPath = null,
        CancellationToken cancellation = default, StageTimes? times = null)
    {
        var folder = StageTimes.Measure(times, OpenStage, () => ResultsFolder.Open(resultsDirectory, scenarioPath));
        return Write(folder, language, cancellation, times);
    }

    public static ReportFiles Write(ResultsFolder folder, string language, CancellationToken cancellation = default, StageTimes? times = null)
    {
        var labels = ChartLabels.For(language);
        var context = new ChartContext(folder, new ChartRequest { Language = language });
        var chartsDir = Path.Combine(folder.Path, ChartsFolderName);
        var charts = new ReportChart[ChartCatalog.All.Count];
        // Charts are independent: draw them on every core (the machine has few; it still halves the wait).
        StageTimes.Measure(times, ChartsStage, () =>
        {
            try
            {
                Parallel.For(0, charts.Length, new ParallelOptions { CancellationToken = cancellation }, i =>
                    charts[i] = DrawOne(ChartCatalog.All[i], context, chartsDir, labels));
            }
            catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is ResultsFileException) is { } first)
            {
                // Report the file at fault, not the parallel loop that met it.
                ExceptionDispatchInfo.Capture(first).Throw();
            }
        });
        return StageTimes.Measure(times, TextStage, () => WriteText(folder, labels, charts, chartsDir, cancellation));
    }

    /// <summary>The summary, the appendix and the two documents around the drawn charts.</summary>
    private static ReportFiles WriteText(ResultsFolder folder, ChartLabels labels, ReportChart[] charts, string chartsDir, CancellationToken cancellation)
    {
        // Written before the note, whose list of the folder's files then names it.
        var pointsDurs = PointsDursSection.Of(folder, labels);
        var pointsDursPath = Path.Combine(folder.Path, PointsDursSection.FileName);
        if (pointsDurs is not null) pointsDurs.Write(pointsDursPath);
        // A table an earlier note wrote, from files since replaced, would be read as this note's.
        else if (File.Exists(pointsDursPath) && OutputManifest.Read(folder.Path)?.Contains(PointsDursSection.FileName) == true) File.Delete(pointsDursPath);

        var content = new ReportContent
        {
            Labels = labels,
            Folder = folder,
            Strategies = folder.Runs.Select(r =>
            {
                var spec = folder.Scenario.Scenario.Strategies.FirstOrDefault(s => s.Id == r.Name);
                return new ReportStrategy(r.Name, spec?.Description, r.Name == folder.Baseline && folder.IsComparison, r.Summary.Seed, r.Summary.ProgramVersion);
            }).ToList(),
            Charts = charts,
            Summary = DecisionSummary.Build(folder, labels),
            Validation = ValidationAppendix.Measure(folder),
            StepSize = ValidationAppendix.StepSize(folder),
            Priority = PrioritySection.Of(folder, labels),
            PointsDurs = pointsDurs,
        };
        cancellation.ThrowIfCancellationRequested();
        var html = Path.Combine(folder.Path, HtmlFileName);
        var markdown = Path.Combine(folder.Path, MarkdownFileName);
        File.WriteAllText(html, HtmlReport.Render(content), Utf8NoBom);
        File.WriteAllText(markdown, MarkdownReport.Render(content, ChartsFolderName), Utf8NoBom);
        // In a finished SignalSim folder the note's files become SignalSim's own, so that the next
        // result into the folder replaces them instead of leaving a stale note beside it.
        var chartFiles = Directory.Exists(chartsDir)
            ? OutputManifest.FilesUnder(chartsDir).Select(f => $"{ChartsFolderName}/{f}")
            : [];
        string[] table = pointsDurs is null ? [] : [PointsDursSection.FileName];
        OutputManifest.Add(folder.Path, [HtmlFileName, MarkdownFileName, .. table, .. chartFiles]);
        return new ReportFiles(html, markdown, charts);
    }

    private static ReportChart DrawOne(IChart chart, ChartContext context, string chartsDir, ChartLabels labels)
    {
        var title = labels[$"caption.{chart.Kind}"];
        var absent = chart.Inputs(context).FirstOrDefault(p => !File.Exists(p));
        if (absent is not null)
        {
            if (!ResultsFolder.OptionalFiles.Contains(Path.GetFileName(absent)))
                throw ResultsFileException.Missing(absent, $"the '{chart.Kind}' chart reads this file, which every run writes");
            var relative = Path.GetRelativePath(context.Folder.Path, absent);
            return new ReportChart(chart.Kind, title, null, $"{relative} absent", labels.Format("unavailable.absent", relative));
        }
        try
        {
            return new ReportChart(chart.Kind, title, ChartCatalog.Draw(chart, context, chartsDir), null);
        }
        catch (ChartUnavailableException e)
        {
            return new ReportChart(chart.Kind, title, null, e.Message, e.Reason(labels));
        }
    }
}
