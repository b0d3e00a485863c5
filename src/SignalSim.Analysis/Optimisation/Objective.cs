// What an optimisation minimises, computed from one run's metrics. Person-delay, the default,
// weighs every traveller alike: a full bus counts for its passengers, a pedestrian for one.
using SignalSim.Analysis.Metrics;

namespace SignalSim.Analysis.Optimisation;

public enum Objective
{
    /// <summary>Delay × occupancy of every vehicle plus pedestrians' waits, in person-hours.</summary>
    PersonDelay,

    /// <summary>Delay of every vehicle, one per vehicle whatever its occupancy, in vehicle-hours.</summary>
    VehicleDelay,
}

public static class Objectives
{
    public static readonly IReadOnlyList<string> Words = ["person-delay", "vehicle-delay"];

    public static string Word(this Objective objective) => objective switch
    {
        Objective.PersonDelay => "person-delay",
        _ => "vehicle-delay",
    };

    public static string Unit(this Objective objective) => objective == Objective.PersonDelay ? "person-h" : "veh-h";

    public static Objective Parse(string word) => word switch
    {
        "person-delay" => Objective.PersonDelay,
        "vehicle-delay" => Objective.VehicleDelay,
        _ => throw new ArgumentException($"unknown objective '{word}'; use {string.Join(" or ", Words)}", nameof(word)),
    };

    public static double Value(this Objective objective, RunMetrics metrics) =>
        objective == Objective.PersonDelay ? metrics.PersonDelayH : metrics.VehicleDelayH;
}
