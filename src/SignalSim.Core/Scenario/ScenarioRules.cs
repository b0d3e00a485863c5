// How the scenario format is read where its meaning is not spelled out field by field: lane
// kinds and who may use them, the lanes a movement may use, green windows in ticks. Shared by
// the validator and the model builder so that both read a scenario the same way.
using SignalSim.Core.Signals;

namespace SignalSim.Core.Scenario;

public static class ScenarioRules
{
    /// <summary>The approach lanes a movement may use: those it lists, or all of them.</summary>
    public static IEnumerable<int> MovementLanes(LinkSpec from, MovementSpec movement) =>
        movement.Lanes ?? Enumerable.Range(0, from.Lanes);

    public static LaneKind KindOf(LinkSpec link, int lane) => link.LaneKinds?[lane] ?? LaneKind.General;

    /// <summary>Which lane kinds a mode may drive on.</summary>
    public static bool LanePermits(LinkSpec link, int lane, TravelMode mode) => KindOf(link, lane) switch
    {
        LaneKind.General => mode != TravelMode.Tram,
        LaneKind.Bus => mode is TravelMode.Bus or TravelMode.Cycle,
        LaneKind.Tram => mode == TravelMode.Tram,
        LaneKind.Cycle => mode == TravelMode.Cycle,
        _ => false,
    };

    /// <summary>A plan's green windows by group, in ticks (an end at the cycle length wraps to 0).</summary>
    public static IReadOnlyDictionary<string, GreenWindow> Windows(PlanSpec plan)
    {
        var cycle = SimTime.FromSeconds(plan.CycleS);
        var result = new Dictionary<string, GreenWindow>(StringComparer.Ordinal);
        foreach (var (group, w) in plan.Greens)
        {
            result[group] = new GreenWindow(SimTime.FromSeconds(w.StartS), SimTime.FromSeconds(w.EndS) % cycle, cycle);
        }
        return result;
    }
}
