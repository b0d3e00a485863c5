// The scenario compiled into flat arrays the step loop can read without lookups or allocation.
// Built once per run by SimulationModelBuilder from a validated ScenarioFile.
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;

namespace SignalSim.Core.Model;

public sealed record SimulationModel
{
    public required ScenarioFile Scenario { get; init; }
    public required ulong Seed { get; init; }
    public required long StepTicks { get; init; }
    public required long WarmupTicks { get; init; }

    /// <summary>End of the measured period: warm-up plus measured duration. Vehicles and pedestrians arriving in [WarmupTicks, MeasuredEndTicks) are measured.</summary>
    public required long MeasuredEndTicks { get; init; }

    /// <summary>End of the run: the measured period plus the cool-down that lets measured vehicles finish.</summary>
    public required long EndTicks { get; init; }
    public required long QueueSampleTicks { get; init; }

    /// <summary>Optional recordings (trajectories); RecordingOptions.None by default.</summary>
    public RecordingOptions Recording { get; init; } = RecordingOptions.None;

    /// <summary>Per link: whether its vehicles' trajectories are recorded.</summary>
    public bool[] TrajectoryLink { get; init; } = [];

    public required VehicleClassParameters[] Classes { get; init; }
    public required CentreClock[] Centres { get; init; }

    /// <summary>Cross-centre forwarding of each centre (same index as Centres).</summary>
    public required ForwardingRules[] Forwarding { get; init; }

    // Intersections and their controllers (same index).
    public required string[] IntersectionIds { get; init; }
    public required int[] IntersectionCentre { get; init; }
    public required ControllerDefinition[] Controllers { get; init; }

    // Signal groups, simulation-wide.
    public required string[] GroupIds { get; init; }
    public required int[] GroupIntersection { get; init; }
    public required SignalGroupKind[] GroupKinds { get; init; }

    // Links.
    public required string[] LinkIds { get; init; }
    public required double[] LinkLengthM { get; init; }
    public required double[] LinkSpeedLimitMps { get; init; }
    public required int[] LinkFirstLane { get; init; }
    public required int[] LinkLaneCount { get; init; }

    /// <summary>Intersection at the downstream end, or -1 for a boundary (an exit).</summary>
    public required int[] LinkToIntersection { get; init; }

    // Lanes.
    public required int[] LaneLink { get; init; }

    /// <summary>Most vehicles the lane can physically hold; sizes its ring buffer.</summary>
    public required int[] LaneCapacity { get; init; }

    // Routes, flattened: route r owns steps RouteFirstStep[r] .. RouteFirstStep[r] + RouteStepCount[r] - 1.
    public required string[] RouteIds { get; init; }
    /// <summary>Demand of each route, or -1 for a line's route.</summary>
    public required int[] RouteDemand { get; init; }

    /// <summary>Line of each route, or -1 for a demand route.</summary>
    public required int[] RouteLine { get; init; }
    public required int[] RouteFirstStep { get; init; }
    public required int[] RouteStepCount { get; init; }

    /// <summary>Link of each route step.</summary>
    public required int[] StepLink { get; init; }

    /// <summary>Group controlling the movement to the next step's link; -1 on the last link.</summary>
    public required int[] StepGroup { get; init; }

    /// <summary>Bit i set: lane i of the step's link may be used (movement lanes ∩ class lanes).</summary>
    public required ulong[] StepLaneMask { get; init; }

    /// <summary>Distance along the route to the start of the step's link.</summary>
    public required double[] StepStartDistanceM { get; init; }

    /// <summary>
    /// Lanes the vehicle should drive in on the step's link: those of its next movement, narrowed
    /// to its mode's own lanes (bus, cycle, tram) when the movement has some. Drivers outside them
    /// change lanes (a mandatory change) before the stop line.
    /// </summary>
    public required ulong[] StepTargetMask { get; init; }

    /// <summary>
    /// Lane continuity across the stop line: StepExitLane[StepExitLaneOffset[s] + k] is the lane of
    /// the next link that a vehicle in lane k of step s's link enters (-1 when lane k does not serve
    /// the movement). Empty range on a route's last step.
    /// </summary>
    public required int[] StepExitLaneOffset { get; init; }
    public required int[] StepExitLane { get; init; }

    /// <summary>Speed at which the movement at the end of the step is taken, +∞ when the exit link's limit applies.</summary>
    public required double[] StepTurnSpeedMps { get; init; }

    /// <summary>Permissive conflicts of the movement at the end of the step: Yields[StepYieldFirst[s] ..+ StepYieldCount[s]].</summary>
    public required int[] StepYieldFirst { get; init; }
    public required int[] StepYieldCount { get; init; }
    public required YieldModel[] Yields { get; init; }

    /// <summary>Lanes of each link each class may drive on: LinkClassLaneMask[link * Classes.Length + class].</summary>
    public required ulong[] LinkClassLaneMask { get; init; }

    /// <summary>Opposing movements some movement gives way to (approach link, exit link).</summary>
    public required int[] OpposingFromLink { get; init; }
    public required int[] OpposingToLink { get; init; }

    public required DemandModel[] Demands { get; init; }
    public required LineModel[] Lines { get; init; }
    public required StopTable Stops { get; init; }
    public required CrossingModel[] Crossings { get; init; }

    /// <summary>Links that end at an intersection (approaches), in link order.</summary>
    public required int[] ApproachLinks { get; init; }

    public int LaneCount => LaneLink.Length;
    public int LinkCount => LinkIds.Length;
    public int GroupCount => GroupIds.Length;
}

/// <summary>
/// One permissive conflict: give way to the pedestrians of a crossing inside [ZoneStartM, ZoneEndM]
/// of its length, or to the vehicles of an opposing movement (index into OpposingFromLink).
/// </summary>
public readonly record struct YieldModel(int Crossing, int Opposing, double ZoneStartM, double ZoneEndM);
