// Shared by the tests that build scenarios in code: assert that a scenario passes validation
// (listing every error when it does not), then run it.
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests;

public static class ScenarioAssert
{
    public static void Valid(ScenarioFile scenario, string name = "scenario")
    {
        var errors = ScenarioValidator.Validate(scenario).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Format(name)).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    /// <summary>A validated scenario's simulation, ready to step.</summary>
    public static Simulation Start(ScenarioFile scenario, ulong? seed = null)
    {
        Valid(scenario);
        return new Simulation(SimulationModelBuilder.Build(scenario, seed));
    }

    /// <summary>A validated scenario run to its end.</summary>
    public static SimulationResult Run(ScenarioFile scenario, ulong? seed = null) => Start(scenario, seed).Run();
}
