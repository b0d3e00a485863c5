// Raised by the safety monitor: the run stops, naming the intersection, the groups and the time.
namespace SignalSim.Core.Engine;

public sealed class SafetyViolationException(string intersection, string groups, long ticks, string rule)
    : Exception($"unsafe signal state at intersection '{intersection}', t = {SimTime.ToSeconds(ticks):0.0} s: {groups}: {rule}")
{
    public string Intersection { get; } = intersection;
    public string Groups { get; } = groups;
    public long Ticks { get; } = ticks;
    public string Rule { get; } = rule;
}
