// Names of model elements as the output files show them. The compiled model keeps qualified ids
// ("demand/route", "intersection/group"); the files give each part its own column.
using SignalSim.Core.Model;

namespace SignalSim.Core.Output;

internal static class ModelNames
{
    public static string Demand(SimulationModel m, int route) => m.Demands[m.RouteDemand[route]].Id;

    public static string Route(SimulationModel m, int route) => StripPrefix(m.RouteIds[route], Demand(m, route));

    public static string EntryLink(SimulationModel m, int route) => m.LinkIds[m.StepLink[m.RouteFirstStep[route]]];

    public static string ExitLink(SimulationModel m, int route) =>
        m.LinkIds[m.StepLink[m.RouteFirstStep[route] + m.RouteStepCount[route] - 1]];

    public static string Intersection(SimulationModel m, int intersection) => m.IntersectionIds[intersection];

    public static string Centre(SimulationModel m, int intersection) => m.Centres[m.IntersectionCentre[intersection]].Id;

    public static string Group(SimulationModel m, int group) =>
        StripPrefix(m.GroupIds[group], m.IntersectionIds[m.GroupIntersection[group]]);

    private static string StripPrefix(string qualified, string owner) =>
        qualified.StartsWith(owner + "/", StringComparison.Ordinal) ? qualified[(owner.Length + 1)..] : qualified;
}
