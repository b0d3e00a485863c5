// Points durs hour by hour: hand-made stop-line records with a known worst place per hour (the
// ranking, the worst of each hour, the hours of a run over midnight, the sums over the hours
// equal to the whole period's time lost), the fixture's real run against its own summary.json,
// and the note's table, points_durs_hours.csv and the chart of a hand-made three-hour run.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SignalSim.Charts.Charts;
using SignalSim.Charts.Model;
using SignalSim.Charts.Report;
using SignalSim.Charts.Results;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Charts;

[Collection(ComparisonCollection.Name)]
public sealed class PointsDursHoursTests(ComparisonFixture fixture)
{
    private const double Eight = 8 * 3600;

    private static CrossingRow Bus(double timeS, string intersection, string approach, double delayS, double dwellS = 0) =>
        new(timeS, intersection, approach, "", 0, "bus", delayS, dwellS);

    /// <summary>Start of day 08:00, no warm-up, three measured hours: 08, 09 and 10 h. A is the worst at 8 h, B at 9 h, C at 10 h.</summary>
    private static List<CrossingRow> ThreeHours(string a = "a", string b = "b", string c = "c", string aIn = "a-in", string bIn = "b-in", string cIn = "c-in") =>
    [
        Bus(100, a, aIn, 60), Bus(200, a, aIn, 50, dwellS: 20), Bus(300, b, bIn, 30),
        Bus(3700, a, aIn, 10), Bus(3800, b, bIn, 90), Bus(3900, b, bIn, 80, dwellS: 25),
        Bus(7300, c, cIn, 40), Bus(7400, c, cIn, 45), Bus(7500, a, aIn, 20),
        // A car, which is no bus: it must count nowhere.
        new(150, c, cIn, "", 0, "car", 500, 0),
        // A measured bus crossing in the cool-down, after 11:00: it counts in the last measured hour.
        Bus(3 * 3600 + 120, c, cIn, 15),
    ];

    private static List<HourlyTimeLost> ThreeHoursTable() => HourlyPointsDurs.PerApproach(ThreeHours(), Eight, 0, 3 * 3600);

    [Fact]
    public void The_ranking_puts_the_largest_total_first_with_its_place_cause_and_hour()
    {
        var table = ThreeHoursTable();
        // b-in at 9 h: 90 + (80 - 25) = 145 s at the signal; c-in at 10 h: 40 + 45 + 15 (cool-down) = 100 s.
        Assert.Equal(("b", "b-in", 9, TimeLostCause.SignalAndQueue), (table[0].Intersection, table[0].Approach, table[0].Hour, table[0].Cause));
        Assert.Equal(145, table[0].TotalS, 9);
        Assert.Equal(2, table[0].Passages);
        Assert.Equal(72.5, table[0].PerBusS, 9);
        Assert.Equal(("c", 10, 100.0, 3), (table[1].Intersection, table[1].Hour, table[1].TotalS, table[1].Passages));
        // a-in at 8 h: 60 + (50 - 20) = 90 s at the signal, then its stop (20 s) far down.
        Assert.Equal(("a", 8, TimeLostCause.SignalAndQueue, 90.0), (table[2].Intersection, table[2].Hour, table[2].Cause, table[2].TotalS));
        for (var i = 1; i < table.Count; i++) Assert.True(table[i - 1].TotalS >= table[i].TotalS, $"row {i} is worse than row {i - 1}");
        var stop = Assert.Single(table, r => r.Cause == TimeLostCause.Stop && r.Hour == 8);
        Assert.Equal(("a-in", 20.0, 2), (stop.Approach, stop.TotalS, stop.Passages));
        // No stop on a segment, no stop row: c-in never dwells.
        Assert.DoesNotContain(table, r => r.Approach == "c-in" && r.Cause == TimeLostCause.Stop);
    }

