// report.html: one self-contained file (inline styles, charts as base64 PNG data URIs, no
// script, no external resource), so it opens offline and survives being mailed as one file.
using System.Net;
using System.Text;

namespace SignalSim.Charts.Report;

internal static class HtmlReport
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #1a1a1a; line-height: 1.45; }
        h1 { font-size: 1.6em; border-bottom: 2px solid #0072b2; padding-bottom: .3em; }
        h2 { font-size: 1.25em; margin-top: 2em; color: #0b3d6b; }
        table { border-collapse: collapse; font-size: .9em; margin: 1em 0; }
        th, td { border: 1px solid #999; padding: .3em .6em; text-align: right; }
        td { white-space: nowrap; }
        @media screen { table { display: block; max-width: 100%; overflow-x: auto; } } /* a wide table scrolls within the page, the page itself never sideways */
        th:nth-child(-n+2), td:nth-child(-n+2) { text-align: left; }
        th { background: #eef3f8; }
        figure { margin: 1.5em 0; page-break-inside: avoid; }
        figure img { max-width: 100%; height: auto; border: 1px solid #ccc; }
        figcaption { font-weight: bold; margin-bottom: .4em; }
        .missing { color: #8a4b00; font-style: italic; }
        .small { font-size: .85em; color: #444; }
        #summary { background: #f5f8fb; border: 1px solid #c9d6e3; padding: .2em 1.2em 1em; }
        #summary h3 { font-size: 1em; margin: 1em 0 .2em; }
        #summary ul { margin: .2em 0; }
        #summary li.nonsig { color: #555; }
        .conclusion { font-size: 1.1em; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
          h2 { break-before: page; }
          #summary h2 { break-before: auto; }
          #summary { break-inside: auto; }
          figure { break-inside: avoid; }
          figure img { max-width: 100%; max-height: 235mm; width: auto; height: auto; border: none; }
          tr { break-inside: avoid; }
          td { white-space: normal; }
        }
        table.points-durs td:nth-child(-n+4), table.points-durs th:nth-child(-n+4) { text-align: left; }
        table.validation td:nth-child(2) { text-align: right; }
        table.validation td:nth-child(3) { text-align: left; white-space: normal; }
        """;

    public static string Render(ReportContent c)
    {
        var l = c.Labels;
        var scenario = c.Folder.Scenario.Scenario;
        var h = new StringBuilder();
        h.Append($"<!DOCTYPE html>\n<html lang=\"{l.Language}\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<link rel=\"icon\" href=\"data:,\">\n"); // no favicon request: the file needs nothing outside itself
        h.Append($"<title>{E(c.Title)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        h.Append($"<h1>{E(c.Title)}</h1>\n<p class=\"small\">{E(l.Format("report.generated", ReportContent.ReportVersion))}</p>\n");

        Summary(h, c);

        h.Append($"<h2>{E(l["report.scenario"])}</h2>\n");
        if (scenario.Description is { } description) h.Append($"<p>{E(c.Prose(description))}</p>\n");
        h.Append($"<p>{E(c.Settings())}</p>\n");
        List(h, l["report.centres"], c.CentreLines());
        List(h, l["report.assumptions"], scenario.Assumptions.Select(c.Prose));
        List(h, l["report.sources"], scenario.Sources.Select(c.Prose));

        if (c.PointsDurs is { } pointsDurs) PointsDurs(h, pointsDurs);

        h.Append($"<h2>{E(l["report.strategies"])}</h2>\n<ul>\n");
        foreach (var s in c.Strategies)
        {
            var tag = s.IsBaseline ? $" <em>({E(l["report.baseline"])})</em>" : "";
            h.Append($"<li><strong>{E(s.Id)}</strong>{tag} : {E(c.Describe(s))}</li>\n");
        }
        h.Append("</ul>\n");

        h.Append($"<h2 id=\"comparison\">{E(l["report.comparison"])}</h2>\n");
        if (c.Folder.IsComparison)
        {
            h.Append($"<p class=\"small\">{E(l["report.comparison_note"])}</p>\n<table>\n<thead><tr>");
            foreach (var col in c.ComparisonHeader()) h.Append($"<th>{E(col)}</th>");
            h.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in c.ComparisonRows())
            {
                h.Append("<tr>");
                foreach (var cell in row) h.Append($"<td>{E(cell)}</td>");
                h.Append("</tr>\n");
            }
            h.Append("</tbody>\n</table>\n");
        }
        else
        {
            h.Append($"<p>{E(l["report.no_comparison"])}</p>\n");
        }

        if (c.Priority is { } priority) Priority(h, priority);

        h.Append($"<h2 id=\"charts\">{E(l["report.charts"])}</h2>\n");
        foreach (var chart in c.Charts)
        {
            h.Append($"<figure id=\"{chart.Kind}\">\n<figcaption>{E(chart.Title)}</figcaption>\n");
            if (chart.Files is { } f)
            {
                var data = Convert.ToBase64String(File.ReadAllBytes(f.PngPath));
                h.Append($"<img src=\"data:image/png;base64,{data}\" width=\"{f.Width}\" height=\"{f.Height}\" alt=\"{E(chart.Title)}\">\n");
            }
            else
            {
                h.Append($"<p class=\"missing\">{E(l.Format("report.chart_missing", chart.NoteText))}</p>\n");
            }
            h.Append("</figure>\n");
        }

        h.Append($"<h2 id=\"validation\">{E(l["validation.title"])}</h2>\n");
        foreach (var line in c.ValidationText()) h.Append($"<p>{E(line)}</p>\n");
        var rows = c.ValidationRows().ToList();
        if (rows.Count > 0)
        {
            h.Append($"<table class=\"validation\">\n<thead><tr><th>{E(l["validation.col.quantity"])}</th><th>{E(l["validation.col.measured"])}</th><th>{E(l["validation.col.reference"])}</th></tr></thead>\n<tbody>\n");
            foreach (var row in rows) h.Append($"<tr><td>{E(row[0])}</td><td>{E(row[1])}</td><td>{E(row[2])}</td></tr>\n");
            h.Append("</tbody>\n</table>\n");
        }

        h.Append($"<h2 id=\"reproducibility\">{E(l["report.reproduce"])}</h2>\n<ul>\n");
        foreach (var line in c.ReproducibilityLines()) h.Append($"<li>{E(line)}</li>\n");
        h.Append("</ul>\n</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>The answer first: one section the size of a screen, before any assumption or table.</summary>
    private static void Summary(StringBuilder h, ReportContent c)
    {
        var l = c.Labels;
        var s = c.Summary;
        h.Append($"<section id=\"summary\">\n<h2>{E(l["summary.title"])}</h2>\n");
        h.Append($"<p class=\"conclusion\"><strong>{E(s.Conclusion)}</strong></p>\n");
        if (s.Intro is not null) h.Append($"<p class=\"small\">{E(s.Intro)}</p>\n");
        foreach (var v in s.Strategies)
        {
            h.Append($"<h3>{E(v.Headline)}</h3>\n<p>{E(v.WhoGainsWhoPays)}</p>\n<ul>\n");
            foreach (var m in v.Modes) h.Append($"<li class=\"{(m.Significant ? "sig" : "nonsig")}\">{E(m.Sentence)}</li>\n");
            h.Append("</ul>\n");
        }
        if (s.Caveats.Count > 0)
        {
            h.Append($"<h3>{E(l["summary.change"])}</h3>\n<ul>\n");
            foreach (var line in s.Caveats) h.Append($"<li>{E(line)}</li>\n");
            h.Append("</ul>\n");
        }
        h.Append("</section>\n");
    }

    private static void Priority(StringBuilder h, PrioritySection p)
    {
        h.Append($"<h2 id=\"priority\">{E(p.Title)}</h2>\n<p class=\"small\">{E(p.Intro)}</p>\n");
        Table(h, null, p.Header(), p.Rows());
        if (p.Sensitivity() is not { } s) return;
        h.Append($"<p>{E(s.Intro)}</p>\n<ul>\n");
        foreach (var line in s.Rows) h.Append($"<li>{E(line)}</li>\n");
        h.Append("</ul>\n");
        foreach (var line in s.Verdicts) h.Append($"<p>{E(line)}</p>\n");
    }

    private static void PointsDurs(StringBuilder h, PointsDursSection p)
    {
        h.Append($"<h2 id=\"points-durs\">{E(p.Title)}</h2>\n<p class=\"small\">{E(p.Intro)}</p>\n");
        Table(h, "points-durs", p.Header(), p.Rows());
    }

    private static void Table(StringBuilder h, string? cssClass, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        h.Append(cssClass is null ? "<table>\n<thead><tr>" : $"<table class=\"{cssClass}\">\n<thead><tr>");
        foreach (var col in header) h.Append($"<th>{E(col)}</th>");
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            h.Append("<tr>");
            foreach (var cell in row) h.Append($"<td>{E(cell)}</td>");
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
    }

    private static void List(StringBuilder h, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        h.Append($"<h3>{E(title)}</h3>\n<ul>\n");
        foreach (var item in list) h.Append($"<li>{E(item)}</li>\n");
        h.Append("</ul>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
