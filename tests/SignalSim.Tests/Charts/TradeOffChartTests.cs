// The trade-off chart places each strategy at the figures of comparison.csv (read here with a
// plain split): x the car occupants' person-delay difference with its interval, y the sum of the
// bus and tram differences with the sum of their half-widths; the baseline at the origin. The
// front it draws holds exactly the points no other beats on both axes.
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
}
