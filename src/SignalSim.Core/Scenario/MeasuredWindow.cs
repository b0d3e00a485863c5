// A window of the day to measure (compare --period 08:00-09:00) and the scenario that measures
// exactly it: the same day, started later so that its warm-up ends at the window's start and its
// measured period lasts the window. Everything timed in simulation seconds (demand periods, line
// departures) moves back by the shift; centre clocks keep the time of day they show at every
// instant (their offset takes the drift accumulated over the shift), so every vehicle, signal
// and plan change of the window happens at the same time of day as in the whole-day run.
using System.Globalization;

namespace SignalSim.Core.Scenario;

/// <param name="StartS">Start of the window, seconds after midnight.</param>
/// <param name="LengthS">Length of the window in seconds (it may run past midnight).</param>
public sealed record MeasuredWindow(double StartS, double LengthS)
{
    private const double DayS = 86400;

    /// <summary>The window as written, HH:MM-HH:MM.</summary>
    public string Text => $"{Clock(StartS)}-{Clock(StartS + LengthS > DayS ? StartS + LengthS - DayS : StartS + LengthS)}";

    /// <summary>
    /// Parses HH:MM-HH:MM (00:00 to 24:00); an end before the start runs past midnight. Returns
    /// null and says why in <paramref name="problem"/> when the text is not such a window.
    /// </summary>
    public static MeasuredWindow? Parse(string text, out string? problem)
    {
        problem = null;
        var parts = text.Split('-');
        if (parts.Length != 2 || ParseClock(parts[0]) is not { } start || ParseClock(parts[1]) is not { } end)
        {
            problem = $"'{text}' is not a window of the day; write it HH:MM-HH:MM, e.g. 08:00-09:00 (00:00 to 24:00)";
            return null;
        }
        if (start >= DayS)
        {
            problem = $"'{text}' starts at 24:00; a window starts at 23:59 at the latest (00:00 is the next day's start)";
            return null;
        }
        if (end == start)
        {
            problem = $"'{text}' is empty; give an end after the start (an end before the start runs past midnight)";
            return null;
        }
        var length = end > start ? end - start : end + DayS - start;
        return new MeasuredWindow(start, length);
    }

    /// <summary>
    /// The scenario measuring exactly this window, or null with the reason when the window is not
    /// inside the period the scenario measures (its demand and service are only given there).
    /// </summary>
    public ScenarioFile? ApplyTo(ScenarioFile scenario, out string? problem)
    {
        problem = null;
        var sim = scenario.Simulation;
        // Simulation seconds, in the scenario as written, at which the window starts.
        var startSimS = Mod(StartS - sim.StartTimeOfDayS, DayS);
        var measuredEndS = sim.WarmupS + sim.DurationS;
        if (startSimS < sim.WarmupS && startSimS + DayS <= measuredEndS) startSimS += DayS; // only the second day's occurrence is after the warm-up
        if (startSimS < sim.WarmupS || startSimS + LengthS > measuredEndS + 1e-9)
        {
            var from = sim.StartTimeOfDayS + sim.WarmupS;
            problem = $"{Text} is not inside the period the scenario measures, {Clock(Mod(from, DayS))} to {Clock(Mod(from + sim.DurationS, DayS), allow24: true)}"
                + (sim.DurationS > DayS ? "" : $" ({sim.DurationS / 3600:0.##} h after {sim.WarmupS:0} s of warm-up)")
                + "; choose a window inside it, or a scenario that covers that time of day";
            return null;
        }
        var shiftS = startSimS - sim.WarmupS;
        var startOfDay = sim.StartTimeOfDayS + shiftS;
        var wraps = Math.Floor(startOfDay / DayS);
        startOfDay -= wraps * DayS;
        return scenario with
        {
            Simulation = sim with { StartTimeOfDayS = startOfDay, DurationS = LengthS },
            Demand = scenario.Demand.Select(d => d with { Periods = ShiftPeriods(d.Periods, shiftS) }).ToList(),
            Lines = ShiftLines(scenario.Lines, shiftS),
            Centres = scenario.Centres.Select(c => c with { Clock = ShiftClock(c.Clock, shiftS, wraps) }).ToList(),
            Strategies = scenario.Strategies.Select(st => st with
            {
                Lines = ShiftLines(st.Lines, shiftS),
                Centres = st.Centres.ToDictionary(kv => kv.Key, kv => kv.Value.Clock is { } clock ? kv.Value with { Clock = ShiftClock(clock, shiftS, wraps) } : kv.Value, StringComparer.Ordinal),
            }).ToList(),
        };
    }

    /// <summary>
    /// The clock shows the same time at every instant: it has drifted by drift × shift when the
    /// shorter run starts, and the day the start wrapped into is given back to its offset, so a
    /// cycle that does not divide the day keeps its phase too.
    /// </summary>
    private static ClockSpec ShiftClock(ClockSpec clock, double shiftS, double wraps)
    {
        var offset = clock.OffsetS + clock.DriftSPerHour * shiftS / 3600 + wraps * DayS;
        // A clock offset stays within a day either way; whole days change no cycle that divides the day.
        while (offset >= DayS) offset -= DayS;
        while (offset <= -DayS) offset += DayS;
        return clock with { OffsetS = offset };
    }

    private static List<FlowPeriodSpec> ShiftPeriods(IReadOnlyList<FlowPeriodSpec> periods, double shiftS)
    {
        var shifted = new List<FlowPeriodSpec>();
        for (var i = 0; i < periods.Count; i++)
        {
            var end = i + 1 < periods.Count ? periods[i + 1].StartS : double.PositiveInfinity;
            if (end <= shiftS) continue; // over before the shorter run starts
            shifted.Add(periods[i] with { StartS = Math.Max(0, periods[i].StartS - shiftS) });
        }
        return shifted;
    }

    /// <summary>Departures from the new start on; a line without any (a night without service) is left out.</summary>
    private static List<LineSpec> ShiftLines(IReadOnlyList<LineSpec> lines, double shiftS)
    {
        var shifted = new List<LineSpec>();
        foreach (var line in lines)
        {
            if (line.TimetableS is { } timetable)
            {
                var kept = timetable.Where(t => t >= shiftS).Select(t => t - shiftS).ToList();
                if (kept.Count > 0) shifted.Add(line with { TimetableS = kept });
            }
            else if (line.HeadwayS is { } headway && headway > 0)
            {
                var first = line.FirstDepartureS;
                if (first < shiftS) first += Math.Ceiling((shiftS - first) / headway) * headway;
                shifted.Add(line with { FirstDepartureS = first - shiftS });
            }
            else
            {
                shifted.Add(line); // invalid as written: the scenario check reports it
            }
        }
        return shifted;
    }

    private static double? ParseClock(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length != 2 || parts[0].Length is < 1 or > 2 || parts[1].Length != 2) return null;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return null;
        if (m > 59 || h > 24 || (h == 24 && m != 0)) return null;
        return h * 3600 + m * 60;
    }

    private static string Clock(double s, bool allow24 = false)
    {
        if (allow24 && s == 0) s = DayS;
        var minutes = (int)Math.Round(s / 60);
        return $"{minutes / 60:00}:{minutes % 60:00}";
    }

    private static double Mod(double a, double m) => ((a % m) + m) % m;
}
