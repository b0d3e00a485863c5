// What an optimisation minimises, computed from one run's metrics. Person-delay, the default,
// weighs every traveller alike: a full bus counts for its passengers, a pedestrian for one.
// pareto is not one figure: it searches the front between public-transport passengers' and car
// occupants' person-delay (ParetoSearch), each point minimising a weighted sum of the two.
using SignalSim.Analysis.Metrics;

namespace SignalSim.Analysis.Optimisation;

public enum Objective
{
    /// <summary>Delay × occupancy of every vehicle plus pedestrians' waits, in person-hours.</summary>
    PersonDelay,

    /// <summary>Delay of every vehicle, one per vehicle whatever its occupancy, in vehicle-hours.</summary>
    VehicleDelay,

    /// <summary>The front between bus and tram passengers' and car occupants' person-delay (ParetoSearch).</summary>
    Pareto,
}

public static class Objectives
{
    public static readonly IReadOnlyList<string> Words = ["person-delay", "vehicle-delay", "pareto"];

    public static string Word(this Objective objective) => objective switch
    {
        Objective.PersonDelay => "person-delay",
        Objective.VehicleDelay => "vehicle-delay",
        _ => "pareto",
    };

    public static string Unit(this Objective objective) => objective == Objective.VehicleDelay ? "veh-h" : "person-h";

    public static Objective Parse(string word) => word switch
    {
        "person-delay" => Objective.PersonDelay,
        "vehicle-delay" => Objective.VehicleDelay,
        "pareto" => Objective.Pareto,
        _ => throw new ArgumentException($"unknown objective '{word}'; use {string.Join(", ", Words)}", nameof(word)),
    };

    /// <summary>The single figure of one run; pareto has none, and its callers use <see cref="CandidateMeans"/> instead.</summary>
    public static double Value(this Objective objective, RunMetrics metrics) => objective switch
    {
        Objective.PersonDelay => metrics.PersonDelayH,
        Objective.VehicleDelay => metrics.VehicleDelayH,
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, "pareto is searched as a front, not as one figure"),
    };

    public static double Value(this Objective objective, CandidateMeans means) => objective switch
    {
        Objective.PersonDelay => means.PersonDelayH,
        Objective.VehicleDelay => means.VehicleDelayH,
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, "pareto is searched as a front, not as one figure"),
    };
}

/// <summary>A candidate's figures, each the mean over the search replications.</summary>
/// <param name="TransitPersonDelayH">Bus and tram passengers' person-delay.</param>
/// <param name="CarPersonDelayH">Car occupants' person-delay.</param>
public sealed record CandidateMeans(double PersonDelayH, double VehicleDelayH, double TransitPersonDelayH, double CarPersonDelayH)
{
    public static CandidateMeans Of(IReadOnlyList<RunMetrics> runs)
    {
        double person = 0, vehicle = 0, transit = 0, car = 0;
        foreach (var m in runs)
        {
            person += m.PersonDelayH;
            vehicle += m.VehicleDelayH;
            transit += TransitOf(m);
            car += m.Modes.TryGetValue(ReportMode.Car, out var c) ? c.PersonDelayH : 0;
        }
        var n = runs.Count;
        return new(person / n, vehicle / n, transit / n, car / n);
    }

    /// <summary>Bus and tram passengers' person-delay of one run.</summary>
    public static double TransitOf(RunMetrics m)
    {
        var sum = 0.0;
        foreach (var (mode, figures) in m.Modes)
        {
            if (mode.IsTransit()) sum += figures.PersonDelayH;
        }
        return sum;
    }

    /// <summary>No worse on both figures and better on one: this candidate dominates <paramref name="other"/>.</summary>
    public bool Dominates(CandidateMeans other) =>
        TransitPersonDelayH <= other.TransitPersonDelayH && CarPersonDelayH <= other.CarPersonDelayH
        && (TransitPersonDelayH < other.TransitPersonDelayH || CarPersonDelayH < other.CarPersonDelayH);
}

/// <summary>
/// One point of a Pareto search: minimise w·T/T₀ + (1 − w)·C/C₀, T and C the public-transport
/// passengers' and car occupants' person-delay, T₀ and C₀ the start's (so that the weight, not
/// the groups' sizes, sets the balance).
/// </summary>
public sealed record ParetoWeighting(double TransitWeight, double TransitScaleH, double CarScaleH)
{
    public double Value(CandidateMeans m) =>
        TransitWeight * m.TransitPersonDelayH / TransitScaleH + (1 - TransitWeight) * m.CarPersonDelayH / CarScaleH;
}
