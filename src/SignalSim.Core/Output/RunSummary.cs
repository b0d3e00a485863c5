// What summary.json holds, as plain records: the run's settings and totals, travel times per
// mode, pedestrian waits, figures per public-transport line, the "points durs" diagnostic, the
// fate of the priority requests and
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
    double CooldownS,
    double QueueSampleS,
    VehicleTotals Vehicles,
    SystemTime System,
    IReadOnlyList<ModeSummary> Modes,
    PedestrianSummary Pedestrians,
    IReadOnlyList<LineSummary> Lines,
    PointsDurs PointsDurs,
    IReadOnlyList<ApproachSummary> Approaches,
    IReadOnlyList<SignalWaitSummary> SignalWaits,
    IReadOnlyList<string> Warnings,
    Engine.DrivingCounters? Driving = null)
{
    /// <summary>What became of the priority requests, per centre and per line and centre (PriorityMessageMetrics).</summary>
    public PriorityMessageSummary PriorityMessages { get; init; } = new([], []);
}

/// <summary>
/// Vehicle counts. Entered counts every vehicle admitted since time 0, warm-up and cool-down
/// included; measured arrivals are the vehicles that arrived at their entry in the measured
/// period, each either a completed trip or unfinished (still in the network or waiting at an
/// entry at the end of the run). In network and waiting at the end count every vehicle.
/// </summary>
public sealed record VehicleTotals(int Entered, int MeasuredArrivals, int CompletedTrips, int Unfinished, int InNetworkAtEnd, int WaitingAtEntriesAtEnd);

/// <summary>
/// Time spent in the system over the measured period by every vehicle present (measured or not,
/// finished or not): vehicle-hours in the network, vehicle-hours waiting to enter, and their sum
/// weighted by occupancy.
/// </summary>
public sealed record SystemTime(double InNetworkVehicleH, double WaitingToEnterVehicleH, double PersonH)
{
    public double VehicleH => InNetworkVehicleH + WaitingToEnterVehicleH;
}

/// <summary>
/// Trip statistics of one vehicle mode. Travel-time, delay and stop figures cover finished trips
/// and are null without any; Unfinished counts the measured vehicles that had not finished at the
/// end of the run. Person-delay weights each measured vehicle's delay by its class's occupancy,
/// unfinished vehicles with the delay accumulated so far. System holds the mode's time in the system.
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
    double PersonDelayH,
    int Unfinished,
    SystemTime System);

/// <summary>Stop-line totals of one approach: the crossings of measured vehicles (cool-down included) and the queues sampled over the measured period.</summary>
public sealed record ApproachSummary(
    string Intersection,
    string Centre,
    string Link,
    int Departures,
    double? MeanDelayS,
    int MaxQueuedVehicles,
    double MaxQueueLengthM);
