// report.md: the same note in Markdown, with the charts as image links into the charts folder
// beside it, for wikis and for pasting into the committee's word processor.
using System.Text;

namespace SignalSim.Charts.Report;

internal static class MarkdownReport
{
    public static string Render(ReportContent c, string chartsFolder)
    {
        var l = c.Labels;
        var scenario = c.Folder.Scenario.Scenario;
        var m = new StringBuilder();
        m.Append($"# {c.Title}\n\n{l.Format("report.generated", ReportContent.ReportVersion)}\n\n");

        Summary(m, c);

        m.Append($"## {l["report.scenario"]}\n\n");
        if (scenario.Description is { } description) m.Append($"{c.Prose(description)}\n\n");
        m.Append($"{c.Settings()}\n\n");
        List(m, l["report.centres"], c.CentreLines());
        List(m, l["report.assumptions"], scenario.Assumptions.Select(c.Prose));
        List(m, l["report.sources"], scenario.Sources.Select(c.Prose));

        if (c.PointsDurs is { } pointsDurs) Table(m, pointsDurs.Title, pointsDurs.Intro, pointsDurs.Header(), pointsDurs.Rows());

        m.Append($"## {l["report.strategies"]}\n\n");
        foreach (var s in c.Strategies)
        {
            var tag = s.IsBaseline ? $" *({l["report.baseline"]})*" : "";
            m.Append($"- **{s.Id}**{tag} : {c.Describe(s)}\n");
        }
        m.Append('\n');

        m.Append($"## {l["report.comparison"]}\n\n");
        if (c.Folder.IsComparison)
        {
            m.Append($"{l["report.comparison_note"]}\n\n");
            var header = c.ComparisonHeader();
            m.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
            m.Append("| ").Append(string.Join(" | ", header.Select((_, i) => i < 2 ? "---" : "---:"))).Append(" |\n");
            foreach (var row in c.ComparisonRows()) m.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
            m.Append('\n');
        }
        else
        {
            m.Append($"{l["report.no_comparison"]}\n\n");
        }

        if (c.Priority is { } priority) Priority(m, priority);

        m.Append($"## {l["report.charts"]}\n\n");
        foreach (var chart in c.Charts)
        {
            m.Append($"### {chart.Title}\n\n");
            m.Append(chart.Files is not null
                ? $"![{chart.Title}]({chartsFolder}/{chart.Kind}.png)\n\n[SVG]({chartsFolder}/{chart.Kind}.svg)\n\n"
                : $"*{l.Format("report.chart_missing", chart.NoteText)}*\n\n");
        }

        m.Append($"## {l["validation.title"]}\n\n");
        foreach (var line in c.ValidationText()) m.Append($"{line}\n\n");
        var rows = c.ValidationRows().ToList();
        if (rows.Count > 0)
        {
            m.Append($"| {l["validation.col.quantity"]} | {l["validation.col.measured"]} | {l["validation.col.reference"]} |\n| --- | ---: | --- |\n");
            foreach (var row in rows) m.Append($"| {Cell(row[0])} | {Cell(row[1])} | {Cell(row[2])} |\n");
            m.Append('\n');
        }

        m.Append($"## {l["report.reproduce"]}\n\n");
        foreach (var line in c.ReproducibilityLines()) m.Append($"- {line}\n");
        return m.ToString();
    }

    private static void Summary(StringBuilder m, ReportContent c)
    {
        var l = c.Labels;
        var s = c.Summary;
        m.Append($"## {l["summary.title"]}\n\n**{s.Conclusion}**\n\n");
        if (s.Intro is not null) m.Append($"{s.Intro}\n\n");
        foreach (var v in s.Strategies)
        {
            m.Append($"### {v.Headline}\n\n{v.WhoGainsWhoPays}\n\n");
            foreach (var mode in v.Modes) m.Append($"- {mode.Sentence}\n");
            m.Append('\n');
        }
        List(m, l["summary.change"], s.Caveats);
    }

    private static void Priority(StringBuilder m, PrioritySection p)
    {
        m.Append($"## {p.Title}\n\n{p.Intro}\n\n");
        var header = p.Header();
        m.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        m.Append("| ").Append(string.Join(" | ", header.Select((_, i) => i < 2 ? "---" : "---:"))).Append(" |\n");
        foreach (var row in p.Rows()) m.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        m.Append('\n');
        if (p.Sensitivity() is not { } s) return;
        m.Append($"{s.Intro}\n\n");
        foreach (var line in s.Rows) m.Append($"- {line}\n");
        m.Append('\n');
        foreach (var line in s.Verdicts) m.Append($"{line}\n\n");
    }

    /// <summary>A section with a table, text columns left (the first four), figures right.</summary>
    private static void Table(StringBuilder m, string title, string intro, string[] header, IEnumerable<string[]> rows)
    {
        m.Append($"## {title}\n\n{intro}\n\n");
        m.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        m.Append("| ").Append(string.Join(" | ", header.Select((_, i) => i < 4 ? "---" : "---:"))).Append(" |\n");
        foreach (var row in rows) m.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        m.Append('\n');
    }

    private static void List(StringBuilder m, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        m.Append($"### {title}\n\n");
        foreach (var item in list) m.Append($"- {item}\n");
        m.Append('\n');
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
