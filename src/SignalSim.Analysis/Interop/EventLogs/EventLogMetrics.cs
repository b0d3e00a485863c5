// The figures ATSPM-style tools compute from an event log, for one phase of one signal: the
// green intervals (begin green 1 → begin yellow 8), the yellow durations (8 → 9 or 10), and
// arrivals on green: each detector-on (82) of an advance detector, moved forward by its distance
// to the stop line at the speed limit, as the Purdue coordination diagram does.
namespace SignalSim.Analysis.Interop.EventLogs;

public sealed record GreenInterval(double StartS, double EndS, double YellowEndS)
{
    public double GreenS => EndS - StartS;
    public double YellowS => YellowEndS - EndS;
}

public sealed record ArrivalsOnGreen(int Arrivals, int OnGreen)
{
    public double Share => Arrivals == 0 ? double.NaN : (double)OnGreen / Arrivals;
}

public static class EventLogMetrics
{
    /// <summary>Complete green-yellow intervals of a phase, in log time.</summary>
    public static List<GreenInterval> Greens(IReadOnlyList<LoggedEvent> log, string signal, int phase)
    {
        var greens = new List<GreenInterval>();
        double? greenStart = null, yellowStart = null;
        foreach (var e in log)
        {
            if (e.SignalId != signal || e.Param != phase) continue;
            switch (e.Code)
            {
                case 1: greenStart = e.TimeOfDayS; yellowStart = null; break;
                case 8 when greenStart is not null: yellowStart = e.TimeOfDayS; break;
                case 9 or 10 when greenStart is not null && yellowStart is not null:
                    greens.Add(new GreenInterval(greenStart.Value, yellowStart.Value, e.TimeOfDayS));
                    greenStart = yellowStart = null;
                    break;
            }
        }
        return greens;
    }

    /// <summary>Arrivals at the stop line projected from a detector's on events, and how many fall in a green of the phase.</summary>
    public static ArrivalsOnGreen OnGreen(IReadOnlyList<LoggedEvent> log, string signal, int phase, int channel, double distanceToStopLineM, double speedMps, double fromS, double toS)
    {
        var greens = Greens(log, signal, phase);
        var arrivals = 0;
        var onGreen = 0;
        foreach (var arrival in DetectorArrivalTimes(log, signal, channel, distanceToStopLineM, speedMps))
        {
            if (arrival < fromS || arrival >= toS) continue;
            arrivals++;
            foreach (var g in greens)
            {
                if (arrival >= g.StartS && arrival < g.EndS) { onGreen++; break; }
            }
        }
        return new ArrivalsOnGreen(arrivals, onGreen);
    }

    /// <summary>
    /// The detector method, the one projection SignalSim uses for a log, field or simulated: each
    /// on event (82) of the loop moved forward by its distance to the stop line at the given
    /// speed, in seconds of the day.
    /// </summary>
    public static IEnumerable<double> DetectorArrivalTimes(IReadOnlyList<LoggedEvent> log, string signal, int channel, double distanceToStopLineM, double speedMps)
    {
        var travelS = distanceToStopLineM / speedMps;
        return log.Where(e => e.SignalId == signal && e.Code == 82 && e.Param == channel).Select(e => e.TimeOfDayS + travelS);
    }
}
