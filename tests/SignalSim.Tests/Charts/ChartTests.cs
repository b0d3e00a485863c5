// Every chart drawn for the comparison fixture of the default scenario, in French and in
// English: the PNG decodes, has the chart's size, and its data area holds drawing (not only
// background and grid); the SVG is a complete SVG document.
using SignalSim.Charts.Charts;
using SignalSim.Charts.Results;
using SkiaSharp;

namespace SignalSim.Tests.Charts;

[Collection(ComparisonCollection.Name)]
public sealed class ChartTests(ComparisonFixture fixture)
{
    public static TheoryData<string, string> KindsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in ChartCatalog.Kinds)
        {
            data.Add(kind, "fr");
            data.Add(kind, "en");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void Chart_IsDrawnWithItsSizeAndAFilledDataArea(string kind, string language)
    {
        var chart = ChartCatalog.Find(kind)!;
        var context = new ChartContext(ResultsFolder.Open(fixture.Root), new ChartRequest { Language = language });
        var files = ChartCatalog.Draw(chart, context, Path.Combine(fixture.Root, "test-charts-" + language));

        using var bitmap = SKBitmap.Decode(files.PngPath);
        Assert.NotNull(bitmap);
        Assert.Equal(chart.Size, (bitmap.Width, bitmap.Height));
        var area = files.DataArea;
        Assert.True(area.Right - area.Left > bitmap.Width / 3 && area.Bottom - area.Top > bitmap.Height / 3, $"data area {area} is too small");
        Assert.True(InkShare(bitmap, area) > 0.004, $"{kind}: the data area {area} is almost empty ({InkShare(bitmap, area):P2} drawn)");

        var svg = File.ReadAllText(files.SvgPath);
        Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
        Assert.Contains("</svg>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_drawn_in_parallel_write_the_same_svg_bytes_every_time()
    {
        // The drawing library numbers clip paths from one process-wide counter; a second drawing
        // of the same chart, with others drawn at the same time, must not change its ids.
        var context = new ChartContext(ResultsFolder.Open(fixture.Root), new ChartRequest { Language = "en" });
        var kinds = ChartCatalog.Kinds.Take(4).ToList();
        var rounds = new[] { "svg-round-1", "svg-round-2" };
        foreach (var round in rounds)
            Parallel.ForEach(kinds, kind => ChartCatalog.Draw(ChartCatalog.Find(kind)!, context, Path.Combine(fixture.Root, round)));
        foreach (var kind in kinds)
        {
            var first = File.ReadAllBytes(Path.Combine(fixture.Root, rounds[0], kind + ".svg"));
            var second = File.ReadAllBytes(Path.Combine(fixture.Root, rounds[1], kind + ".svg"));
            Assert.True(first.AsSpan().SequenceEqual(second), $"{kind}.svg differs between two drawings");
        }
        Assert.Contains(kinds, kind => File.ReadAllText(Path.Combine(fixture.Root, rounds[0], kind + ".svg")).Contains("clip-path=\"url(#cl_1)\"", StringComparison.Ordinal));
    }

    /// <summary>Share of the data area's pixels clearly darker or more coloured than the white background and its light grid.</summary>
    internal static double InkShare(SKBitmap bitmap, DataArea area)
    {
        long inked = 0, total = 0;
        for (var y = area.Top + 2; y < area.Bottom - 2; y += 2)
        {
            for (var x = area.Left + 2; x < area.Right - 2; x += 2)
            {
                var p = bitmap.GetPixel(x, y);
                total++;
                if (Math.Min(p.Red, Math.Min(p.Green, p.Blue)) < 200) inked++;
            }
        }
        return total == 0 ? 0 : (double)inked / total;
    }
}
