// What one run contributes to a comparison: per-mode trip figures and the person-delay totals.
// Small and plain so that thousands of runs can be kept while the simulation results are dropped.
namespace SignalSim.Analysis.Metrics;

/// <summary>
/// Figures of one mode in one run. Travel-time figures are null without finished trips, and for
/// pedestrians, whose only measured time is the wait at the kerb (reported as their delay).
/// Travel-time, delay and stop figures cover finished trips; person-delay covers unfinished ones too.
/// </summary>
/// <param name="Trips">Finished trips of measured vehicles, or measured pedestrians served.</param>
/// <param name="MeanDelayS">Vehicles: travel time minus free-flow time; pedestrians: wait for the walk signal.</param>
/// <param name="PersonDelayH">Sum of delay × occupancy (persons per vehicle; 1 per pedestrian), in person-hours, unfinished vehicles and pedestrians included with the delay accumulated by the end of the run.</param>
/// <param name="HeadwayCv">Buses and trams: coefficient of variation of headways at the lines' regularity stops.</param>
/// <param name="Unfinished">Measured vehicles still in the network or waiting at an entry (pedestrians: still waiting) at the end of the run.</param>
/// <param name="SystemVehicleH">Vehicles: vehicle-hours in the network and waiting to enter over the measured period (every vehicle present); null for pedestrians.</param>
/// <param name="SystemPersonH">The same weighted by occupancy, in person-hours; null for pedestrians.</param>
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
    double? HeadwayCv,
    int Unfinished,
    double? SystemVehicleH,
    double? SystemPersonH);

/// <summary>One run's figures; <see cref="Modes"/> holds the modes the scenario uses, in <see cref="ReportMode"/> order.</summary>
public sealed record RunMetrics(IReadOnlyDictionary<ReportMode, ModeMetrics> Modes)
{
    /// <summary>Person-delay of every mode, pedestrians included, in person-hours.</summary>
    public double PersonDelayH => Modes.Values.Sum(m => m.PersonDelayH);

    /// <summary>Vehicle-delay of every vehicle mode (one per vehicle, unfinished included), in vehicle-hours.</summary>
    public required double VehicleDelayH { get; init; }

    /// <summary>Measured vehicles and pedestrians of every mode that had not finished at the end of the run.</summary>
    public int Unfinished => Modes.Values.Sum(m => m.Unfinished);

    /// <summary>Vehicle-hours in the network and waiting to enter over the measured period, every vehicle mode.</summary>
    public double SystemVehicleH => Modes.Values.Sum(m => m.SystemVehicleH ?? 0);

    /// <summary>Person-hours in the network and waiting to enter over the measured period, every vehicle mode.</summary>
    public double SystemPersonH => Modes.Values.Sum(m => m.SystemPersonH ?? 0);

    /// <summary>Each bus and tram line's running time and regularity, by line id (empty for a scenario without lines).</summary>
    public IReadOnlyDictionary<string, LineMetrics> Lines { get; init; } = new Dictionary<string, LineMetrics>();

    /// <summary>
    /// What became of the priority requests at each centre's intersections, every centre in the
    /// scenario's order (summary.json's priority_messages); null when the run's figures came
    /// without them (a shard's runs.json written before it carried them).
    /// </summary>
    public IReadOnlyList<Core.Output.PriorityMessageCounts>? PriorityCentres { get; init; }
}
