// A public-transport line compiled for the engine: its route, departures and stops.
namespace SignalSim.Core.Model;

public sealed class LineModel
{
    public required string Id { get; init; }
    public required int ClassIndex { get; init; }
    public required int Route { get; init; }

    /// <summary>Scheduled departures from the entry; the engine adds each one's random jitter.</summary>
    public required long[] ScheduledDepartureTicks { get; init; }
    public required long DepartureJitterTicks { get; init; }

    /// <summary>Scheduled entry-to-exit running time; lateness is measured against it, prorated by distance.</summary>
    public required double ScheduledRunTimeS { get; init; }
    public required double RouteLengthM { get; init; }

    /// <summary>This line's stops are FirstStop .. FirstStop + StopCount - 1 in the model's stop arrays.</summary>
    public required int FirstStop { get; init; }
    public required int StopCount { get; init; }

    /// <summary>Global index of the stop where headway regularity is measured, or -1 without stops.</summary>
    public required int RegularityStop { get; init; }

    /// <summary>Headway used for the first vehicle's waiting passengers (mean scheduled interval).</summary>
    public required double MeanHeadwayS { get; init; }
}

/// <summary>Bus stops and tram stations of all lines, flattened.</summary>
public sealed class StopTable
{
    public required string[] Ids { get; init; }
    public required int[] Line { get; init; }

    /// <summary>Absolute route step (hence link) the stop is on.</summary>
    public required int[] Step { get; init; }
    public required double[] PositionM { get; init; }
    public required double[] DwellFixedS { get; init; }
    public required double[] BoardingSPerPassenger { get; init; }
    public required double[] PassengersPerHour { get; init; }

    public int Count => Ids.Length;
}

/// <summary>A signalised pedestrian crossing.</summary>
public sealed record CrossingModel(string Id, int Intersection, int Group, double LengthM, double FlowForwardPedPerHour, double FlowBackwardPedPerHour, double WalkingSpeedMps);
