// The recorder sizes its stop-line crossing buffer (and the priority and detector buffers that
// follow from it) once, from each demand's and line's routes, so that a run
// never grows it inside the step loop (which would allocate), without growing with the square of
// a corridor's length as sizing every trip by the longest route did: every shipped scenario's
// strategy fits (the baseline on seeds 1-3), and the buffer of generated corridors grows in proportion to them.
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
        var shipped = ScenarioLoader.LoadFile(Path.Combine("scenarios", fileName)).Scenario;
        // Every strategy (priority and preemption fill their own buffers), the baseline on three seeds.
        var runs = shipped.Strategies.Count == 0 ? [(shipped, 1UL), (shipped, 2UL), (shipped, 3UL)]
            : shipped.Strategies.SelectMany(s => (s.Baseline ? new ulong[] { 1, 2, 3 } : [1]).Select(seed => (StrategyOverlay.Apply(shipped, s), seed))).ToList();
        foreach (var (scenario, seed) in runs)
        {
            var sim = new Simulation(SimulationModelBuilder.Build(scenario, seed));
            sim.Run();
            var recorder = sim.Recorder;
            Assert.True(recorder.Crossings.Count > 0, "the run crossed no stop line");
            var grown = recorder.BuffersGrown().ToList();
            Assert.True(grown.Count == 0, $"{scenario.Name} seed {seed}: the run grew the buffers of {string.Join(", ", grown)} (crossings sized for {recorder.InitialCrossingCapacity})");
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
