// The validation appendix of the note, measured on the default scenario's baseline run: the
// saturation flow falls in the range the isolated-intersection validation establishes, the
// flow and measured delay are those of crossings.csv (read here with a plain split), the
// theoretical delays follow their formulas, and the note shows the appendix with the unfinished
// vehicles of comparison.csv and the step-size check: the baseline's mean car travel time and
// delay at the step and at half the step, equal to those of the same runs made here again.
using System.Globalization;
using SignalSim.Analysis.Metrics;
using SignalSim.Charts.Report;
using SignalSim.Charts.Results;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Charts;

[Collection(ComparisonCollection.Name)]
public sealed class ValidationAppendixTests(ComparisonFixture fixture)
{
    [Fact]
    public void Appendix_IsMeasuredOnTheNotesOwnRun()
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        var v = ValidationAppendix.Measure(ResultsFolder.Open(dir));
        Assert.NotNull(v);
        Assert.InRange(v.SaturationFlowVehPerHourPerLane, 1500, 2000);
        Assert.InRange(v.StartUpLostTimeS, 0, 4);
        Assert.True(v.Headways >= 10 && v.SaturatedGreens >= 3);

        var lines = File.ReadAllLines(Path.Combine(dir, ComparisonFixture.StrategyIds[0], "crossings.csv"));
        var header = lines[0].Split(',').Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
        var cars = lines.Skip(1).Select(l => l.Split(','))
            .Where(f => f[header["mode"]] == "car" && f[header["intersection"]] == v.Intersection && f[header["approach"]] == v.Approach && f[header["group"]] == v.Group)
            .Select(f => double.Parse(f[header["delay_s"]], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(cars.Count, v.Crossings);
        Assert.Equal(cars.Average(), v.MeasuredDelayS, 9);
        Assert.Equal(cars.Count / ComparisonFixture.DurationS / v.Lanes * 3600, v.FlowVehPerHourPerLane, 6);

        var s = v.SaturationFlowVehPerHourPerLane / 3600;
        var q = v.FlowVehPerHourPerLane / 3600;
        var lambda = v.EffectiveGreenS / v.CycleS;
        Assert.Equal(v.CycleS * Math.Pow(1 - lambda, 2) / (2 * (1 - q / s)), v.DeterministicDelayS, 9);
        Assert.Equal(q / (lambda * s), v.DegreeOfSaturation, 9);
        Assert.True(v.WebsterDelayS > v.DeterministicDelayS, "random arrivals add delay to the uniform part");

        var markdown = File.ReadAllText(ReportWriter.Write(dir, "fr").MarkdownPath);
        Assert.Contains("## Annexe : validation sur ce scénario", markdown, StringComparison.Ordinal);
        Assert.Contains($"| Débit de saturation (véh/h/voie) | {Math.Round(v.SaturationFlowVehPerHourPerLane).ToString(CultureInfo.InvariantCulture)} |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TheoreticalDelays_MatchHandComputedValues()
    {
        // C = 90 s, g = 45 s, q/s = 0.3: D/D/1 gives 90 × 0.25 / 1.4 = 16.07 s.
        Assert.Equal(16.0714, ValidationAppendix.DeterministicDelay(90, 45, 0.15, 0.5), 3);
        // Webster, same signal, q = 0.15 veh/s, x = 0.6: 14.0625 + 2.5 − 0.65 × 15.87 × 0.6^4.5 = 14.98 s.
        var x = 0.6;
        var expected = 90 * 0.25 / (2 * (1 - 0.5 * x)) + x * x / (2 * 0.15 * (1 - x)) - 0.65 * Math.Cbrt(90 / (0.15 * 0.15)) * Math.Pow(x, 4.5);
        Assert.Equal(expected, ValidationAppendix.WebsterDelay(90, 45, 0.15, 0.5), 9);
    }

    [Fact]
    public void Appendix_ShowsTheUnfinishedVehiclesOfComparisonCsv()
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        var lines = File.ReadAllLines(Path.Combine(dir, "comparison.csv"));
        var header = lines[0].Split(',').Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
        var vehicles = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[header["mode"]] is not ("all" or "pedestrian")).ToList();
        double Sum(string strategy, string column) => vehicles.Where(f => f[0] == strategy).Sum(f => double.Parse(f[header[column]], CultureInfo.InvariantCulture));
        var baseline = ComparisonFixture.StrategyIds[0];
        var unfinished = Sum(baseline, "unfinished_per_replication");
        var share = 100 * unfinished / (unfinished + Sum(baseline, "trips_per_replication"));
        var range = ComparisonFixture.StrategyIds.Select(id => Sum(id, "unfinished_per_replication")).ToList();

        var markdown = File.ReadAllText(ReportWriter.Write(dir, "en").MarkdownPath);
        string N(double x) => Math.Round(x, 1).ToString("F1", CultureInfo.InvariantCulture);
        Assert.Contains($"| Vehicles unfinished at the end, per replication (baseline; all strategies) | {N(unfinished)} ({N(share)} % of the vehicles measured); {N(range.Min())} to {N(range.Max())} |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Appendix_ShowsTheStepSizeCheck_OfTheBaselineAtHalfTheStep()
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        // The same runs again, outside the study: the baseline on seeds 1-3 at 0.5 s and at 0.25 s.
        var scenario = fixture.Scenario with { Strategies = [] };
        var baseline = StrategyOverlay.Apply(scenario, fixture.Scenario.Strategies.Single(s => s.Baseline));
        Assert.Equal(0.5, baseline.Simulation.StepS);
        var runs = new ModeMetrics[2, ComparisonFixture.Seeds.Length];
        Parallel.For(0, runs.Length, i =>
        {
            var (half, k) = (i / ComparisonFixture.Seeds.Length, i % ComparisonFixture.Seeds.Length);
            var s = half == 1 ? baseline with { Simulation = baseline.Simulation with { StepS = 0.25 } } : baseline;
            var result = new Simulation(SimulationModelBuilder.Build(s, ComparisonFixture.Seeds[k], ComparisonFixture.DurationS)).Run();
            runs[half, k] = MetricsExtractor.Extract(result).Modes[ReportMode.Car];
        });
        double Mean(int half, Func<ModeMetrics, double> figure) => Enumerable.Range(0, ComparisonFixture.Seeds.Length).Average(k => figure(runs[half, k]));
        var travel = Mean(0, m => m.MeanTravelTimeS!.Value);
        var travelHalf = Mean(1, m => m.MeanTravelTimeS!.Value);
        var delay = Mean(0, m => m.MeanDelayS!.Value);
        var delayHalf = Mean(1, m => m.MeanDelayS!.Value);
        var diff = 100 * (travel - travelHalf) / travelHalf;
        var delayDiff = 100 * (delay - delayHalf) / delayHalf;

        string N(double x, string separator) => Math.Round(x, 1).ToString("F1", CultureInfo.InvariantCulture).Replace(".", separator, StringComparison.Ordinal);
        string S(double x, string separator) => Math.Round(x, 1) == 0 ? N(0, separator) : (x > 0 ? "+" : "\u2212") + N(Math.Abs(x), separator);
        var en = File.ReadAllText(ReportWriter.Write(dir, "en").MarkdownPath);
        Assert.Contains($"| Step size: mean car travel time at step 0.5 s / at step 0.25 s (s), same seeds (3 replications) | {N(travel, ".")} / {N(travelHalf, ".")} ({S(diff, ".")} %): "
            + (Math.Abs(diff) <= 3 ? "criterion met" : "criterion NOT met") + " | within 3 % of half the step", en, StringComparison.Ordinal);
        Assert.Contains($"| Step size: mean car delay at step 0.5 s / at step 0.25 s (s) | {N(delay, ".")} / {N(delayHalf, ".")} ({S(delayDiff, ".")} %) |", en, StringComparison.Ordinal);

        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(ReportWriter.Write(dir, "fr").HtmlPath));
        Assert.Contains("<td>Pas de temps : temps de parcours moyen des voitures au pas de 0,5 s / au pas de 0,25 s (s), mêmes graines (3 réplications)</td>"
            + $"<td>{N(travel, ",")} / {N(travelHalf, ",")} ({S(diff, ",")} %) : " + (Math.Abs(diff) <= 3 ? "critère respecté" : "critère NON respecté") + "</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{N(delay, ",")} / {N(delayHalf, ",")} ({S(delayDiff, ",")} %)</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Appendix_SaysWhenTheComparisonHasNoStepSizeCheck()
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        File.Delete(Path.Combine(dir, "step_check.csv"));
        var markdown = File.ReadAllText(ReportWriter.Write(dir, "en").MarkdownPath);
        Assert.Contains("| Step size: comparison with half the step | not made | step_check.csv absent", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("criterion met", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void DamagedStepSizeCheck_IsReportedWithItsLineAndColumn()
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        var path = Path.Combine(dir, "step_check.csv");
        var lines = File.ReadAllLines(path);
        var fields = lines[2].Split(',');
        fields[4] = "x"; // trips
        lines[2] = string.Join(',', fields);
        File.WriteAllLines(path, lines);
        var e = Assert.Throws<ResultsFileException>(() => ReportWriter.Write(dir, "en"));
        Assert.Equal(path, e.FilePath);
        Assert.StartsWith($"line 3, column {fields.Take(4).Sum(f => f.Length + 1) + 1}: 'x' is not a valid trips", e.Problem, StringComparison.Ordinal);
    }
}
