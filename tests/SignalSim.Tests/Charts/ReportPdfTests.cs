// report.pdf printed by headless Chromium from the fixture's note: A4 pages, every section
// (h2) starting at the top of a page, and every chart image present once (an image cut by a
// page break would be drawn on two pages). Reads the PDF with poppler-utils (pdfinfo,
// pdfimages, pdftotext), which .ci/run installs.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SignalSim.Charts.Report;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Charts;

[Collection(ComparisonCollection.Name)]
public sealed partial class ReportPdfTests(ComparisonFixture fixture)
{
    [Fact]
    public void Pdf_IsA4_WithASectionPerPage_AndEveryChartWhole()
    {
        var chromium = PdfPrinter.FindChromium();
        Assert.True(chromium is not null, "Chromium is not on the PATH; install Debian's chromium package, as .ci/run does");
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        var files = ReportWriter.Write(dir, "fr");
        var pdf = PdfPrinter.Print(chromium, files.HtmlPath);
        Assert.Equal(Path.Combine(dir, "report.pdf"), pdf);

        var info = Tool("pdfinfo", pdf);
        var size = PageSize().Match(info);
        Assert.True(size.Success, info);
        Assert.Equal(595, double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), 0);
        Assert.Equal(842, double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture), 0);
        var pages = int.Parse(Pages().Match(info).Groups[1].Value, CultureInfo.InvariantCulture);

        // Each section but the first (which follows the title) opens a page.
        var html = File.ReadAllText(files.HtmlPath);
        var sections = Heading().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.True(pages >= sections.Count, $"{pages} pages for {sections.Count} sections");
        var pageTops = Enumerable.Range(1, pages).Select(p => Tool("pdftotext", "-f", p.ToString(CultureInfo.InvariantCulture), "-l", p.ToString(CultureInfo.InvariantCulture), "-layout", pdf, "-")
            .Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "").ToList();
        foreach (var section in sections.Skip(1))
            Assert.True(pageTops.Any(t => t.StartsWith(section, StringComparison.Ordinal)), $"section '{section}' does not open a page; page tops: {string.Join(" | ", pageTops)}");

        // pdfimages -list: one line per image drawn on a page, after two header lines.
        var images = Tool("pdfimages", "-list", pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f[2] == "image").ToList();
        var drawn = files.Charts.Count(c => c.Files is not null);
        Assert.True(images.Count == drawn, $"{images.Count} images on the pages for {drawn} charts: a chart is cut across pages or missing");
    }

    /// <summary>
    /// The print `compare` and `report` make (Chromium started before the note is drawn, driven
    /// over DevTools) holds the same pages, text and images as Chromium's own --print-to-pdf.
    /// </summary>
    [Fact]
    public void EarlyPrint_GivesTheSamePdfAsChromiumsOwnPrint()
    {
        var chromium = PdfPrinter.FindChromium();
        Assert.True(chromium is not null, "Chromium is not on the PATH; install Debian's chromium package, as .ci/run does");
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        string early;
        using (var print = EarlyPdfPrint.Start(chromium))
        {
            var files = ReportWriter.Write(dir, "fr");
            early = print.Print(files.HtmlPath);
            Assert.True(print.PrintedEarly, "the early-started Chromium did not print; the note was printed by a fresh one instead");
        }
        Assert.Equal(Path.Combine(dir, "report.pdf"), early);
        var kept = Path.Combine(temp.Path, "early.pdf");
        File.Move(early, kept);
        var plain = PdfPrinter.Print(chromium, Path.Combine(dir, "report.html"));

        Assert.Equal(Pages().Match(Tool("pdfinfo", plain)).Value, Pages().Match(Tool("pdfinfo", kept)).Value);
        Assert.Equal(PageSize().Match(Tool("pdfinfo", plain)).Value, PageSize().Match(Tool("pdfinfo", kept)).Value);
        Assert.Equal(Tool("pdftotext", "-layout", plain, "-"), Tool("pdftotext", "-layout", kept, "-"));
        Assert.Equal(Tool("pdfimages", "-list", plain), Tool("pdfimages", "-list", kept));
        Assert.Empty(Directory.GetFiles(dir, ".report.pdf.partial*"));
    }

    private static string Tool(string name, params string[] args)
    {
        var start = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start; install poppler-utils, as .ci/run does");
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{name} failed: {p.StandardError.ReadToEnd()}");
        return output;
    }

    [GeneratedRegex(@"Page size:\s+([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSize();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex Pages();

    [GeneratedRegex("<h2[^>]*>([^<]*)</h2>")]
    private static partial Regex Heading();
}
