// What a signal controller is, as compiled from the scenario: its groups, plans, conflict matrix
// and priority rules. Immutable and shared; the running state lives in SignalController.
using SignalSim.Core.Model;

namespace SignalSim.Core.Signals;

/// <summary>Two groups in conflict: after the green of From ends, To may turn green only after the intergreen.</summary>
public readonly record struct Conflict(int From, int To, long IntergreenTicks);

public sealed class ControllerDefinition(
    int intersectionIndex,
    string intersectionId,
    CentreClock centre,
    int firstGroup,
    string[] groupIds,
    long[] amberTicks,
    long[] minGreenTicks,
    Conflict[] conflicts,
    FixedTimePlan[] plansBySlot,
    PriorityRules? bus,
    PriorityRules? tram,
    FixedTimePlan? insertionPlan = null,
    TransitionRules? transition = null,
    PreemptionRules? preemption = null)
{
    public int IntersectionIndex { get; } = intersectionIndex;
    public string IntersectionId { get; } = intersectionId;
    public CentreClock Centre { get; } = centre;

    /// <summary>Index of this controller's first group in the simulation-wide group arrays.</summary>
    public int FirstGroup { get; } = firstGroup;
    public string[] GroupIds { get; } = groupIds;
    public long[] AmberTicks { get; } = amberTicks;

    /// <summary>Minimum green per group; for pedestrian groups at least what clearance at 1.0 m/s needs.</summary>
    public long[] MinGreenTicks { get; } = minGreenTicks;
    public Conflict[] Conflicts { get; } = conflicts;

    /// <summary>Per group: the conflicts whose To is the group (what must end before it turns green), in the order of <see cref="Conflicts"/>.</summary>
    public Conflict[][] ConflictsInto { get; } = ByGroup(conflicts, groupIds.Length, into: true);

    /// <summary>Per group: the conflicts whose From is the group, in the order of <see cref="Conflicts"/>.</summary>
    public Conflict[][] ConflictsOutOf { get; } = ByGroup(conflicts, groupIds.Length, into: false);

    private readonly bool[] _conflictMatrix = Matrix(conflicts, groupIds.Length);

    /// <summary>Whether a conflict runs from group <paramref name="from"/> to group <paramref name="to"/>.</summary>
    public bool InConflict(int from, int to) => _conflictMatrix[from * GroupIds.Length + to];

    /// <summary>This intersection's plans, indexed by the centre's plan slots.</summary>
    public FixedTimePlan[] PlansBySlot { get; } = plansBySlot;
    public PriorityRules? Bus { get; } = bus;
    public PriorityRules? Tram { get; } = tram;

    /// <summary>Plan run for one cycle to insert a bus group's green (same cycle and cycle-time-0 state as the scheduled plans).</summary>
    public FixedTimePlan? InsertionPlan { get; } = insertionPlan;

    /// <summary>How plan changes run: the centre's method (dwell when the scenario gives none).</summary>
    public TransitionRules Transition { get; } = transition ?? TransitionRules.Dwell;

    /// <summary>Tram preemption, when the intersection serves its trams absolutely by preemption.</summary>
    public PreemptionRules? Preemption { get; } = preemption;

    public int GroupCount => GroupIds.Length;

    // The controller's safety checks look conflicts up by group at every update: built once here
    // instead of scanning the whole list for each group.
    private static Conflict[][] ByGroup(Conflict[] conflicts, int groups, bool into)
    {
        var result = new Conflict[groups][];
        for (var g = 0; g < groups; g++) result[g] = Array.FindAll(conflicts, c => (into ? c.To : c.From) == g);
        return result;
    }

    private static bool[] Matrix(Conflict[] conflicts, int groups)
    {
        var m = new bool[groups * groups];
        foreach (var c in conflicts) m[c.From * groups + c.To] = true;
        return m;
    }
}
