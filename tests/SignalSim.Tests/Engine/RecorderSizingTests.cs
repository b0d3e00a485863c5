// The recorder sizes its stop-line crossing buffer once, from each demand's routes, so that a run
// never grows it inside the step loop (which would allocate), without growing with the square of
// a corridor's length as sizing every trip by the longest route did: every shipped scenario's
// baseline, seeds 1-3, fits, and the buffer of generated corridors grows in proportion to them.
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Engine;

public class RecorderSizingTests
{
    public static TheoryData<string> Shipped => new(Scenarios.ShippedFiles.ScenarioFileNames());

    [Theory]
    [MemberData(nameof(Shipped))]
    public void A_run_records_its_crossings_without_growing_the_buffer(string fileName)
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine("scenarios", fileName)).Scenario;
        scenario = StrategyOverlay.Apply(scenario, scenario.Strategies.FirstOrDefault(s => s.Baseline) ?? scenario.Strategies.FirstOrDefault() ?? new StrategySpec { Id = "as-given" });
        for (ulong seed = 1; seed <= 3; seed++)
        {
            var sim = new Simulation(SimulationModelBuilder.Build(scenario, seed));
            sim.Run();
            var recorder = sim.Recorder;
            Assert.True(recorder.Crossings.Count > 0, "the run crossed no stop line");
            Assert.True(recorder.CrossingCapacity == recorder.InitialCrossingCapacity,
                $"seed {seed}: {recorder.Crossings.Count} crossings grew the buffer sized for {recorder.InitialCrossingCapacity}");
        }
    }

    [Fact]
    public void The_buffer_grows_with_the_corridor_not_with_its_square()
    {
        int Capacity(int n) => new Simulation(SimulationModelBuilder.Build(SyntheticCorridor.CreateScaled(n), durationOverrideS: 3600)).Recorder.InitialCrossingCapacity;
        var ten = Capacity(10);
        var hundred = Capacity(100);
        Assert.InRange(hundred / (double)ten, 5, 15);
    }
}
