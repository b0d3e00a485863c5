// Drivers never brake harder than their class allows outside the amber decision: every shipped
// scenario, every strategy, three seeds, at the scenario's own step and periods, no vehicle-step
// beyond max_deceleration_mps2 for any cause but the amber stop/go decision (`signal`), and no
// gap ever below the follower's standstill gap s0.
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using Xunit.Abstractions;

namespace SignalSim.Tests.Engine;

public sealed class HardBrakingTests(ITestOutputHelper output)
{
    public static TheoryData<string> ShippedScenarios()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles("scenarios", "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!path.EndsWith(".schema.json", StringComparison.Ordinal)) data.Add(name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void No_hard_braking_outside_the_amber_decision_and_no_gap_below_s0(string fileName)
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine("scenarios", fileName)).Scenario;
        var runs = scenario.Strategies.Count == 0 ? [scenario] : scenario.Strategies.Select(s => StrategyOverlay.Apply(scenario, s)).ToList();
        var names = scenario.Strategies.Count == 0 ? ["(base)"] : scenario.Strategies.Select(s => s.Id).ToList();
        var cases = Enumerable.Range(0, runs.Count).SelectMany(r => new ulong[] { 1, 2, 3 }.Select(seed => (r, seed))).ToList();
        var failures = new List<string>();
        var lines = new string[cases.Count];
        Parallel.For(0, cases.Count, i =>
        {
            var (r, seed) = cases[i];
            var sim = new Simulation(SimulationModelBuilder.Build(runs[r], seed));
            var smallest = double.PositiveInfinity;
            var smallestAtS = 0.0;
            while (!sim.Finished)
            {
                sim.Step();
                var margin = sim.SmallestStandstillMarginM();
                if (margin < smallest)
                {
                    smallest = margin;
                    smallestAtS = sim.NowTicks / 1000.0;
                }
            }
            var driving = sim.Result().Driving!;
            var byCause = string.Join(", ", driving.HardBrakingStepsByCause.Select((n, c) => (n, c)).Where(x => x.n > 0).Select(x => $"{BrakingCauses.Name((BrakingCause)x.c)} {x.n}"));
            lines[i] = $"{fileName} {names[r]} seed {seed}: {sim.VehicleUpdates} vehicle-steps, hard braking [{byCause}], smallest margin over s0 {smallest:F3} m";
            lock (failures)
            {
                if (driving.HardBrakingOutsideAmberDecision > 0) failures.Add($"{names[r]} seed {seed}: {driving.HardBrakingOutsideAmberDecision} hard-braking steps outside the amber decision ({byCause})");
                if (smallest < -1e-6) failures.Add($"{names[r]} seed {seed}: a gap {-smallest:F3} m below s0 at t = {smallestAtS} s");
            }
        });
        foreach (var line in lines) output.WriteLine(line);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
