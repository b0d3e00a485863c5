// Tram preemption at Masséna (strategy tram-preemption of Porte de Choisy), 3 seeds: a tram whose
// request came in time (the entry and track clearance could end before its estimated arrival) is
// never stopped at the stop line, and the intersection is back on its plan's offset within the
// configured recovery cycles. Bad preemption settings exit 2 with their location.
using System.Text.RegularExpressions;
using SignalSim.Cli;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Signals;

public sealed class PreemptionTests : IDisposable
{
    private const string File = "porte-de-choisy.json";
    private const string Strategy = "tram-preemption";
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static ScenarioFile Scenario() =>
        StrategyOverlay.Apply(ScenarioLoader.LoadFile(Path.Combine("scenarios", File)).Scenario, Strategy);

    /// <summary>Runs the strategy, noting every tram standing still at a T3a stop line (within 30 m of it, at under 0.1 m/s).</summary>
    private static (SimulationResult Result, HashSet<int> Stopped) Run(ulong seed)
    {
        var sim = new Simulation(SimulationModelBuilder.Build(Scenario(), seed));
        var m = sim.Model;
        var lanes = new[] { "t3a-eb-in", "t3a-wb-in" }.Select(id => Array.IndexOf(m.LinkIds, id)).Select(l => (Lane: m.LinkFirstLane[l], LengthM: m.LinkLengthM[l])).ToArray();
        var stopped = new HashSet<int>();
        while (!sim.Finished)
        {
            sim.Step();
            foreach (var (lane, lengthM) in lanes)
            {
                var front = sim.LaneSnapshot(lane);
                if (front.Length > 0 && front[0].SpeedMps < 0.1 && front[0].PositionM > lengthM - 30) stopped.Add(front[0].VehicleId);
            }
        }
        return (sim.Result(), stopped);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void A_tram_requested_in_time_is_never_stopped_and_coordination_returns_within_the_configured_cycles(ulong seed)
    {
        var (r, stopped) = Run(seed);
        var massena = Array.IndexOf(r.Model.IntersectionIds, "massena");
        var preemptions = r.Records.Preemptions.Where(p => p.Intersection == massena).ToList();
        var inTime = preemptions.Where(p => p.InTime).ToList();
        Assert.True(inTime.Count >= 10, $"only {inTime.Count} of {preemptions.Count} preemptions were requested in time");
        foreach (var p in inTime)
        {
            Assert.False(stopped.Contains(p.VehicleId), $"tram {p.VehicleId}, requested at {SimTime.ToSeconds(p.RequestTicks)} s with {SimTime.ToSeconds(p.EtaTicks - p.RequestTicks)} s to go (entry {SimTime.ToSeconds(p.EntryTicks)} s), stopped at the line");
            Assert.True(p.TramGreenTicks >= 0 && p.TramGreenTicks <= p.EtaTicks, $"tram {p.VehicleId}: green at {SimTime.ToSeconds(p.TramGreenTicks)} s, expected by {SimTime.ToSeconds(p.EtaTicks)} s");
        }
        // Every preemption resumed the plan and recovered within 2 cycles (recovery_cycles), unless
        // the next tram's preemption began first or the run ended.
        var cycles = r.Model.Controllers[massena].Preemption!.RecoveryCycles;
        Assert.Equal(2, cycles);
        var cycle = r.Model.Controllers[massena].PlansBySlot[0].CycleTicks;
        for (var i = 0; i < preemptions.Count; i++)
        {
            var p = preemptions[i];
            var nextStart = i + 1 < preemptions.Count ? preemptions[i + 1].RequestTicks : r.EndTicks;
            if (p.RecoveredTicks < 0)
            {
                // Still under way when the next began (or the run ended): resumed, it had less than
                // its recovery cycles; not yet resumed, less than the request's lapse, the longest
                // dwell and the cycles to follow the plan back.
                var rules = r.Model.Controllers[massena];
                var allowed = p.ResumedTicks >= 0
                    ? (cycles + 1) * cycle
                    : rules.Tram!.RequestExpiryTicks + rules.Preemption!.MaxDwellTicks + (cycles + 2) * cycle;
                var since = p.ResumedTicks >= 0 ? p.ResumedTicks : p.RequestTicks;
                Assert.True(nextStart - since <= allowed, $"preemption of tram {p.VehicleId} at {SimTime.ToSeconds(p.RequestTicks)} s never recovered");
                continue;
            }
            Assert.True(p.RecoveryCycles <= cycles, $"preemption of tram {p.VehicleId} at {SimTime.ToSeconds(p.RequestTicks)} s took {p.RecoveryCycles} cycles to recover");
            Assert.True(p.ResumedTicks >= p.ExitTicks && p.RecoveredTicks >= p.ResumedTicks);
        }
    }

    [Theory]
    [InlineData("no-clearance", "\"clearance\": { \"groups\": [\"massena-eb-left\", \"massena-wb-left\"], \"green_s\": 6 }, ", "", "\"massena\": { \"preemption\"", "has no track clearance")]
    [InlineData("unknown-group", "\"groups\": [\"massena-eb-left\", \"massena-wb-left\"]", "\"groups\": [\"massena-eb-left\", \"massena-wb-lft\"]", "\"massena-wb-lft\"", "unknown signal group 'massena-wb-lft'")]
    [InlineData("conflicting", "\"groups\": [\"massena-eb-left\", \"massena-wb-left\"]", "\"groups\": [\"massena-eb-left\", \"massena-wb\"]", "\"massena-wb\"]", "are in conflict")]
    [InlineData("not-a-tram", "\"preemption\": { \"group\": \"t3a\"", "\"preemption\": { \"group\": \"choisy-sb\"", "\"preemption\": { \"group\": \"choisy-sb\"", "preemption serves a group of kind tram")]
    public async Task Bad_preemption_settings_exit_2_with_location(string name, string find, string replace, string marker, string message)
    {
        var text = System.IO.File.ReadAllText(CliRunner.ScenarioPath(File));
        Assert.Single(Regex.Matches(text, Regex.Escape(find)));
        text = text.Replace(find, replace, StringComparison.Ordinal);
        var path = Path.Combine(_tmp.Path, name + ".json");
        System.IO.File.WriteAllText(path, text);
        var s = new EditedScenario(path, text);
        var line = s.Locate(marker).Line;
        var run = await CliRunner.RunAsync("run", path, "--out", _tmp["out"]);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Matches($@"(?m)^{Regex.Escape(path)}:{line}:\d+: error: .*{Regex.Escape(message)}", run.Error);
        Assert.DoesNotMatch(@"(?m)^\s+at \S+", run.Error);
        Assert.False(Directory.Exists(_tmp["out"]));
    }
}
