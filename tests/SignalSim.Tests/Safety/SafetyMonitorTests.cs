// The safety monitor at run time: plans the loader would reject are forced into the engine
// (bypassing validation) and the run must stop with a message naming the intersection, the
// groups and the time. Every shipped scenario, with every priority switched on, never trips it,
// and its pedestrian greens leave clearance at 1.0 m/s.
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;
using SignalSim.Tests.Validation;

namespace SignalSim.Tests.Safety;

public class SafetyMonitorTests
{
    private static ScenarioFile WithGreens(double mainStart, double mainEnd, double sideStart, double sideEnd)
    {
        var s = IsolatedIntersection.With(400, 300, ArrivalProcess.Poisson, durationS: 600, warmupS: 0);
        var x = s.Intersections[0];
        var plan = x.Plans["day"] with
        {
            Greens = new Dictionary<string, GreenWindowSpec>
            {
                ["main"] = new() { StartS = mainStart, EndS = mainEnd },
                ["side"] = new() { StartS = sideStart, EndS = sideEnd },
            },
        };
        return s with { Intersections = [x with { Plans = new Dictionary<string, PlanSpec> { ["day"] = plan } }] };
    }

    private static SafetyViolationException RunUnvalidated(ScenarioFile s)
    {
        Assert.Contains(ScenarioValidator.Validate(s), d => d.Severity == DiagnosticSeverity.Error); // the loader would refuse it
        return Assert.Throws<SafetyViolationException>(() => new Simulation(SimulationModelBuilder.Build(s)).Run());
    }

    [Fact]
    public void Conflicting_groups_green_together_stop_the_run()
    {
        var e = RunUnvalidated(WithGreens(0, 50, 40, 85));
        Assert.Equal("X", e.Intersection);
        Assert.Contains("'main'", e.Groups);
        Assert.Contains("'side'", e.Groups);
        Assert.Contains("together", e.Rule);
        Assert.Contains("intersection 'X'", e.Message);
        Assert.Contains("t = 40.0 s", e.Message);
    }

    [Fact]
    public void A_short_intergreen_stops_the_run()
    {
        // main ends at 45 (amber to 48), side starts at 49: 4 s after the end of green, intergreen 5 s.
        var e = RunUnvalidated(WithGreens(0, 45, 49, 85));
        Assert.Contains("intergreen", e.Rule);
        Assert.Equal(SimTime.FromSeconds(49), e.Ticks);
    }

    [Fact]
    public void A_green_below_its_minimum_stops_the_run()
    {
        var e = RunUnvalidated(WithGreens(0, 45, 50, 53));
        Assert.Contains("minimum", e.Rule);
        Assert.Contains("'side'", e.Groups);
    }

    public static TheoryData<string> ShippedScenarios() => new(Directory.GetFiles("scenarios", "*.json")
        .Where(f => !f.EndsWith("signalsim.schema.json", StringComparison.Ordinal)).Select(Path.GetFileName).Order()!);

    /// <summary>The scenario with bus (extension and early green) and absolute tram priority everywhere, and forwarding on.</summary>
    private static ScenarioFile AllPriorityOn(ScenarioFile s) => s with
    {
        Simulation = s.Simulation with { DurationS = 1800 },
        Centres = s.Centres.Select(c => c with
        {
            Priority = new PrioritySpec { Bus = new BusPrioritySpec(), Tram = new TramPrioritySpec() },
            Forwarding = new ForwardingSpec { Enabled = true },
        }).ToList(),
        Intersections = s.Intersections.Select(x => x with { Priority = null }).ToList(),
    };

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void No_shipped_scenario_trips_the_monitor_under_any_priority_and_pedestrians_always_get_clearance(string file)
    {
        var s = AllPriorityOn(ScenarioLoader.LoadFile(Path.Combine("scenarios", file)).Scenario);
        Assert.DoesNotContain(ScenarioValidator.Validate(s), d => d.Severity == DiagnosticSeverity.Error);
        foreach (var seed in new ulong[] { 1, 2, 3 })
        {
            var result = new Simulation(SimulationModelBuilder.Build(s, seed)).Run(); // throws on any violation
            AssertPedestrianClearance(result);
        }
    }

    /// <summary>Each observed pedestrian green, plus the time until a conflicting group turns green, covers the crossing at 1.0 m/s.</summary>
    private static void AssertPedestrianClearance(SimulationResult result)
    {
        var m = result.Model;
        var stepS = SimTime.ToSeconds(m.StepTicks);
        foreach (var crossing in m.Crossings)
        {
            var controller = m.Controllers[crossing.Intersection];
            var ped = crossing.Group - controller.FirstGroup;
            var conflicting = controller.Conflicts.Where(c => c.From == ped).Select(c => controller.FirstGroup + c.To).ToHashSet();
            var changes = result.Records.SignalChanges;
            long? greenStart = null;
            long? greenEnd = null;
            foreach (var change in changes)
            {
                if (change.Group == crossing.Group)
                {
                    if (change.State == SignalState.Green) greenStart = change.Ticks;
                    else if (greenStart is not null && greenEnd is null) greenEnd = change.Ticks;
                }
                else if (conflicting.Contains(change.Group) && change.State == SignalState.Green && greenStart is { } start && greenEnd is { } end)
                {
                    var availableS = SimTime.ToSeconds(change.Ticks - start);
                    Assert.True(availableS >= crossing.LengthM / ScenarioValidator.PedestrianClearanceSpeedMps - stepS,
                        $"crossing {crossing.Id}: {availableS:0.0} s from walk to conflicting green, {crossing.LengthM} m needs {crossing.LengthM:0.0} s");
                    greenStart = null;
                    greenEnd = null;
                }
            }
        }
    }
}