    [Fact]
    public void Where_the_records_split_it_the_signal_and_the_queue_are_two_causes_that_add_up_to_the_delay_less_dwell()
    {
        List<CrossingRow> crossings =
        [
            // 60 s of delay, 45 of them in front of the red: 15 s lost at green.
            new(100, "a", "a-in", "", 0, "bus", 60, 0, 45),
            // 50 s, 20 of them at the stop, 10 at the red: 20 s at green.
            new(200, "a", "a-in", "", 1, "bus", 50, 20, 10),
            // Arrived on green behind a queue moving off: nothing at the red.
            new(300, "a", "a-in", "", 2, "bus", 12, 0, 0),
            // A record whose red share exceeds its delay (it drove faster than free flow at green): capped.
            new(400, "a", "a-in", "", 3, "bus", 5, 0, 7),
        ];
        var table = HourlyPointsDurs.PerApproach(crossings, Eight, 0, 3600);
        var signal = Assert.Single(table, r => r.Cause == TimeLostCause.Signal);
        var queue = Assert.Single(table, r => r.Cause == TimeLostCause.Queue);
        var stop = Assert.Single(table, r => r.Cause == TimeLostCause.Stop);
        Assert.Equal((45 + 10 + 0 + 5.0, 4), (signal.TotalS, signal.Passages));
        Assert.Equal(15 + 20 + 12 + 0.0, queue.TotalS, 9);
        Assert.Equal(20.0, stop.TotalS, 9);
        Assert.Equal(crossings.Sum(c => c.DelayS), table.Sum(r => r.TotalS), 9);
        Assert.DoesNotContain(table, r => r.Cause == TimeLostCause.SignalAndQueue);
        var one = Assert.Single(HourlyPointsDurs.PerIntersection(table));
        Assert.Equal(4, one.Passages);
        Assert.Equal(("signal", "queue"), (PointsDursSection.CauseWord(TimeLostCause.Signal), PointsDursSection.CauseWord(TimeLostCause.Queue)));
    }

    [Fact]
    public void Each_hour_names_its_own_worst_intersection()
    {
        var perIntersection = HourlyPointsDurs.PerIntersection(ThreeHoursTable());
        var worst = HourlyPointsDurs.WorstPerHour(perIntersection);
        Assert.Equal([8, 9, 10], worst.Keys.Order());
        // 8 h: a loses 60 + 50 (dwell included) = 110 s against b's 30 s.
        Assert.Equal(("a", 110.0, 2), (worst[8].Intersection, worst[8].TotalS, worst[8].Passages));
        Assert.Equal(("b", 170.0, 2), (worst[9].Intersection, worst[9].TotalS, worst[9].Passages));
        Assert.Equal(("c", 100.0, 3), (worst[10].Intersection, worst[10].TotalS, worst[10].Passages));
    }

    [Fact]
    public void The_hours_add_up_to_the_whole_period_per_approach_and_cause()
    {
        var crossings = ThreeHours();
        var table = ThreeHoursTable();
        var buses = crossings.Where(c => c.Mode == "bus").ToList();
        Assert.Equal(buses.Sum(c => c.DelayS), table.Sum(r => r.TotalS), 9);
        // Per approach, against the whole-period figures of the points-durs bar chart.
        foreach (var a in BusTimeLost.PerApproach(crossings))
        {
            var here = table.Where(r => r.Approach == a.Approach).ToList();
            Assert.Equal(a.Lost.SignalAndQueueS, here.Where(r => r.Cause == TimeLostCause.SignalAndQueue).Sum(r => r.TotalS), 9);
            Assert.Equal(a.Lost.DwellS, here.Where(r => r.Cause == TimeLostCause.Stop).Sum(r => r.TotalS), 9);
            Assert.Equal(a.Passages, here.Where(r => r.Cause == TimeLostCause.SignalAndQueue).Sum(r => r.Passages));
        }
    }

    [Fact]
    public void A_run_over_midnight_keeps_its_two_days_apart()
    {
        // 23:00 start, two measured hours: 23 h and the next day's 00 h.
        var hours = HourlyPointsDurs.MeasuredHours(23 * 3600, 0, 7200);
        Assert.Equal([23, 24], hours);
        var table = HourlyPointsDurs.PerApproach([Bus(100, "a", "a-in", 10), Bus(3700, "a", "a-in", 30)], 23 * 3600, 0, 7200);
        Assert.Equal([24, 23], table.Select(r => r.Hour));
        var fr = SignalSim.Charts.Labels.ChartLabels.For("fr");
        Assert.Equal("23 h–00 h", PointsDursSection.Hour(fr, 23));
        Assert.Equal("00 h–01 h", PointsDursSection.Hour(fr, 24));
        // An hour the measured period covers only in part is named by its measured minutes.
        var measured = (FromS: Eight + 300, ToS: Eight + 300 + 3600);
        Assert.Equal("08 h 05–09 h 00", PointsDursSection.Hour(fr, 8, measured));
        Assert.Equal("09 h 00–09 h 05", PointsDursSection.Hour(fr, 9, measured));
        Assert.Equal("08:05–09:00", PointsDursSection.Hour(SignalSim.Charts.Labels.ChartLabels.For("en"), 8, measured));
        Assert.Equal("10 h–11 h", PointsDursSection.Hour(fr, 10, (Eight, Eight + 3 * 3600)));
        // A window ending on the hour does not open the next one.
        Assert.Equal([8], HourlyPointsDurs.MeasuredHours(Eight, 300, 3300));
    }

