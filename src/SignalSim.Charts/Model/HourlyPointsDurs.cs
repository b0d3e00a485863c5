// "Points durs" hour by hour, from the stop-line records (crossings.csv): the time buses lose on
// each approach (the segment leading to an intersection) in each clock hour of the measured
// period, by cause — at the red signal, in the queue and the traffic at green (together the
// stop-line delay less dwell; one cause "signal and queue" when crossings.csv does not split
// them), and at the stop on the segment (dwell), as TimeLostByCause defines them for the
// whole-period chart too — and the ranking of those (place, cause, hour), worst first.
//
// A passage counts in the hour its bus crosses the stop line. Hours are counted from midnight of
// the run's first day, so a run over midnight keeps its two "00 h" apart. Measured buses still
// crossing in the cool-down count in the last measured hour: the hours cover exactly the
// measured period and their sums are the whole period's bus time lost.
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Model;

public enum TimeLostCause
{
    /// <summary>Stop-line delay less dwell, unsplit (crossings.csv without red_delay_s): red time and the queue in front of the bus.</summary>
    SignalAndQueue,

    /// <summary>Dwell at a stop on the approach.</summary>
    Stop,

    /// <summary>Time lost while the bus's signal was red or amber.</summary>
    Signal,

    /// <summary>Time lost at green: the queue moving off in front of the bus, the traffic ahead.</summary>
    Queue,
}

/// <param name="Hour">Hours since midnight of the run's first day (24 is the next day's 00 h).</param>
/// <param name="Passages">Bus passages of the stop line in that hour.</param>
/// <param name="TotalS">Time lost by all those passages to this cause, in seconds.</param>
public sealed record HourlyTimeLost(string Intersection, string Approach, int Hour, TimeLostCause Cause, int Passages, double TotalS)
{
    public double PerBusS => Passages > 0 ? TotalS / Passages : 0;

    /// <summary>The row of its approach and hour that is always there, whose passages count once for the approach.</summary>
    public bool CarriesPassages => Cause is TimeLostCause.SignalAndQueue or TimeLostCause.Signal;
}

/// <summary>One intersection in one hour: every approach and cause together.</summary>
public sealed record IntersectionHour(string Intersection, int Hour, int Passages, double TotalS)
{
    public double PerBusS => Passages > 0 ? TotalS / Passages : 0;
}

public static class HourlyPointsDurs
{
    public const double HourS = 3600;

    /// <summary>The clock hour (0-23) of an hour counted from the first midnight.</summary>
    public static int ClockHour(int hour) => hour % 24;

    /// <summary>The hours of the measured period, first to last, as counted from the first midnight.</summary>
    public static List<int> MeasuredHours(double startOfDayS, double warmupS, double durationS)
    {
        var first = HourAt(startOfDayS + warmupS);
        // The end instant belongs to the hour it closes (08:00-09:00 is the 8 h alone).
        var last = Math.Max(first, (int)Math.Ceiling((startOfDayS + warmupS + durationS) / HourS) - 1);
        var hours = new List<int>(last - first + 1);
        for (var h = first; h <= last; h++) hours.Add(h);
        return hours;
    }

    /// <summary>Bus time lost per approach, hour and cause; a cause without time (no stop on the segment) has no row.</summary>
    public static List<HourlyTimeLost> PerApproach(IReadOnlyList<CrossingRow> crossings, double startOfDayS, double warmupS, double durationS)
    {
        var hours = MeasuredHours(startOfDayS, warmupS, durationS);
        var rows = new List<HourlyTimeLost>();
        var groups = crossings.Where(c => c.Mode == BusTimeLost.Mode)
            .GroupBy(c => (c.Intersection, c.Approach, Hour: Math.Clamp(HourAt(startOfDayS + c.TimeS), hours[0], hours[^1])));
        foreach (var g in groups)
        {
            var lost = TimeLostByCause.Of(g);
            var (intersection, approach, hour) = g.Key;
            if (lost.AtRedS is { } atRed && lost.AtGreenS is { } atGreen)
            {
                // The signal's row always, so that it carries the approach's passages; the queue's when there is time lost.
                rows.Add(new HourlyTimeLost(intersection, approach, hour, TimeLostCause.Signal, lost.Passages, atRed));
                if (atGreen > 0) rows.Add(new HourlyTimeLost(intersection, approach, hour, TimeLostCause.Queue, lost.Passages, atGreen));
            }
            else
            {
                rows.Add(new HourlyTimeLost(intersection, approach, hour, TimeLostCause.SignalAndQueue, lost.Passages, lost.SignalAndQueueS));
            }
            if (lost.DwellS > 0) rows.Add(new HourlyTimeLost(intersection, approach, hour, TimeLostCause.Stop, lost.Passages, lost.DwellS));
        }
        return Ranked(rows);
    }

    /// <summary>Worst first by the total time lost; ties in a fixed order (place, hour, cause) so the table is reproducible.</summary>
    public static List<HourlyTimeLost> Ranked(IEnumerable<HourlyTimeLost> rows) =>
        rows.OrderByDescending(r => r.TotalS)
            .ThenBy(r => r.Intersection, StringComparer.Ordinal).ThenBy(r => r.Approach, StringComparer.Ordinal)
            .ThenBy(r => r.Hour).ThenBy(r => r.Cause)
            .ToList();

    /// <summary>Each intersection's bus time lost per hour, all approaches and causes together.</summary>
    public static List<IntersectionHour> PerIntersection(IReadOnlyList<HourlyTimeLost> perApproach) =>
        perApproach.GroupBy(r => (r.Intersection, r.Hour))
            .Select(g => new IntersectionHour(g.Key.Intersection, g.Key.Hour,
                // Every cause of one approach counts the same passages: count each approach once.
                g.Where(r => r.CarriesPassages).Sum(r => r.Passages), g.Sum(r => r.TotalS)))
            .ToList();

    /// <summary>The intersection losing the most bus time in each hour, by hour.</summary>
    public static Dictionary<int, IntersectionHour> WorstPerHour(IReadOnlyList<IntersectionHour> perIntersection) =>
        perIntersection.GroupBy(x => x.Hour).ToDictionary(g => g.Key,
            g => g.OrderByDescending(x => x.TotalS).ThenBy(x => x.Intersection, StringComparer.Ordinal).First());

    /// <summary>A run's measured period, in seconds from the first midnight (its start of day from its scenario, warm-up and duration from summary.json).</summary>
    public static (double FromS, double ToS) MeasuredWindow(RunFolder run)
    {
        var fromS = run.Scenario.Simulation.StartTimeOfDayS + run.Summary.WarmupS;
        return (fromS, fromS + run.Summary.DurationS);
    }

    /// <summary>The table of a run: its measured period from summary.json, its start of day from its scenario.</summary>
    public static List<HourlyTimeLost> Of(RunFolder run) =>
        PerApproach(run.Crossings, run.Scenario.Simulation.StartTimeOfDayS, run.Summary.WarmupS, run.Summary.DurationS);

    private static int HourAt(double secondsSinceMidnight) => (int)Math.Floor(secondsSinceMidnight / HourS);
}
