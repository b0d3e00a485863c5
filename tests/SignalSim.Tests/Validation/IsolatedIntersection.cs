// Builds variants of scenarios/isolated-intersection.json for the validation tests: the flows
// and arrival process of the two approaches change, the geometry and plan stay as shipped.
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Validation;

internal static class IsolatedIntersection
{
    public const string MainApproach = "west-in";
    public const double CycleS = 90;

    private static readonly Lazy<ScenarioFile> Shipped = new(() => ScenarioLoader.LoadFile(Path.Combine("scenarios", "isolated-intersection.json")).Scenario);

    public static ScenarioFile With(double mainFlowVehPerHour, double sideFlowVehPerHour, ArrivalProcess arrivals, double durationS = 3600, double warmupS = 600)
    {
        var s = Shipped.Value;
        return s with
        {
            Simulation = s.Simulation with { DurationS = durationS, WarmupS = warmupS },
            Demand = s.Demand.Select(d => d with
            {
                Arrivals = arrivals,
                Periods = [new FlowPeriodSpec { StartS = 0, FlowVehPerHour = d.Id == "main" ? mainFlowVehPerHour : sideFlowVehPerHour }],
            }).ToList(),
        };
    }

    public static SimulationResult Run(ScenarioFile scenario, ulong seed)
    {
        var model = SimulationModelBuilder.Build(scenario, seed);
        return new Simulation(model).Run();
    }

    public static IReadOnlyList<StopLineCrossing> MainCrossings(SimulationResult result)
    {
        var link = Array.IndexOf(result.Model.LinkIds, MainApproach);
        return result.Records.Crossings.Where(c => c.ApproachLink == link).ToList();
    }

    public static double MeanMainDelayS(SimulationResult result) => MainCrossings(result).Average(c => c.DelayS);
}