    [Fact]
    public void The_fixture_hours_add_up_to_each_intersection_bus_delay_of_summary_json()
    {
        var folder = ResultsFolder.Open(fixture.Root);
        var run = folder.BaselineRun;
        var table = HourlyPointsDurs.Of(run);
        Assert.NotEmpty(table);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(run.PathOf(RunSummaryFile.FileName)));
        var checkedOne = false;
        foreach (var x in summary.RootElement.GetProperty("points_durs").GetProperty("intersections").EnumerateArray())
        {
            var bus = x.GetProperty("bus");
            var crossings = bus.GetProperty("crossings").GetInt32();
            // The engine splits the signal's share from the queue's: both together are the summary's signal delay.
            var here = table.Where(r => r.Intersection == x.GetProperty("intersection").GetString()).ToList();
            Assert.DoesNotContain(here, r => r.Cause == TimeLostCause.SignalAndQueue);
            var signal = here.Where(r => r.Cause is TimeLostCause.Signal or TimeLostCause.Queue).ToList();
            Assert.Equal(crossings, here.Where(r => r.CarriesPassages).Sum(r => r.Passages));
            if (crossings == 0) continue;
            // summary.json rounds the mean, crossings.csv each delay, to the millisecond.
            Assert.Equal(bus.GetProperty("mean_signal_delay_s").GetDouble() * crossings, signal.Sum(r => r.TotalS), 0.001 * crossings + 0.001);
            checkedOne = true;
        }
        Assert.True(checkedOne, "no intersection of the fixture had a bus");
    }

    /// <summary>Three intersections of the fixture's baseline run that buses cross, standing for a, b and c.</summary>
    private string[] Places => Approaches.Keys.Order(StringComparer.Ordinal).Take(3).ToArray();

    /// <summary>One approach of each intersection buses cross in the fixture, so that every other chart still finds its links.</summary>
    private Dictionary<string, string> Approaches => CrossingRow.Read(Path.Combine(fixture.Root, ComparisonFixture.StrategyIds[0], CrossingRow.FileName))
        .Where(c => c.Mode == "bus").GroupBy(c => c.Intersection).ToDictionary(g => g.Key, g => g.First().Approach, StringComparer.Ordinal);

    /// <summary>
    /// The fixture with the baseline's crossings replaced by the three hand-made hours at its
    /// first three intersections, and its summary measuring 08:05-11:00 (the scenario starts at 08:00).
    /// </summary>
    private string ThreeHourFolder(TempDirectory temp)
    {
        var dir = fixture.CopyTo(temp["results"]);
        var baseline = Path.Combine(dir, ComparisonFixture.StrategyIds[0]);
        var lines = new List<string> { "time_s,intersection,centre,approach,vehicle_id,mode,route,delay_s,dwell_s" };
        var id = 0;
        var (a, b, c3) = (Places[0], Places[1], Places[2]);
        foreach (var c in ThreeHours(a, b, c3, Approaches[a], Approaches[b], Approaches[c3]))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{c.TimeS:0.000},{c.Intersection},paris,{c.Approach},{id++},{c.Mode},r,{c.DelayS:0.000},{c.DwellS:0.000}"));
        }
        File.WriteAllLines(Path.Combine(baseline, CrossingRow.FileName), lines);
        var summaryPath = Path.Combine(baseline, RunSummaryFile.FileName);
        var summary = JsonNode.Parse(File.ReadAllText(summaryPath))!;
        summary["warmup_s"] = ComparisonFixture.WarmupS;
        summary["duration_s"] = 3 * 3600 - ComparisonFixture.WarmupS;
        File.WriteAllText(summaryPath, summary.ToJsonString());
        return dir;
    }

    [Fact]
    public void The_note_ranks_the_baseline_worst_first_and_writes_every_strategy_to_the_csv()
    {
        using var temp = new TempDirectory();
        var dir = ThreeHourFolder(temp);
        var files = ReportWriter.Write(dir, "fr");
        var markdown = File.ReadAllText(files.MarkdownPath);
        var section = markdown[markdown.IndexOf("## Points durs des bus heure par heure", StringComparison.Ordinal)..];
        // Before the strategies: the committee sees where buses lose time first.
        Assert.True(markdown.IndexOf("## Points durs des bus heure par heure", StringComparison.Ordinal) < markdown.IndexOf("## Stratégies comparées", StringComparison.Ordinal));
        var rows = section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(2).ToList();
        var (a, b, c) = (Places[0], Places[1], Places[2]);
        Assert.Equal($"| {b} | {Approaches[b]} | feu et file d'attente | 09 h–10 h | 2 | 72,5 | 145 |", rows[0]);
        Assert.Equal($"| {c} | {Approaches[c]} | feu et file d'attente | 10 h–11 h | 3 | 33,3 | 100 |", rows[1]);
        // The summary measures 08:05-11:00: the first hour is named by its measured minutes.
        Assert.Contains($"| {a} | {Approaches[a]} | arrêt | 08 h {ComparisonFixture.WarmupS / 60:00}–09 h 00 | 2 | 10,0 | 20 |", rows);

        var csv = File.ReadAllLines(Path.Combine(dir, PointsDursSection.FileName));
        Assert.Equal(string.Join(',', PointsDursSection.Columns), csv[0]);
        Assert.Equal($"statu-quo,1,{b},{Approaches[b]},signal_and_queue,0,09:00,2,72.500,145.000", csv[1]);
        // Every strategy of the folder, ranked on its own.
        foreach (var strategy in ComparisonFixture.StrategyIds)
            Assert.Contains(csv, l => l.StartsWith(strategy + ",1,", StringComparison.Ordinal));
        Assert.Contains(PointsDursSection.FileName, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_note_without_bus_crossings_removes_the_table_an_earlier_note_wrote()
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        SignalSim.Core.Output.OutputManifest.Write(dir, []); // a folder SignalSim owns, as `compare` leaves it
        ReportWriter.Write(dir, "fr");
        var table = Path.Combine(dir, PointsDursSection.FileName);
        Assert.True(File.Exists(table));
        Assert.Contains(PointsDursSection.FileName, SignalSim.Core.Output.OutputManifest.Read(dir)!);

        File.Delete(Path.Combine(dir, ComparisonFixture.StrategyIds[0], CrossingRow.FileName));
        var markdown = File.ReadAllText(ReportWriter.Write(dir, "fr").MarkdownPath);
        Assert.False(File.Exists(table), "the earlier note's points_durs_hours.csv is still there");
        Assert.DoesNotContain("## Points durs des bus heure par heure", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_draws_one_map_per_hour_with_each_hour_worst_named()
    {
        using var temp = new TempDirectory();
        var dir = ThreeHourFolder(temp);
        var chart = ChartCatalog.Find("points-durs-hours")!;
        var files = ChartCatalog.Draw(chart, new ChartContext(ResultsFolder.Open(dir), new ChartRequest { Language = "fr" }), temp["charts"]);
        var svg = System.Net.WebUtility.HtmlDecode(File.ReadAllText(files.SvgPath));
        // Measured 08:05-11:00: the first panel names its measured minutes, the others whole hours.
        foreach (var hour in new[] { "08 h 05–09 h 00", "09 h–10 h", "10 h–11 h" }) Assert.Contains(hour, svg, StringComparison.Ordinal);
        Assert.DoesNotContain("11 h–12 h", svg, StringComparison.Ordinal);
        // Each hour's worst named with its time lost per bus: a at 8 h (110 s / 2), b at 9 h (170 s / 2), c at 10 h (100 s / 3).
        Assert.Contains($"{Places[0]} : 55 s par bus", svg, StringComparison.Ordinal);
        Assert.Contains($"{Places[1]} : 85 s par bus", svg, StringComparison.Ordinal);
        Assert.Contains($"{Places[2]} : 33 s par bus", svg, StringComparison.Ordinal);
        using var bitmap = SkiaSharp.SKBitmap.Decode(files.PngPath);
        Assert.Equal(chart.Size, (bitmap.Width, bitmap.Height));
        Assert.True(ChartTests.InkShare(bitmap, files.DataArea) > 0.004, "the maps are almost empty");
    }
}
