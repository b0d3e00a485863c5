// The committee note of the comparison fixture, in French and in English: every chart drawn,
// report.html self-contained and, opened in real headless Chromium, showing every chart (each
// image loaded with its natural size) without a console error, with the language's accented
// headings; a screenshot is taken. report.md links every chart, which exists beside it.
using System.Text.Json;
using SignalSim.Charts.Charts;
using SignalSim.Charts.Report;
using SignalSim.Tests.Output;
using SkiaSharp;

namespace SignalSim.Tests.Charts;

[Collection(ComparisonCollection.Name)]
public sealed class ReportTests(ComparisonFixture fixture)
{
    [Theory]
    [InlineData("fr", "Hypothèses", "Stratégies comparées", "Écart de temps de parcours")]
    [InlineData("en", "Assumptions", "Strategies compared", "Difference in mean travel time")]
    public async Task Report_OpensInChromiumWithEveryChartAndNoConsoleError(string language, params string[] texts)
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        var files = ReportWriter.Write(dir, language);
        Assert.All(files.Charts, c => Assert.True(c.Files is not null, $"{c.Kind} not drawn: {c.MissingReason}"));
        Assert.Equal(ChartCatalog.Kinds.Count, files.Charts.Count);

        var html = await File.ReadAllTextAsync(files.HtmlPath);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);

        await using var browser = await HeadlessChromium.StartAsync();
        var target = await browser.SendAsync("Target.createTarget", new { url = "about:blank" });
        var attached = await browser.SendAsync("Target.attachToTarget", new { targetId = target.GetProperty("targetId").GetString(), flatten = true });
        var session = attached.GetProperty("sessionId").GetString()!;
        foreach (var domain in new[] { "Runtime.enable", "Log.enable", "Page.enable" }) await browser.SendAsync(domain, null, session);
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 1280, height = 1000, deviceScaleFactor = 1, mobile = false }, session);
        await browser.SendAsync("Page.navigate", new { url = new Uri(files.HtmlPath).AbsoluteUri }, session);
        await browser.WaitForEventAsync("Page.loadEventFired", session);

        var images = await Evaluate(browser, session,
            "JSON.stringify([...document.images].map(i => ({ id: i.closest('figure').id, complete: i.complete, w: i.naturalWidth, h: i.naturalHeight })))");
        var list = JsonDocument.Parse(images).RootElement.EnumerateArray().ToList();
        Assert.Equal(ChartCatalog.Kinds.Count, list.Count);
        foreach (var image in list)
        {
            var kind = image.GetProperty("id").GetString()!;
            Assert.True(image.GetProperty("complete").GetBoolean(), $"{kind}: image not loaded");
            Assert.Equal(ChartCatalog.Find(kind)!.Size, (image.GetProperty("w").GetInt32(), image.GetProperty("h").GetInt32()));
        }
        var text = await Evaluate(browser, session, "document.body.innerText");
        foreach (var expected in texts) Assert.Contains(expected, text, StringComparison.Ordinal);

        // The screenshot shows the comparison table and the headline chart below it.
        await Evaluate(browser, session, "document.getElementById('comparison').scrollIntoView(); 'ok'");
        var shot = await browser.SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = false }, session);
        var png = Convert.FromBase64String(shot.GetProperty("data").GetString()!);
        var screenshot = Path.Combine(dir, $"screenshot-{language}.png");
        await File.WriteAllBytesAsync(screenshot, png);
        if (Environment.GetEnvironmentVariable("SIGNALSIM_CHARTS_FIXTURE") is { Length: > 0 }) File.Copy(screenshot, Path.Combine(fixture.Root, $"screenshot-{language}.png"), true);
        using (var bitmap = SKBitmap.Decode(png))
        {
            Assert.Equal((1280, 1000), (bitmap.Width, bitmap.Height));
        }

        var errors = browser.Events.Where(e =>
                (e.Method == "Runtime.consoleAPICalled" && e.Params.GetProperty("type").GetString() is "error" or "assert")
                || e.Method == "Runtime.exceptionThrown"
                || (e.Method == "Log.entryAdded" && e.Params.GetProperty("entry").GetProperty("level").GetString() == "error"))
            .Select(e => e.Params.ToString()).ToList();
        Assert.True(errors.Count == 0, "console errors: " + string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Markdown_LinksEveryChartBesideIt()
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        var files = ReportWriter.Write(dir, "fr");
        var markdown = File.ReadAllText(files.MarkdownPath);
        foreach (var kind in ChartCatalog.Kinds)
        {
            Assert.Contains($"](charts/{kind}.png)", markdown, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dir, "charts", kind + ".png")));
            Assert.True(File.Exists(Path.Combine(dir, "charts", kind + ".svg")));
        }
        Assert.Contains("| priorite-bus | bus |", markdown, StringComparison.Ordinal);
        Assert.Contains("Graines des réplications : 1, 2, 3", markdown, StringComparison.Ordinal);
        // A plain string's language is not declared; a text in the note's language carries no mark.
        Assert.Contains("Fonctionnement actuel : deux centres, deux cycles, deux horloges. (texte fourni dans une seule langue)", markdown, StringComparison.Ordinal);
        Assert.Contains("décalages coordonnés vers Paris.\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void EnglishNote_SaysWhenATextExistsInFrenchOnly()
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        var markdown = File.ReadAllText(ReportWriter.Write(dir, "en").MarkdownPath);
        Assert.Contains("décalages coordonnés vers Paris. (text available in French only)", markdown, StringComparison.Ordinal);
        Assert.Contains("deux horloges. (text given in one language only)", markdown, StringComparison.Ordinal);
    }

    private static async Task<string> Evaluate(HeadlessChromium browser, string session, string expression)
    {
        var result = await browser.SendAsync("Runtime.evaluate", new { expression, returnByValue = true }, session);
        return result.GetProperty("result").GetProperty("value").GetString()!;
    }
}
