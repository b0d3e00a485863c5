// `signalsim optimize --objective pareto` on Porte de Choisy (cars, buses and trams): the points
// it puts on the front are mutually non-dominated on the fresh seeds and none is dominated by the
// start, front.csv agrees with the per-mode person-delays of evaluation.csv, and strategies.json
// loads into the scenario. Bad options exit 2.
using System.Globalization;
using SignalSim.Analysis.Optimisation;
using SignalSim.Cli;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Cli;

public sealed class ParetoOptimizeTests : IDisposable
{
    private const string Choisy = "porte-de-choisy.json";
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_front_is_non_dominated_on_fresh_seeds_matches_the_evaluation_and_loads_into_the_scenario()
    {
        var run = await CliRunner.RunAsync("optimize", CliRunner.ScenarioPath(Choisy), "--strategy", "status-quo", "--objective", "pareto",
            "--front-points", "3", "--keep-cycle", "--replications", "2", "--evaluation-replications", "4", "--duration", "600", "--out", _tmp["out"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        foreach (var file in ParetoOutput.FileNames) Assert.True(File.Exists(_tmp[Path.Combine("out", file)]), file);

        // front.csv: the start first, then every distinct point found.
        var front = File.ReadAllLines(_tmp["out/front.csv"]);
        var header = front[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var rows = front.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal("start", rows[0][Col("transit_weights")]);
        var onFront = rows.Where(r => r[Col("on_front")] == "yes").ToList();
        Assert.NotEmpty(onFront);

        // Each point's fresh figures are those of evaluation.csv: bus + tram, and car, person-delay.
        var evaluation = File.ReadAllLines(_tmp["out/evaluation.csv"]);
        var eh = evaluation[0].Split(',');
        double PersonDelay(string strategy, string mode) =>
            evaluation.Skip(1).Select(l => l.Split(',')).Where(r => r[0] == strategy && r[1] == mode).Select(r => D(r[Array.IndexOf(eh, "person_delay_h")])).DefaultIfEmpty(0).Single();
        var fresh = new List<(string Id, double Transit, double Car)>();
        foreach (var r in rows.Where(r => r[Col("fresh_car_person_delay_h")] != ""))
        {
            var id = r[0];
            var transit = D(r[Col("fresh_transit_person_delay_h")]);
            var car = D(r[Col("fresh_car_person_delay_h")]);
            // Both files round to 4 decimals: a sum of two rounded figures may differ by 1e-4.
            Assert.Equal(PersonDelay(id, "bus") + PersonDelay(id, "tram"), transit, 0.00015);
            Assert.Equal(PersonDelay(id, "car"), car, 0.00005);
            fresh.Add((id, transit, car));
        }

        // Mutually non-dominated on the fresh seeds, and none dominated by the start.
        var start = fresh.Single(f => f.Id == "status-quo");
        var points = fresh.Where(f => onFront.Any(r => r[0] == f.Id)).ToList();
        Assert.Equal(onFront.Count, points.Count);
        foreach (var p in points)
        {
            foreach (var q in points.Append(start).Where(q => q.Id != p.Id))
            {
                var dominates = q.Transit <= p.Transit && q.Car <= p.Car && (q.Transit < p.Transit || q.Car < p.Car);
                Assert.False(dominates, $"{q.Id} ({q.Transit:0.00}, {q.Car:0.00}) dominates {p.Id} ({p.Transit:0.00}, {p.Car:0.00})");
            }
        }

        // strategies.json: exactly the front, as strategies the scenario accepts.
        var items = File.ReadAllText(_tmp["out/strategies.json"]).Trim();
        Assert.StartsWith("[", items);
        var text = File.ReadAllText(CliRunner.ScenarioPath(Choisy));
        var end = text.LastIndexOf(']');
        var withFront = text[..end].TrimEnd() + ",\n" + items[1..^1].Trim() + "\n  ]\n}\n";
        var loaded = ScenarioLoader.LoadText(withFront, "with-front.json");
        Assert.Empty(loaded.Warnings);
        var added = loaded.Scenario.Strategies.Where(s => s.Id.StartsWith("status-quo-pareto-", StringComparison.Ordinal)).ToList();
        Assert.Equal(points.Select(p => p.Id).Order(), added.Select(s => s.Id).Order());
        Assert.All(added, s => Assert.True(s.Description!.Has(LocalizedText.French) && s.Description.Has(LocalizedText.English)));
    }

    [Theory]
    [InlineData("--front-points 1 is out of range", "porte-de-choisy.json", "--objective", "pareto", "--front-points", "1")]
    [InlineData("--front-points applies to --objective pareto only", "porte-de-choisy.json", "--front-points", "3")]
    [InlineData("needs cars and buses or trams", "arterial-green-wave.json", "--objective", "pareto")]
    public async Task Bad_pareto_options_are_refused_with_exit_code_2(string message, string scenario, params string[] options)
    {
        var strategy = scenario == Choisy ? "status-quo" : "bad-offsets";
        var run = await CliRunner.RunAsync(["optimize", CliRunner.ScenarioPath(scenario), "--strategy", strategy, "--out", _tmp["out"], .. options]);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains(message, run.Error);
        Assert.False(Directory.Exists(_tmp["out"]));
    }
}
