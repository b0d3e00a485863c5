// Two regulation centres with their own cycles and clocks: the relative offset between their
// intersections drifts as the cycle lengths dictate, and a drifting clock moves as configured.
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;

namespace SignalSim.Tests.Signals;

public class CentreClockTests
{
    /// <summary>Simulation times (s) at which a group turns green.</summary>
    private static List<double> GreenOnsets(SimulationResult result, string group)
    {
        var g = Array.IndexOf(result.Model.GroupIds, group);
        Assert.True(g >= 0, $"group {group} exists");
        var onsets = result.Records.SignalChanges.Where(c => c.Group == g && c.State == SignalState.Green).Select(c => SimTime.ToSeconds(c.Ticks)).ToList();
        if (result.Records.InitialSignals[g] == SignalState.Green) onsets.Insert(0, 0);
        return onsets;
    }

    private static SimulationResult Run(ScenarioFile s)
    {
        Assert.DoesNotContain(ScenarioValidator.Validate(s), d => d.Severity == DiagnosticSeverity.Error);
        return new Simulation(SimulationModelBuilder.Build(s)).Run();
    }

    [Fact]
    public void Different_cycles_make_the_relative_offset_drift_by_the_cycle_difference()
    {
        var result = Run(TwoCentreCorridor.Create(parisCycleS: 90, valDeMarneCycleS: 80));
        var paris = GreenOnsets(result, "X/main");
        var vdm = GreenOnsets(result, "Y/main");
        Assert.Equal(90.0, paris[1] - paris[0], 3);
        Assert.Equal(80.0, vdm[1] - vdm[0], 3);

        // At each Paris cycle start, how far into its cycle is Val-de-Marne? It must advance by 90 mod 80 = 10 s a cycle.
        var relative = paris.Take(30).Select(t => (t - vdm.Last(v => v <= t)) % 80).ToList();
        for (var k = 1; k < relative.Count; k++)
        {
            Assert.Equal((relative[k - 1] + 10) % 80, relative[k], 3);
        }
        Assert.Contains(relative, r => r > 0); // the relative offset really moves
    }

    [Fact]
    public void Equal_cycles_without_drift_keep_the_relative_offset()
    {
        var result = Run(TwoCentreCorridor.Create(90, 90, valDeMarneOffsetS: 17));
        var paris = GreenOnsets(result, "X/main");
        var vdm = GreenOnsets(result, "Y/main");
        // Val-de-Marne's clock is 17 s ahead, so each of its cycles starts 17 s before the Paris one.
        var relative = paris.Skip(1).Take(35).Select(t => t - vdm.Last(v => v <= t)).Distinct().ToList();
        Assert.Single(relative);
        Assert.Equal(17, relative[0], 3);
    }

    [Fact]
    public void A_drifting_clock_moves_by_the_configured_seconds_per_hour()
    {
        const double driftSPerHour = 3.6; // one millisecond gained per second
        var result = Run(TwoCentreCorridor.Create(90, 90, valDeMarneDriftSPerHour: driftSPerHour, durationS: 2 * 3600));
        var centre = result.Model.Centres.Single(c => c.Id == "val-de-marne");
        Assert.Equal(SimTime.FromSeconds(2 * 3600 + 2 * driftSPerHour), centre.LocalTicks(SimTime.FromSeconds(2 * 3600)) - centre.StartTimeOfDayTicks - centre.OffsetTicks);

        // The drifting centre's cycle starts come earlier and earlier against the punctual one's.
        var paris = GreenOnsets(result, "X/main");
        var vdm = GreenOnsets(result, "Y/main");
        var cycles = Math.Min(paris.Count, vdm.Count) - 1;
        var lead = paris[cycles] - vdm[cycles];
        var expected = vdm[cycles] * driftSPerHour / 3600; // the clock gained this much by then
        var stepS = SimTime.ToSeconds(result.Model.StepTicks); // states are evaluated once a step
        Assert.InRange(lead, expected - stepS, expected + stepS);
        Assert.True(lead > 5, $"after two hours the drift is visible (lead {lead:0.00} s)");
    }
}
