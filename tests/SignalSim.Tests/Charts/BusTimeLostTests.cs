// Bus time lost per approach and per intersection, by cause: hand-made stop-line records whose
// parts at the red signal, in the queue at green and at the stop are computed by hand, the same
// figures as the hour-by-hour ranking's, the combined figure kept for records without
// red_delay_s, the map's labels, and the bar chart and the map drawn for the fixture's results
// folder with and without the red_delay_s column.
using ScottPlot;
using SignalSim.Charts.Charts;
using SignalSim.Charts.Labels;
using SignalSim.Charts.Model;
using SignalSim.Charts.Results;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Charts;

[Collection(ComparisonCollection.Name)]
public sealed class BusTimeLostTests(ComparisonFixture fixture)
{
    private static CrossingRow Bus(double timeS, string intersection, string approach, double delayS, double dwellS, double? redS) =>
        new(timeS, intersection, approach, "", 0, "bus", delayS, dwellS, redS);

    /// <summary>Two approaches of a and one of b; every record says its red share.</summary>
    private static List<CrossingRow> Split() =>
    [
        // a-in: 60 s of delay, 45 at the red, so 15 at green.
        Bus(100, "a", "a-in", 60, 0, 45),
        // 50 s, 20 of them at the stop, 10 at the red: 20 at green.
        Bus(200, "a", "a-in", 50, 20, 10),
        // A red share above the delay less dwell (faster than free flow at green): capped at 16.
        Bus(300, "a", "a-in", 40, 24, 30),
        // a-side: arrived on green behind a queue moving off, nothing at the red.
        Bus(400, "a", "a-side", 12, 0, 0),
        // b-in: all at the red, a stop of 8 s.
        Bus(500, "b", "b-in", 38, 8, 30),
        // A car is no bus: it counts nowhere.
        new(150, "a", "a-in", "", 9, "car", 500, 0, 400),
    ];

    [Fact]
    public void Each_approach_splits_its_time_lost_into_red_signal_queue_at_green_and_stop_adding_up_to_the_total()
    {
        var perApproach = BusTimeLost.PerApproach(Split()).ToDictionary(a => a.Approach);
        Assert.Equal(["a-in", "a-side", "b-in"], perApproach.Keys.Order(StringComparer.Ordinal));

        var aIn = perApproach["a-in"].Lost;
        Assert.True(aIn.SplitsSignalAndQueue);
        Assert.Equal(3, aIn.Passages);
        Assert.Equal((45 + 10 + 16) / 3.0, aIn.MeanAtRedS!.Value, 9);
        Assert.Equal((15 + 20 + 0) / 3.0, aIn.MeanAtGreenS!.Value, 9);
        Assert.Equal((0 + 20 + 24) / 3.0, aIn.MeanDwellS, 9);
        Assert.Equal((60 + 50 + 40) / 3.0, aIn.MeanTotalS, 9);
        Assert.Equal(aIn.MeanTotalS, aIn.MeanAtRedS!.Value + aIn.MeanAtGreenS!.Value + aIn.MeanDwellS, 9);

        var aSide = perApproach["a-side"].Lost;
        Assert.Equal((0.0, 12.0, 0.0), (aSide.MeanAtRedS!.Value, aSide.MeanAtGreenS!.Value, aSide.MeanDwellS));
        var bIn = perApproach["b-in"].Lost;
        Assert.Equal((30.0, 0.0, 8.0, 38.0), (bIn.MeanAtRedS!.Value, bIn.MeanAtGreenS!.Value, bIn.MeanDwellS, bIn.MeanTotalS));
    }

    [Fact]
    public void The_whole_period_parts_are_the_sums_of_the_hour_by_hour_ranking()
    {
        var crossings = Split();
        // 08:00 start, one measured hour: every passage in the 8 h.
        var table = HourlyPointsDurs.PerApproach(crossings, 8 * 3600, 0, 3600);
        foreach (var a in BusTimeLost.PerApproach(crossings))
        {
            var here = table.Where(r => r.Approach == a.Approach).ToList();
            Assert.Equal(a.Lost.AtRedS!.Value, here.Where(r => r.Cause == TimeLostCause.Signal).Sum(r => r.TotalS), 9);
            Assert.Equal(a.Lost.AtGreenS!.Value, here.Where(r => r.Cause == TimeLostCause.Queue).Sum(r => r.TotalS), 9);
            Assert.Equal(a.Lost.DwellS, here.Where(r => r.Cause == TimeLostCause.Stop).Sum(r => r.TotalS), 9);
        }
    }

    [Fact]
    public void Each_intersection_takes_every_approach_passage_together()
    {
        var perIntersection = BusTimeLost.PerIntersection(Split());
        var a = perIntersection["a"];
        Assert.Equal(4, a.Passages);
        Assert.Equal((45 + 10 + 16 + 0) / 4.0, a.MeanAtRedS!.Value, 9);
        Assert.Equal((15 + 20 + 0 + 12) / 4.0, a.MeanAtGreenS!.Value, 9);
        Assert.Equal(44 / 4.0, a.MeanDwellS, 9);
        Assert.Equal((60 + 50 + 40 + 12) / 4.0, a.MeanTotalS, 9);
        Assert.Equal(38.0, perIntersection["b"].MeanTotalS, 9);

        var fr = ChartLabels.For("fr");
        Assert.Equal("40,5 s : feu rouge 17,8 ; file 11,8 ; arrêt 11,0", NetworkMapChart.LostLabel(fr, a));
        Assert.Equal("40.5 s: red 17.8, queue 11.8, stop 11.0", NetworkMapChart.LostLabel(ChartLabels.For("en"), a));
    }

