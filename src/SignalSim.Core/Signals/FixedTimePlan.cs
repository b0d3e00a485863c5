// A compiled fixed-time plan: cycle, offset and one green window per signal group of the
// intersection (groups without green stay red).
namespace SignalSim.Core.Signals;

public sealed class FixedTimePlan(string name, long cycleTicks, long offsetTicks, GreenWindow[] windows)
{
    public string Name { get; } = name;
    public long CycleTicks { get; } = cycleTicks;
    public long OffsetTicks { get; } = offsetTicks;

    /// <summary>Indexed like the controller's groups.</summary>
    public GreenWindow[] Windows { get; } = windows;

    /// <summary>Cycle time (0 ≤ τ &lt; cycle) at a centre time.</summary>
    public long CycleTime(long localTicks) => SimTime.Mod(localTicks - OffsetTicks, CycleTicks);
}
