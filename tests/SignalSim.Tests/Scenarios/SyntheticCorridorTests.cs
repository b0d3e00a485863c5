// The generated benchmark corridor must be a scenario the loader would accept without
// complaint, and it must carry traffic end to end: benchmark figures on a broken or
// oversaturated network would measure the wrong thing.
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Scenarios;

public class SyntheticCorridorTests
{
    [Fact]
    public void DefaultCorridorValidatesWithoutErrorsOrWarnings()
    {
        var scenario = SyntheticCorridor.Create();

        var diagnostics = ScenarioValidator.Validate(scenario);

        Assert.True(diagnostics.Count == 0, string.Join(Environment.NewLine, diagnostics.Select(d => d.Format(scenario.Name.Default))));
        Assert.Equal(10, scenario.Intersections.Count);
        var totalFlow = scenario.Demand.Sum(d => d.Periods[0].FlowVehPerHour);
        Assert.InRange(totalFlow, 5900, 6100);
    }

    [Fact]
    public void DefaultCorridorRunsFor600SecondsAndCompletesTrips()
    {
        var scenario = SyntheticCorridor.Create();
        var sim = new Simulation(SimulationModelBuilder.Build(scenario, durationOverrideS: 600));

        var result = sim.Run();

        // About 1,000 vehicles depart in the 600 measured seconds; most cross the corridor in time.
        Assert.True(result.Records.Trips.Count > 500, $"only {result.Records.Trips.Count} trips completed");
        Assert.All(result.Records.Trips, t => Assert.True(t.TravelTimeS > 0));
        // Undersaturated: almost nobody is left waiting to enter.
        Assert.True(result.VehiclesWaitingAtEntriesAtEnd < 20, $"{result.VehiclesWaitingAtEntriesAtEnd} vehicles still waiting at entries");
    }

    [Fact]
    public void ScaledCorridorOfTenIntersectionsIsTheDefaultOne()
    {
        var options = Core.Scenario.ScenarioJson.Scenario;
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(SyntheticCorridor.Create(), options),
            System.Text.Json.JsonSerializer.Serialize(SyntheticCorridor.CreateScaled(10), options));
    }

    [Theory]
    [InlineData(30)]
    [InlineData(100)]
    [InlineData(300)]
    public void ScaledCorridorsValidateAndKeepTheLoadPerIntersection(int intersections)
    {
        var scenario = SyntheticCorridor.CreateScaled(intersections);

        var diagnostics = ScenarioValidator.Validate(scenario);

        Assert.True(diagnostics.Count == 0, string.Join(Environment.NewLine, diagnostics.Take(10).Select(d => d.Format(scenario.Name.Default))));
        Assert.Equal(intersections, scenario.Intersections.Count);
        // 1,200 veh/h at each main-road end and 180 veh/h from each of the 2 side streets of every intersection.
        var totalFlow = scenario.Demand.Sum(d => d.Periods[0].FlowVehPerHour);
        Assert.Equal(2 * 1200 + 2 * intersections * 180, totalFlow, 1e-6);
    }
}
