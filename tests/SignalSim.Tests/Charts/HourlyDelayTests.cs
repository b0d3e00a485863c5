// Figures hour by hour across the day: hand-made trips and pedestrians with known hourly figures
// (unfinished buses in the person-delay, not in the bus mean; pedestrians in their arrival hour;
// a class the scenario lacks refused), the fixture's hours adding up to its summary.json, and the
// charts of a hand-made three-hour run ticking every hour.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SignalSim.Charts.Charts;
using SignalSim.Charts.Model;
using SignalSim.Charts.Results;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Charts;

[Collection(ComparisonCollection.Name)]
public sealed class HourlyDelayTests(ComparisonFixture fixture)
{
    private static readonly Dictionary<string, double> Occupancy = new(StringComparer.Ordinal) { ["car"] = 1.5, ["bus"] = 40 };

    [Fact]
    public void Each_hour_holds_the_travellers_who_started_in_it()
    {
        VehicleDelayRow[] vehicles =
        [
            new("bus", "bus", 100, 60, true), new("bus", "bus", 200, 30, true), new("car", "car", 300, 20, true),
            new("bus", "bus", 3700, 90, true),
            // Unfinished: counted in the person-delay with its delay so far, not in the mean of finished bus trips.
            new("bus", "bus", 3800, 500, false),
            new("car", "car", 7300, 10, true),
        ];
        PedestrianWaitRow[] pedestrians = [new(400, 36), new(7400, 72)];
        // 08:00 start, no warm-up, three measured hours.
        var hours = HourlyDelay.Of(vehicles, pedestrians, Occupancy, 8 * 3600, 0, 3 * 3600);

        Assert.Equal([8, 9, 10], hours.Select(h => h.Hour));
        Assert.Equal((2, 45.0), (hours[0].BusTrips, hours[0].BusMeanDelayS!.Value));
        Assert.Equal((1, 90.0), (hours[1].BusTrips, hours[1].BusMeanDelayS!.Value));
        Assert.Equal(0, hours[2].BusTrips);
        Assert.Null(hours[2].BusMeanDelayS);
        Assert.Equal(((60 + 30) * 40 + 20 * 1.5 + 36) / 3600, hours[0].PersonDelayH, 12);
        Assert.Equal((90 + 500) * 40 / 3600.0, hours[1].PersonDelayH, 12);
        Assert.Equal((10 * 1.5 + 72) / 3600, hours[2].PersonDelayH, 12);
    }

    [Fact]
    public void A_vehicle_class_the_scenario_lacks_is_refused_naming_the_file()
    {
        var e = Assert.Throws<ResultsFileException>(() =>
            HourlyDelay.Of([new VehicleDelayRow("car", "lorry", 10, 5, true)], [], Occupancy, 0, 0, 3600, "x/trips.csv"));
        Assert.Contains("lorry", e.Message, StringComparison.Ordinal);
        Assert.Contains("x/trips.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fixture_hours_add_up_to_the_run_person_delay_and_bus_delay_of_summary_json()
    {
        foreach (var run in ResultsFolder.Open(fixture.Root).Runs)
        {
            var hours = HourlyDelay.Of(run);
            using var summary = JsonDocument.Parse(File.ReadAllBytes(run.PathOf(RunSummaryFile.FileName)));
            var modes = summary.RootElement.GetProperty("modes").EnumerateArray().ToList();
            var vehiclesH = modes.Sum(m => m.GetProperty("person_delay_h").GetDouble());
            var pedestriansH = PedestrianWaitRow.Read(run.PathOf(PedestrianWaitRow.FileName)).Sum(p => p.WaitS) / 3600;
            Assert.True(pedestriansH > 0, $"{run.Name}: no pedestrian waited");
            // summary.json rounds each mode's person-hours to 0.001.
            Assert.Equal(vehiclesH + pedestriansH, hours.Sum(h => h.PersonDelayH), 0.001 * modes.Count + 1e-6);

            var bus = modes.Single(m => m.GetProperty("mode").GetString() == "bus");
            var busTrips = bus.GetProperty("trips").GetInt32();
            Assert.Equal(busTrips, hours.Sum(h => h.BusTrips));
            var weighted = hours.Where(h => h.BusMeanDelayS is not null).Sum(h => h.BusMeanDelayS!.Value * h.BusTrips) / busTrips;
            Assert.Equal(bus.GetProperty("mean_delay_s").GetDouble(), weighted, 0.001);
        }
    }

    [Theory]
    [InlineData("hourly-bus-delay")]
    [InlineData("hourly-person-delay")]
    public void The_charts_of_a_three_hour_run_tick_every_hour_and_draw_each_strategy(string kind)
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        // Spread every strategy's travellers over 08:05-11:00: each third row an hour later, each
        // third two hours later, and say so in summary.json.
        foreach (var id in ComparisonFixture.StrategyIds)
        {
            Shift(Path.Combine(dir, id, TripRow.FileName), "depart_s");
            Shift(Path.Combine(dir, id, PedestrianWaitRow.FileName), "arrival_s");
            var summaryPath = Path.Combine(dir, id, RunSummaryFile.FileName);
            var summary = JsonNode.Parse(File.ReadAllText(summaryPath))!;
            summary["duration_s"] = 3 * 3600 - ComparisonFixture.WarmupS;
            File.WriteAllText(summaryPath, summary.ToJsonString());
        }
        var folder = ResultsFolder.Open(dir);
        var hours = HourlyDelay.Of(folder.BaselineRun);
        Assert.Equal([8, 9, 10], hours.Select(h => h.Hour));
        Assert.All(hours, h => Assert.True(h.BusTrips > 0 && h.PersonDelayH > 0, $"hour {h.Hour} is empty"));

        var chart = ChartCatalog.Find(kind)!;
        var files = ChartCatalog.Draw(chart, new ChartContext(folder, new ChartRequest { Language = "fr" }), temp["charts"]);
        var svg = System.Net.WebUtility.HtmlDecode(File.ReadAllText(files.SvgPath));
        foreach (var tick in new[] { "08 h", "09 h", "10 h", "11 h" }) Assert.Contains(tick, svg, StringComparison.Ordinal);
        foreach (var id in ComparisonFixture.StrategyIds) Assert.Contains(id, svg, StringComparison.Ordinal);
        using var bitmap = SkiaSharp.SKBitmap.Decode(files.PngPath);
        Assert.Equal(chart.Size, (bitmap.Width, bitmap.Height));
        Assert.True(ChartTests.InkShare(bitmap, files.DataArea) > 0.004, $"{kind}: the data area is almost empty");
    }

    /// <summary>Adds one hour to every third row's <paramref name="column"/> and two hours to the next third.</summary>
    private static void Shift(string path, string column)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.IndexOf(lines[0].Split(','), column);
        Assert.True(index >= 0, $"{path} has no {column}");
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(','); // the fixture's ids hold no comma
            var s = double.Parse(fields[index], CultureInfo.InvariantCulture) + 3600 * (i % 3);
            fields[index] = s.ToString("0.000", CultureInfo.InvariantCulture);
            lines[i] = string.Join(',', fields);
        }
        File.WriteAllLines(path, lines);
    }
}
