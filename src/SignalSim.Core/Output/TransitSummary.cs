// The parts of summary.json beyond cars: pedestrians per crossing, figures per public-transport
// line, and the "points durs" diagnostic the centres asked for — where buses and trams lose time
// at signals, and what the controllers did with their priority requests.
namespace SignalSim.Core.Output;

/// <summary>Pedestrians of the whole run and of each crossing, in model order.</summary>
public sealed record PedestrianSummary(WaitSummary All, IReadOnlyList<CrossingSummary> Crossings);

public sealed record CrossingSummary(string Intersection, string Centre, string Crossing, WaitSummary Waits);

/// <summary>
/// One line over the measured period. Trip figures (travel time, dwell, lateness) cover the
/// finished trips of measured vehicles (departed in the measured period); Unfinished counts
/// those still on their way at the end of the run, and person-delay covers both (unfinished
/// with the delay accumulated so far). Headways cover every departure from the regularity stop
/// within the measured period. Figures are null without data.
/// </summary>
/// <param name="LatenessStop">Stop where lateness is measured (the line's last), or null when measured at the exit.</param>
/// <param name="PersonDelayH">Occupancy × trip delay summed over finished and unfinished trips; trip delay counts dwell at stops.</param>
public sealed record LineSummary(
    string Line,
    string Mode,
    string VehicleClass,
    string EntryLink,
    string ExitLink,
    int Trips,
    int Unfinished,
    double? MeanTravelTimeS,
    double? P50TravelTimeS,
    double? P90TravelTimeS,
    double? MeanDelayS,
    double? MeanDwellS,
    string? LatenessStop,
    double? MeanLatenessS,
    double? P90LatenessS,
    string? RegularityStop,
    int Headways,
    double? MeanHeadwayS,
    double? HeadwayCv,
    double PersonDelayH);

/// <summary>Stop-line crossings and their mean delay at the signal (dwell at stops excluded).</summary>
public sealed record SignalDelay(int Crossings, double? MeanS);

/// <summary>Where buses and trams lose time at signals, by line and by intersection.</summary>
public sealed record PointsDurs(IReadOnlyList<LineSignalDelay> Lines, IReadOnlyList<IntersectionTransit> Intersections);

/// <summary>A line's delay at each signalised approach of its route, in route order.</summary>
public sealed record LineSignalDelay(string Line, string Mode, double? SignalDelayPerTripS, IReadOnlyList<ApproachSignalDelay> Approaches);

public sealed record ApproachSignalDelay(string Intersection, string Centre, string Link, SignalDelay Delay);

/// <summary>Bus and tram delay at one intersection's signals, and its priority requests.</summary>
public sealed record IntersectionTransit(string Intersection, string Centre, SignalDelay Bus, SignalDelay Tram, PriorityCounts Priority);