    [Fact]
    public void Records_without_red_delay_keep_the_signal_and_the_queue_together()
    {
        List<CrossingRow> old = [Bus(100, "a", "a-in", 60, 0, null), Bus(200, "a", "a-in", 50, 20, null)];
        var lost = Assert.Single(BusTimeLost.PerApproach(old)).Lost;
        Assert.False(lost.SplitsSignalAndQueue);
        Assert.Null(lost.MeanAtRedS);
        Assert.Null(lost.MeanAtGreenS);
        Assert.Equal((60 + 30) / 2.0, lost.MeanSignalAndQueueS, 9);
        Assert.Equal(10.0, lost.MeanDwellS, 9);
        Assert.Equal(55.0, lost.MeanTotalS, 9);
        Assert.Equal("55,0 s : feu et file 45,0 ; arrêt 10,0", NetworkMapChart.LostLabel(ChartLabels.For("fr"), lost));

        // One record without its red share leaves the approach unsplit: its red time would be in neither part.
        var mixed = Assert.Single(BusTimeLost.PerApproach([.. old, Bus(300, "a", "a-in", 30, 0, 25)])).Lost;
        Assert.False(mixed.SplitsSignalAndQueue);
        Assert.Equal((60 + 30 + 30) / 3.0, mixed.MeanSignalAndQueueS, 9);
    }

    /// <summary>The fixture with every strategy's crossings.csv rewritten without its red_delay_s column, as older runs wrote it.</summary>
    private string FolderWithoutRedDelay(TempDirectory temp)
    {
        var dir = fixture.CopyTo(temp["results"]);
        foreach (var strategy in ComparisonFixture.StrategyIds)
        {
            var path = Path.Combine(dir, strategy, CrossingRow.FileName);
            var lines = File.ReadAllLines(path);
            var column = Array.IndexOf(lines[0].Split(','), "red_delay_s");
            Assert.True(column >= 0, $"{strategy}'s {CrossingRow.FileName} has no red_delay_s to remove");
            File.WriteAllLines(path, lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != column))));
        }
        return dir;
    }

    private static string DrawSvg(string kind, string dir, string outDir)
    {
        var chart = ChartCatalog.Find(kind)!;
        var files = ChartCatalog.Draw(chart, new ChartContext(ResultsFolder.Open(dir), new ChartRequest { Language = "fr" }), outDir);
        using var bitmap = SkiaSharp.SKBitmap.Decode(files.PngPath);
        Assert.Equal(chart.Size, (bitmap.Width, bitmap.Height));
        Assert.True(ChartTests.InkShare(bitmap, files.DataArea) > 0.004, $"{kind}: the data area is almost empty");
        return System.Net.WebUtility.HtmlDecode(File.ReadAllText(files.SvgPath));
    }

    /// <summary>The fill of the baseline's queue-at-green part, as the SVG writes it.</summary>
    private static string BaselineQueueTint => Colors.White.MixedWith(ChartStyle.StrategyColor(0), 0.4).ToHex();

    [Fact]
    public void The_chart_stacks_three_causes_when_the_records_split_them()
    {
        using var temp = new TempDirectory();
        var svg = DrawSvg("bus-time-lost", fixture.Root, temp["charts"]);
        foreach (var cause in new[] { "au feu rouge", "dans la file au vert", "à l'arrêt" }) Assert.Contains(cause, svg, StringComparison.Ordinal);
        Assert.DoesNotContain("au feu et dans la file", svg, StringComparison.Ordinal);
        Assert.Contains($"fill=\"{BaselineQueueTint}\"", svg, StringComparison.OrdinalIgnoreCase);
        foreach (var strategy in ComparisonFixture.StrategyIds) Assert.Contains(strategy, svg, StringComparison.Ordinal);

        var map = DrawSvg("network-map", fixture.Root, temp["charts"]);
        Assert.Contains("étiquette : temps perdu par bus, dont au feu rouge, dans la file au vert et à l'arrêt", map, StringComparison.Ordinal);
        Assert.Contains(" ; file ", map, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_keeps_the_signal_and_the_queue_together_for_records_without_red_delay()
    {
        using var temp = new TempDirectory();
        var dir = FolderWithoutRedDelay(temp);
        var svg = DrawSvg("bus-time-lost", dir, temp["charts"]);
        Assert.Contains("au feu et dans la file", svg, StringComparison.Ordinal);
        Assert.Contains("à l'arrêt", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("au feu rouge", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("dans la file au vert", svg, StringComparison.Ordinal);
        Assert.DoesNotContain($"fill=\"{BaselineQueueTint}\"", svg, StringComparison.OrdinalIgnoreCase);

        var map = DrawSvg("network-map", dir, temp["charts"]);
        Assert.Contains("dont au feu et dans la file, et à l'arrêt", map, StringComparison.Ordinal);
        Assert.Contains(" : feu et file ", map, StringComparison.Ordinal);
        Assert.DoesNotContain("feu rouge", map, StringComparison.Ordinal);
    }
}
