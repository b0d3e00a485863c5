// The pedestrian-peak strategy of the porte scenarios: longer pedestrian greens in the busy
// hours only, through each centre's plan schedule.
using SignalSim.Core;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Strategies;

public class PedestrianPeakTests
{
    [Theory]
    [InlineData("porte-de-choisy.json")]
    [InlineData("porte-d-italie.json")]
    [InlineData("porte-de-charenton.json")]
    public void Longer_pedestrian_greens_run_in_the_busy_hours_only(string file)
    {
        var s = ScenarioLoader.LoadFile(Path.Combine("scenarios", file)).Scenario;
        var applied = StrategyOverlay.Apply(s, "pedestrian-peak");
        ScenarioAssert.Valid(applied);
        var model = SimulationModelBuilder.Build(applied);
        foreach (var centre in model.Centres)
        {
            string PlanAt(double hour) => centre.PlanNames[centre.PlanSlotAt(SimTime.FromSeconds(hour * 3600))];
            Assert.Equal("pedestrian-peak", PlanAt(8.5));
            Assert.Equal("day", PlanAt(10));
            Assert.Equal("day", PlanAt(7.5));
        }
        // Every pedestrian group is green at least as long in the peak plan as in the day plan.
        foreach (var x in applied.Intersections)
        {
            var day = ScenarioRules.Windows(x.Plans["day"]);
            var peak = ScenarioRules.Windows(x.Plans["pedestrian-peak"]);
            foreach (var g in x.SignalGroups.Where(g => g.Kind == SignalGroupKind.Pedestrian && day.ContainsKey(g.Id)))
                Assert.True(peak[g.Id].GreenTicks >= day[g.Id].GreenTicks, $"{x.Id}/{g.Id}");
            Assert.Contains(x.SignalGroups, g => g.Kind == SignalGroupKind.Pedestrian && peak[g.Id].GreenTicks > day[g.Id].GreenTicks);
        }
    }
}
