// What summary.json holds, as plain records: the run's settings and totals, travel times per
// mode, pedestrian waits, figures per public-transport line, the "points durs" diagnostic and
// delays per approach (the parts beyond cars are in TransitSummary.cs). Built by
// RunSummaryBuilder, written by SummaryJsonWriter, and read by the command line for its short
// report.
namespace SignalSim.Core.Output;

/// <summary>Facts about a run that the result itself does not carry.</summary>
public sealed record RunContext(string SourceName, string ProgramVersion, IReadOnlyList<string> Warnings);

public sealed record RunSummary(
    string Scenario,
    string Source,
    string ProgramVersion,
    ulong Seed,
    double DurationS,
    double StepS,
    double WarmupS,
    double QueueSampleS,
    VehicleTotals Vehicles,
    IReadOnlyList<ModeSummary> Modes,
    PedestrianSummary Pedestrians,
    IReadOnlyList<LineSummary> Lines,
    PointsDurs PointsDurs,
    IReadOnlyList<ApproachSummary> Approaches,
    IReadOnlyList<SignalWaitSummary> SignalWaits,
    IReadOnlyList<string> Warnings,
    Engine.DrivingCounters? Driving = null);

/// <summary>
/// Vehicle counts. Entered counts every vehicle admitted since time 0, warm-up included;
/// completed trips count only trips that departed after the warm-up.
/// </summary>
public sealed record VehicleTotals(int Entered, int CompletedTrips, int InNetworkAtEnd, int WaitingAtEntriesAtEnd);

/// <summary>
/// Trip statistics of one vehicle mode; the travel-time and delay figures are null without trips.
/// Person-delay weights each trip's delay by its class's occupancy.
/// </summary>
public sealed record ModeSummary(
    string Mode,
    int Trips,
    double? MeanTravelTimeS,
    double? P50TravelTimeS,
    double? P90TravelTimeS,
    double? P95TravelTimeS,
    double? MeanDelayS,
    double? MeanStops,
    double PersonDelayH);

/// <summary>Stop-line totals of one approach over the measured period.</summary>
public sealed record ApproachSummary(
    string Intersection,
    string Centre,
    string Link,
    int Departures,
    double? MeanDelayS,
    int MaxQueuedVehicles,
    double MaxQueueLengthM);
