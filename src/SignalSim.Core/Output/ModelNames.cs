// Names of model elements as the output files show them. The compiled model keeps qualified ids
// ("demand/route", "intersection/group"); the files give each part its own column. A line's
// route is named by the line id alone and belongs to no demand, so its demand is empty.
using SignalSim.Core.Model;

namespace SignalSim.Core.Output;

internal static class ModelNames
{
    /// <summary>Demand feeding the route, or "" for a line's route.</summary>
    public static string Demand(SimulationModel m, int route) => m.RouteDemand[route] is var d and >= 0 ? m.Demands[d].Id : "";

    /// <summary>Route id within its demand, or the line id for a line's route.</summary>
    public static string Route(SimulationModel m, int route) =>
        m.RouteDemand[route] >= 0 ? StripPrefix(m.RouteIds[route], Demand(m, route)) : m.RouteIds[route];

    public static string EntryLink(SimulationModel m, int route) => m.LinkIds[m.StepLink[m.RouteFirstStep[route]]];

    public static string ExitLink(SimulationModel m, int route) =>
        m.LinkIds[m.StepLink[m.RouteFirstStep[route] + m.RouteStepCount[route] - 1]];

    /// <summary>Line id, or "" for a vehicle of no line (index -1).</summary>
    public static string Line(SimulationModel m, int line) => line >= 0 ? m.Lines[line].Id : "";

    public static string Intersection(SimulationModel m, int intersection) => m.IntersectionIds[intersection];

    public static string Centre(SimulationModel m, int intersection) => m.Centres[m.IntersectionCentre[intersection]].Id;

    public static string Group(SimulationModel m, int group) =>
        StripPrefix(m.GroupIds[group], m.IntersectionIds[m.GroupIntersection[group]]);

    private static string StripPrefix(string qualified, string owner) =>
        qualified.StartsWith(owner + "/", StringComparison.Ordinal) ? qualified[(owner.Length + 1)..] : qualified;
}
