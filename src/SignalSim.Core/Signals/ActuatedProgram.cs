// A plan's actuated program, compiled from the scenario: per signal group its recall, passage
// time, whether it is coordinated, and which detectors and push buttons (crossings) call it.
// Immutable and shared; the running call memory and gap timers live in SignalController.
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Signals;

public sealed class ActuatedProgram
{
    public ActuatedProgram(RecallMode[] recall, long[] passageTicks, bool[] coordinated, int[][] detectorsOfGroup, int[][] crossingsOfGroup)
    {
        Recall = recall;
        PassageTicks = passageTicks;
        Coordinated = coordinated;
        DetectorsOfGroup = detectorsOfGroup;
        CrossingsOfGroup = crossingsOfGroup;
        foreach (var c in coordinated) IsCoordinated |= c;
    }

    /// <summary>Per local group; never None for a group that nothing could call (the compiler gives it maximum).</summary>
    public RecallMode[] Recall { get; }

    /// <summary>Per local group: a green with no vehicle over its detectors for this long may gap out.</summary>
    public long[] PassageTicks { get; }

    /// <summary>Per local group: keeps the plan's window, absorbs the time others leave.</summary>
    public bool[] Coordinated { get; }

    /// <summary>The plan keeps its cycle and offset (some group is coordinated); otherwise free-running.</summary>
    public bool IsCoordinated { get; }

    /// <summary>Per local group: simulation-wide detector indices (every intersection's detectors, in scenario order).</summary>
    public int[][] DetectorsOfGroup { get; }

    /// <summary>Per local group: simulation-wide crossing indices whose push buttons call it.</summary>
    public int[][] CrossingsOfGroup { get; }
}
