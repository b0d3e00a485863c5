// What one run contributes to a comparison: per-mode trip figures and the person-delay totals.
// Small and plain so that thousands of runs can be kept while the simulation results are dropped.
namespace SignalSim.Analysis.Metrics;

/// <summary>
/// Figures of one mode in one run. Travel-time figures are null without completed trips, and for
/// pedestrians, whose only measured time is the wait at the kerb (reported as their delay).
/// </summary>
/// <param name="Trips">Completed trips (vehicles) or pedestrians served, after the warm-up.</param>
/// <param name="MeanDelayS">Vehicles: travel time minus free-flow time; pedestrians: wait for the walk signal.</param>
/// <param name="PersonDelayH">Sum of delay × occupancy (persons per vehicle; 1 per pedestrian), in person-hours.</param>
/// <param name="HeadwayCv">Buses and trams: coefficient of variation of headways at the lines' regularity stops.</param>
public sealed record ModeMetrics(
    int Trips,
    double? MeanTravelTimeS,
    double? MedianTravelTimeS,
    double? P90TravelTimeS,
    double? P95TravelTimeS,
    double? MeanDelayS,
    double? P90DelayS,
    double? StopsPerTrip,
    double PersonDelayH,
    double? HeadwayCv);

/// <summary>One run's figures; <see cref="Modes"/> holds the modes the scenario uses, in <see cref="ReportMode"/> order.</summary>
public sealed record RunMetrics(IReadOnlyDictionary<ReportMode, ModeMetrics> Modes)
{
    /// <summary>Person-delay of every mode, pedestrians included, in person-hours.</summary>
    public double PersonDelayH => Modes.Values.Sum(m => m.PersonDelayH);

    /// <summary>Vehicle-delay of every vehicle mode (one per vehicle), in vehicle-hours.</summary>
    public required double VehicleDelayH { get; init; }
}
