// What makes a results folder self-contained: the scenario as run (loadable again, same
// content), the stop-line crossings, and trajectories when asked for.
using System.Text.Json;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Cli;

namespace SignalSim.Tests.Output;

public sealed class ResultsFolderTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task The_scenario_as_run_is_saved_and_loads_back_to_the_same_scenario()
    {
        var outDir = Path.Combine(_tmp.Path, "out");
        var run = await CliRunner.RunAsync("run", CliRunner.ScenarioPath("arterial-green-wave.json"), "--duration", "300", "--out", outDir);
        Assert.True(run.ExitCode == 0, run.ToString());
        var original = ScenarioLoader.LoadFile(CliRunner.ScenarioPath("arterial-green-wave.json")).Scenario;
        var saved = ScenarioLoader.LoadFile(Path.Combine(outDir, "scenario.json")).Scenario;
        Assert.Equal(JsonSerializer.Serialize(original, ScenarioJson.Options), JsonSerializer.Serialize(saved, ScenarioJson.Options));
    }

    [Fact]
    public async Task Crossings_are_written_and_trajectories_only_when_asked_for_within_their_window()
    {
        var plain = Path.Combine(_tmp.Path, "plain");
        Assert.Equal(0, (await CliRunner.RunAsync("run", "--duration", "300", "--out", plain)).ExitCode);
        Assert.False(File.Exists(Path.Combine(plain, "trajectories.csv")));
        var crossings = File.ReadAllLines(Path.Combine(plain, "crossings.csv"));
        Assert.Equal("time_s,intersection,centre,approach,vehicle_id,mode,route,delay_s,dwell_s,red_delay_s", crossings[0]);
        Assert.True(crossings.Length > 100);

        var traced = Path.Combine(_tmp.Path, "traced");
        var run = await CliRunner.RunAsync("run", "--duration", "300", "--trajectories", "120", "--out", traced);
        Assert.True(run.ExitCode == 0, run.ToString());
        var scenario = ScenarioLoader.LoadFile(Path.Combine(traced, "scenario.json")).Scenario;
        var warmup = scenario.Simulation.WarmupS;
        var lengths = scenario.Links.ToDictionary(l => l.Id, l => l.LengthM);
        var rows = File.ReadAllLines(Path.Combine(traced, "trajectories.csv"));
        Assert.Equal("time_s,vehicle_id,mode,link,position_m,speed_mps", rows[0]);
        Assert.True(rows.Length > 1000);
        foreach (var row in rows.Skip(1))
        {
            var f = row.Split(',');
            var t = double.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(t, warmup, warmup + 120);
            Assert.InRange(double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture), -50, lengths[f[3]] + 1);
        }
    }
}
