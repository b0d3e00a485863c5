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

    /// <summary>Of the lanes in the mask, the mode's own kind (bus lane for a bus...) when there are some, else all of them.</summary>
    public static ulong OwnLanes(LinkSpec link, ulong mask, TravelMode mode)
    {
        var own = mode switch { TravelMode.Bus => LaneKind.Bus, TravelMode.Tram => LaneKind.Tram, TravelMode.Cycle => LaneKind.Cycle, _ => LaneKind.General };
        if (own == LaneKind.General) return mask;
        var result = 0UL;
        for (var k = 0; k < link.Lanes; k++)
        {
            if ((mask & (1UL << k)) != 0 && KindOf(link, k) == own) result |= 1UL << k;
        }
        return result != 0 ? result : mask;
    }

    /// <summary>
    /// Exit lane entered from each approach lane by a vehicle of the mode (-1: the lane does not
    /// serve the movement, or not for the mode): the declared exit_lanes, else lane continuity as
    /// drivers practise it: the i-th lane of the movement the mode may use (from the right)
    /// continues into the i-th lane of the exit link it may use, the leftmost taking any lanes
    /// beyond it (a lane drop, where vehicles merge in turn). A declared exit lane the mode may not
    /// use becomes the nearest one it may (-2 marks "declared, to be resolved" for the caller).
    /// </summary>
    public static int[] ExitLanes(LinkSpec from, LinkSpec to, MovementSpec movement, TravelMode mode)
    {
        var result = Enumerable.Repeat(-1, from.Lanes).ToArray();
        var lanes = MovementLanes(from, movement).ToList();
        if (movement.ExitLanes is { } declared)
        {
            for (var i = 0; i < lanes.Count && i < declared.Count; i++)
            {
                if (lanes[i] >= 0 && lanes[i] < from.Lanes && LanePermits(from, lanes[i], mode)) result[lanes[i]] = NearestPermitted(to, declared[i], mode);
            }
            return result;
        }
        var usable = lanes.Where(k => k >= 0 && k < from.Lanes && LanePermits(from, k, mode)).Order().ToList();
        var exits = Enumerable.Range(0, to.Lanes).Where(k => LanePermits(to, k, mode)).ToList();
        if (exits.Count == 0) return result;
        for (var i = 0; i < usable.Count; i++) result[usable[i]] = exits[Math.Min(i, exits.Count - 1)];
        return result;
    }

    /// <summary>The lane of the link nearest the given one that the mode may use (the right one on a tie), or -1.</summary>
    private static int NearestPermitted(LinkSpec link, int lane, TravelMode mode)
    {
        for (var d = 0; d < link.Lanes; d++)
        {
            if (lane - d >= 0 && lane - d < link.Lanes && LanePermits(link, lane - d, mode)) return lane - d;
            if (lane + d < link.Lanes && lane + d >= 0 && LanePermits(link, lane + d, mode)) return lane + d;
        }
        return -1;
    }

    /// <summary>Drivers slow to this speed for a movement that gives way (unless it states its own turn speed).</summary>
    public const double DefaultYieldingTurnSpeedKmh = 20;

    public static double? TurnSpeedKmh(MovementSpec movement) =>
        movement.TurnSpeedKmh ?? (movement.Yields.Count > 0 ? DefaultYieldingTurnSpeedKmh : null);

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
