// The longest wait each signal group imposes: the time from the end of one green to the start of
// the next, from the recorded signal changes. French practice caps the wait imposed on a user at
// 120 s (240 s where it favours public transport), so priority strategies are judged on it too.
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Signals;

namespace SignalSim.Core.Output;

/// <summary>Waits of one signal group whose next green started in the measured period.</summary>
public sealed record SignalWaitSummary(string Intersection, string Centre, string Group, string Kind, int Greens, double? LongestWaitS, int WaitsOver120S);

public static class SignalWaitMetrics
{
    /// <summary>The usual cap on the wait imposed on a user, in seconds.</summary>
    public const double UsualMaximumWaitS = 120;

    /// <summary>Durations (s) between the end of a green and the start of the next, for greens starting at or after <paramref name="fromTicks"/>.</summary>
    public static List<double> Waits(IEnumerable<SignalChange> changesOfOneGroup, SignalState initial, long fromTicks)
    {
        var waits = new List<double>();
        long? greenEnded = null; // unknown while the group has not yet ended a green in the run
        var green = initial == SignalState.Green;
        foreach (var c in changesOfOneGroup)
        {
            var nowGreen = c.State == SignalState.Green;
            if (green && !nowGreen) greenEnded = c.Ticks;
            if (!green && nowGreen && greenEnded is { } end && c.Ticks >= fromTicks) waits.Add(SimTime.ToSeconds(c.Ticks - end));
            green = nowGreen;
        }
        return waits;
    }

    public static List<SignalWaitSummary> Build(SimulationResult result)
    {
        var m = result.Model;
        // Greens that start within the measured period (the cool-down only lets vehicles finish).
        var byGroup = result.Records.SignalChanges.Where(c => c.Ticks < m.MeasuredEndTicks).GroupBy(c => c.Group).ToDictionary(g => g.Key, g => g.ToList());
        var summaries = new List<SignalWaitSummary>(m.GroupCount);
        for (var g = 0; g < m.GroupCount; g++)
        {
            var waits = Waits(byGroup.GetValueOrDefault(g) ?? [], result.Records.InitialSignals[g], m.WarmupTicks);
            var intersection = m.GroupIntersection[g];
            summaries.Add(new SignalWaitSummary(
                ModelNames.Intersection(m, intersection),
                ModelNames.Centre(m, intersection),
                ModelNames.Group(m, g),
                InvariantText.Word(m.GroupKinds[g]),
                waits.Count,
                waits.Count > 0 ? waits.Max() : null,
                waits.Count(w => w > UsualMaximumWaitS)));
        }
        return summaries;
    }
}
