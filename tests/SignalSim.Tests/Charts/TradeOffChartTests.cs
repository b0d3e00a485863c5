// The trade-off chart places each strategy at the figures of comparison.csv (read here with a
// plain split): x the car occupants' person-delay difference with its interval, y the sum of the
// bus and tram differences with the sum of their half-widths; the baseline at the origin. The
// front it draws holds exactly the points no other beats on both axes. The axes fit the points
// with their intervals; a strategy far out is set apart (drawn in an inset) so that it does not
// squeeze the others, and only then.
using System.Globalization;
using SignalSim.Charts.Charts;
using SignalSim.Charts.Results;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Charts;

[Collection(ComparisonCollection.Name)]
public sealed class TradeOffChartTests(ComparisonFixture fixture)
{
    [Fact]
    public void EveryStrategy_SitsAtItsComparisonFigures()
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        var points = TradeOffChart.Points(ResultsFolder.Open(dir));
        var lines = File.ReadAllLines(Path.Combine(dir, "comparison.csv"));
        var header = lines[0].Split(',').Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        double F(string[] r, string column) => double.Parse(r[header[column]], CultureInfo.InvariantCulture);

        Assert.Equal(ComparisonFixture.StrategyIds, points.Select(p => p.Strategy));
        var baseline = Assert.Single(points, p => p.IsBaseline);
        Assert.Equal((0.0, 0.0), (baseline.CarDiffH, baseline.TransitDiffH));
        foreach (var p in points.Where(p => !p.IsBaseline))
        {
            var car = rows.Single(r => r[0] == p.Strategy && r[1] == "car");
            Assert.Equal(F(car, "person_delay_diff_h"), p.CarDiffH, 9);
            Assert.Equal(F(car, "person_delay_diff_ci95_low_h"), p.CarLowH, 9);
            Assert.Equal(F(car, "person_delay_diff_ci95_high_h"), p.CarHighH, 9);
            var transit = rows.Where(r => r[0] == p.Strategy && r[1] is "bus" or "tram").ToList();
            Assert.NotEmpty(transit);
            var mean = transit.Sum(r => F(r, "person_delay_diff_h"));
            Assert.Equal(mean, p.TransitDiffH, 9);
            Assert.Equal(mean - transit.Sum(r => F(r, "person_delay_diff_h") - F(r, "person_delay_diff_ci95_low_h")), p.TransitLowH, 9);
            Assert.Equal(mean + transit.Sum(r => F(r, "person_delay_diff_ci95_high_h") - F(r, "person_delay_diff_h")), p.TransitHighH, 9);
        }
    }

    [Fact]
    public void TheFront_HoldsExactlyThePointsNoOtherBeatsOnBothAxes()
    {
        static TradeOffPoint P(string id, double car, double transit) => new(id, id == "base", car, car, car, transit, transit, transit);
        TradeOffPoint[] points =
        [
            P("base", 0, 0),
            P("buses-first", 1.5, -4),     // front: best for public transport
            P("cars-first", -2, 0.5),      // front: best for cars
            P("balanced", -0.5, -1),       // front: beats base on both
            P("worse", 1.6, -3.9),         // dominated by buses-first
            P("tie-on-car", -0.5, -0.5),   // dominated by balanced (same car, worse transit)
        ];
        var front = TradeOffChart.Front(points);
        Assert.Equal(["cars-first", "balanced", "buses-first"], front.Select(p => p.Strategy));
    }

    [Fact]
    public void AStrategyFarOut_IsSetApart_AndTheAxesFitTheOthersWithTheirIntervals()
    {
        static TradeOffPoint P(string id, double car, double carHalf, double transit, double transitHalf) =>
            new(id, id == "base", car, car - carHalf, car + carHalf, transit, transit - transitHalf, transit + transitHalf);
        // The default scenario's shape: tram preemption costs cars about 130 person-hours, the others a few.
        TradeOffPoint[] points =
        [
            P("base", 0, 0, 0, 0), P("bus", 6.3, 1.9, -13, 3), P("cycle", 4.8, 1.8, 5.4, 4.3), P("side", 1.4, 0.6, -0.3, 1.3), P("tram", 129, 37, -0.5, 3),
        ];
        Assert.Equal(["tram"], TradeOffChart.FarOut(points));
        var main = TradeOffChart.Fit(points.Where(p => p.Strategy != "tram"));
        foreach (var p in points.Where(p => p.Strategy != "tram"))
        {
            Assert.True(main.Contains(p.CarLowH, p.TransitLowH) && main.Contains(p.CarHighH, p.TransitHighH), $"{p.Strategy} and its interval lie outside the main window");
        }
        Assert.True(main.Contains(0, 0), "the baseline (origin) is outside the main window");
        Assert.True(main.Right < 20 && main.Left > -2, $"the main window [{main.Left}, {main.Right}] does not fit the points near the origin");
        Assert.True(main.Top < 15 && main.Bottom > -20, $"the main window [{main.Bottom}, {main.Top}] does not fit the points near the origin");
        var whole = TradeOffChart.Fit(points);
        Assert.True(whole.Contains(92, -3.5) && whole.Contains(166, 2.5), "the inset's window does not hold the far strategy with its interval");

        // Comparable reaches: nobody is set apart.
        Assert.Empty(TradeOffChart.FarOut(points.Where(p => p.Strategy != "tram").ToList()));
    }

    [Fact]
    public void AFolderWithAStrategyFarOut_IsDrawn_WithEveryStrategyAtItsFigures()
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        // Make one strategy's car person-delay difference 200 times larger, interval included.
        var path = Path.Combine(dir, "comparison.csv");
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
        var far = ComparisonFixture.StrategyIds[2];
        for (var i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            if (f[0] != far || f[1] != "car") continue;
            foreach (var c in new[] { "person_delay_diff_h", "person_delay_diff_ci95_low_h", "person_delay_diff_ci95_high_h" })
                f[header[c]] = (200 * double.Parse(f[header[c]], CultureInfo.InvariantCulture) + 500).ToString("R", CultureInfo.InvariantCulture);
            lines[i] = string.Join(',', f);
        }
        File.WriteAllLines(path, lines);
        var folder = ResultsFolder.Open(dir);
        var points = TradeOffChart.Points(folder);
        Assert.Equal([far], TradeOffChart.FarOut(points));
        var car = lines.Skip(1).Select(l => l.Split(',')).Single(f => f[0] == far && f[1] == "car");
        Assert.Equal(double.Parse(car[header["person_delay_diff_h"]], CultureInfo.InvariantCulture), points.Single(p => p.Strategy == far).CarDiffH, 9);

        var files = ChartCatalog.Draw(new TradeOffChart(), new ChartContext(folder, new ChartRequest { Language = "en" }), temp["charts"]);
        Assert.True(new FileInfo(files.PngPath).Length > 0);
        var svg = File.ReadAllText(files.SvgPath);
        Assert.Contains($"{far} (in the inset):", svg, StringComparison.Ordinal);
        Assert.Contains("all strategies (person-hours)", svg, StringComparison.Ordinal);
    }
}
