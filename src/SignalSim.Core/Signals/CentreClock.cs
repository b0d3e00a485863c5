// A regulation centre's clock and daily plan schedule. Centre time = time of day at start +
// simulation time + offset + drift; each centre runs its intersections on its own clock.
namespace SignalSim.Core.Signals;

public sealed class CentreClock
{
    public CentreClock(string id, string name, long startTimeOfDayTicks, long offsetTicks, double driftSecondsPerHour,
        long[] periodStartTicks, int[] periodPlanSlots, string[] planNames)
    {
        Id = id;
        Name = name;
        StartTimeOfDayTicks = startTimeOfDayTicks;
        OffsetTicks = offsetTicks;
        DriftSecondsPerHour = driftSecondsPerHour;
        PeriodStartTicks = periodStartTicks;
        PeriodPlanSlots = periodPlanSlots;
        PlanNames = planNames;
    }

    public string Id { get; }
    public string Name { get; }
    public long StartTimeOfDayTicks { get; }
    public long OffsetTicks { get; }
    public double DriftSecondsPerHour { get; }

    /// <summary>Period starts as times of day on this clock, increasing.</summary>
    public long[] PeriodStartTicks { get; }

    /// <summary>Plan slot of each period; a slot indexes <see cref="PlanNames"/>.</summary>
    public int[] PeriodPlanSlots { get; }

    /// <summary>The distinct plans this centre runs; every intersection of the centre defines them.</summary>
    public string[] PlanNames { get; }

    /// <summary>Centre time in ticks for a simulation time; drift accumulates linearly.</summary>
    public long LocalTicks(long simTicks) =>
        StartTimeOfDayTicks + simTicks + OffsetTicks + (long)Math.Round(simTicks * DriftSecondsPerHour / 3600.0);

    /// <summary>The plan slot scheduled at a centre time.</summary>
    public int PlanSlotAt(long localTicks)
    {
        var timeOfDay = SimTime.Mod(localTicks, SimTime.TicksPerDay);
        var slot = PeriodPlanSlots[^1]; // before the first start of the day, yesterday's last period runs
        for (var i = 0; i < PeriodStartTicks.Length; i++)
        {
            if (PeriodStartTicks[i] <= timeOfDay) slot = PeriodPlanSlots[i];
        }
        return slot;
    }
}
