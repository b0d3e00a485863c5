// The labels files: both languages define the same keys, French keeps its accents, every text
// can be drawn with the chart font (no missing glyph, so no empty boxes in place of é or «),
// and the texts reach the chart files (SVG keeps text as text).
using ScottPlot;
using SignalSim.Charts.Charts;
using SignalSim.Charts.Labels;
using SignalSim.Charts.Results;

namespace SignalSim.Tests.Charts;

[Collection(ComparisonCollection.Name)]
public sealed class LabelsTests(ComparisonFixture fixture)
{
    [Fact]
    public void BothLanguages_DefineTheSameKeys()
    {
        var fr = ChartLabels.For("fr").Keys.Order(StringComparer.Ordinal).ToList();
        var en = ChartLabels.For("en").Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(fr, en);
        foreach (var kind in ChartCatalog.Kinds) Assert.Contains($"caption.{kind}", fr);
    }

    [Fact]
    public void French_KeepsItsAccents()
    {
        var fr = ChartLabels.For("fr");
        Assert.Equal("Temps de parcours par mode et par stratégie", fr["chart.travel-time-box.title"]);
        Assert.Equal("vélos", fr.Mode("cycle"));
        Assert.Equal("12,5", fr.Number(12.5, 1));
        Assert.Equal("\u22123,0", fr.Signed(-3, 1));
        Assert.Equal("12.5", ChartLabels.For("en").Number(12.5, 1));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void EveryLabel_HasAllItsGlyphsInTheChartFont(string language)
    {
        var labels = ChartLabels.For(language);
        foreach (var key in labels.Keys)
        {
            var points = Fonts.GetStandaloneCodePoints(labels[key]);
            Assert.True(Fonts.CountMissingGlyphs(ChartStyle.FontName, points) == 0, $"{language}.json '{key}' has glyphs missing from {ChartStyle.FontName}");
        }
        Assert.Equal("DejaVu Sans", ChartStyle.FontName);
    }

    [Theory]
    [InlineData("fr", "Temps de parcours par mode et par stratégie", "voitures")]
    [InlineData("en", "Travel time by mode and strategy", "cars")]
    public void ChartText_IsInTheChosenLanguage(string language, string title, string mode)
    {
        using var temp = new Output.TempDirectory();
        var chart = ChartCatalog.Find("travel-time-box")!;
        var files = ChartCatalog.Draw(chart, new ChartContext(ResultsFolder.Open(fixture.Root), new ChartRequest { Language = language }), temp.Path);
        var svg = File.ReadAllText(files.SvgPath);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(title).Replace("&#233;", "é", StringComparison.Ordinal), svg.Replace("&#233;", "é", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(mode, svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_KeepsDashesAndHatches()
    {
        using var temp = new Output.TempDirectory();
        var context = new ChartContext(ResultsFolder.Open(fixture.Root), new ChartRequest());
        var bars = File.ReadAllText(ChartCatalog.Draw(ChartCatalog.Find("bus-time-lost")!, context, temp.Path).SvgPath);
        Assert.Contains("<pattern id=\"hatch0\"", bars, StringComparison.Ordinal);
        Assert.Contains("fill=\"url(#hatch", bars, StringComparison.Ordinal);
        var lines = File.ReadAllText(ChartCatalog.Draw(ChartCatalog.Find("transit-cdf")!, context, temp.Path).SvgPath);
        Assert.Contains("stroke-dasharray=", lines, StringComparison.Ordinal);
    }
}
