// What the user asked of a chart: the strategy to show, the time window, the approaches, the
// corridor, the language and the Purdue diagram's arrivals method. Every field is optional;
// each chart picks a sensible default.
using System.Globalization;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Charts;

public sealed record ChartRequest
{
    public string Language { get; init; } = Labels.ChartLabels.DefaultLanguage;

    /// <summary>Strategy id; the baseline when null.</summary>
    public string? Strategy { get; init; }

    /// <summary>Simulation time window in seconds (warm-up included, as in the files).</summary>
    public TimeWindow? Window { get; init; }

    /// <summary>Approach link ids for the queue and Purdue charts.</summary>
    public IReadOnlyList<string>? Approaches { get; init; }

    /// <summary>Link ids of the corridor, in travel order, for the time-space diagram.</summary>
    public IReadOnlyList<string>? Corridor { get; init; }

    /// <summary>How the Purdue diagram measures arrivals: undelayed (default) or by the run's own advance detector, as a field log does.</summary>
    public FieldData.ArrivalsMethod Arrivals { get; init; } = FieldData.ArrivalsMethod.Undelayed;
}

public readonly record struct TimeWindow(double FromS, double ToS)
{
    public double LengthS => ToS - FromS;

    public bool Contains(double timeS) => timeS >= FromS && timeS <= ToS;

    /// <summary>Parses "FROM-TO" in seconds, e.g. "300-900".</summary>
    public static TimeWindow Parse(string text)
    {
        var dash = text.IndexOf('-', 1);
        if (dash > 0
            && double.TryParse(text[..dash], NumberStyles.Float, CultureInfo.InvariantCulture, out var from)
            && double.TryParse(text[(dash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var to)
            && double.IsFinite(from) && double.IsFinite(to) && from >= 0 && to > from)
        {
            return new TimeWindow(from, to);
        }
        throw new ChartOptionException($"--window: '{text}' is not a time window; give FROM-TO in simulation seconds, e.g. 300-900");
    }
}
