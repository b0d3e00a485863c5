// A group's green window within a cycle, in ticks, and the state it gives at a cycle time.
namespace SignalSim.Core.Signals;

public enum SignalState : byte { Red = 0, Amber = 1, Green = 2 }

public readonly record struct GreenWindow(long StartTicks, long EndTicks, long CycleTicks)
{
    /// <summary>A group with no green in a plan stays red all cycle.</summary>
    public static GreenWindow Never(long cycleTicks) => new(-1, -1, cycleTicks);

    public bool HasGreen => StartTicks >= 0;

    public long GreenTicks => HasGreen ? SimTime.Mod(EndTicks - StartTicks, CycleTicks) : 0;

    public bool IsGreen(long cycleTime)
    {
        if (!HasGreen) return false;
        return StartTicks < EndTicks
            ? cycleTime >= StartTicks && cycleTime < EndTicks
            : cycleTime >= StartTicks || cycleTime < EndTicks;
    }

    public SignalState StateAt(long cycleTime, long amberTicks)
    {
        if (!HasGreen) return SignalState.Red;
        if (IsGreen(cycleTime)) return SignalState.Green;
        return SimTime.Mod(cycleTime - EndTicks, CycleTicks) < amberTicks ? SignalState.Amber : SignalState.Red;
    }
}
