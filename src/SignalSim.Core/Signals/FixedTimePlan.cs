// A compiled fixed-time plan: cycle, offset and one green window per signal group of the
// intersection (groups without green stay red), plus the table of the cycle times at which any
// state changes, which priority and actuation use to know where the controller may hold or skip
// safely. An actuated plan also carries its program: its windows are then the maximum greens.
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Signals;

public sealed class FixedTimePlan
{
    public FixedTimePlan(string name, long cycleTicks, long offsetTicks, GreenWindow[] windows, long[] amberTicks)
    {
        Name = name;
        CycleTicks = cycleTicks;
        OffsetTicks = offsetTicks;
        Windows = windows;
        var events = new SortedDictionary<long, (bool GreenStart, bool GreenEnd, bool AmberEnd)>();
        for (var g = 0; g < windows.Length; g++)
        {
            var w = windows[g];
            if (!w.HasGreen) continue;
            Mark(events, w.StartTicks, greenStart: true);
            Mark(events, w.EndTicks, greenEnd: true);
            if (amberTicks[g] > 0) Mark(events, SimTime.Mod(w.EndTicks + amberTicks[g], cycleTicks), amberEnd: true);
        }
        EventTicks = events.Keys.ToArray();
        // Skipping forward to an event only shortens greens when the event just ends greens:
        // nothing turns green and no amber ends there (that would cut an intergreen or an amber).
        IsGreenEndOnly = events.Values.Select(e => e.GreenEnd && !e.GreenStart && !e.AmberEnd).ToArray();
        GroupsStartingAt = EventTicks.Select(t => Enumerable.Range(0, windows.Length).Where(g => windows[g].HasGreen && windows[g].StartTicks == t).ToArray()).ToArray();
        GroupsEndingAt = EventTicks.Select(t => Enumerable.Range(0, windows.Length).Where(g => windows[g].HasGreen && windows[g].EndTicks == t).ToArray()).ToArray();
    }

    private static void Mark(SortedDictionary<long, (bool GreenStart, bool GreenEnd, bool AmberEnd)> events, long t,
        bool greenStart = false, bool greenEnd = false, bool amberEnd = false)
    {
        events.TryGetValue(t, out var e);
        events[t] = (e.GreenStart || greenStart, e.GreenEnd || greenEnd, e.AmberEnd || amberEnd);
    }

    public string Name { get; }

    /// <summary>The actuated program when the plan's control type is actuated; null for fixed-time.</summary>
    public ActuatedProgram? Actuated { get; init; }

    public ControlType Control => Actuated is null ? ControlType.FixedTime : ControlType.Actuated;
    public long CycleTicks { get; }
    public long OffsetTicks { get; }

    /// <summary>Indexed like the controller's groups.</summary>
    public GreenWindow[] Windows { get; }

    /// <summary>Cycle times at which some group changes state, increasing.</summary>
    public long[] EventTicks { get; }

    /// <summary>Per event: only greens end there.</summary>
    public bool[] IsGreenEndOnly { get; }

    /// <summary>Per event: the groups whose green starts there, in group order (so the controller need not scan every group).</summary>
    public int[][] GroupsStartingAt { get; }

    /// <summary>Per event: the groups whose green ends there, in group order.</summary>
    public int[][] GroupsEndingAt { get; }

    /// <summary>Cycle time (0 ≤ τ &lt; cycle) at a centre time.</summary>
    public long CycleTime(long localTicks) => SimTime.Mod(localTicks - OffsetTicks, CycleTicks);

    /// <summary>Index of the first event after τ (cyclically), and the time until it.</summary>
    public int NextEvent(long tau, out long ticksUntil)
    {
        for (var i = 0; i < EventTicks.Length; i++)
        {
            if (EventTicks[i] > tau)
            {
                ticksUntil = EventTicks[i] - tau;
                return i;
            }
        }
        ticksUntil = EventTicks.Length > 0 ? EventTicks[0] + CycleTicks - tau : CycleTicks;
        return 0;
    }
}
