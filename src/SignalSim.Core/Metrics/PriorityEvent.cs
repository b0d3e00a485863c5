// One line of priority.csv: what happened to a priority request at an intersection.
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Metrics;

public enum PriorityAction : byte
{
    /// <summary>A check-in (or a forwarded announcement) reached the controller.</summary>
    Requested,
    /// <summary>The green of the vehicle's group was held beyond its planned end.</summary>
    Extension,
    /// <summary>Conflicting greens were shortened (down to their minimum) to bring the green forward.</summary>
    EarlyGreen,
    /// <summary>The insertion plan runs this cycle to give the vehicle's group a green the normal plan does not have.</summary>
    PhaseInsertion,
    /// <summary>The vehicle passed the stop line; the request is closed.</summary>
    CheckedOut,
    /// <summary>No check-out came in time; the request lapsed.</summary>
    Expired,
    /// <summary>The controller did not act; the reason says why.</summary>
    Refused,
    /// <summary>
    /// An extension under way was released before the vehicle reached the line: its refreshed
    /// estimate showed it could not make it within the maximum; the reason says why.
    /// </summary>
    Cancelled,
    /// <summary>A tram's request took the intersection off its plan (preemption), or joined the preemption under way.</summary>
    Preempted,
}

public enum PriorityReason : byte
{
    None,
    NoPriorityForMode,
    NotLateEnough,
    ExtensionLimitReached,
    TooFarForExtension,
    EarlyGreenLimitReached,
    PlanChangeInProgress,
    AnotherRequestServed,
    TooManyRequests,
}

/// <param name="Line">Line index of the vehicle, -1 if it belongs to none.</param>
/// <param name="Forwarded">The request came as an announcement from the previous centre, not from this intersection's detector.</param>
/// <param name="EtaS">Estimated time to the stop line at the event, in seconds (refreshed every step from the vehicle's state).</param>
/// <param name="LatenessS">Seconds behind schedule when requested (negative: early).</param>
/// <param name="GrantedS">On check-out or expiry: green time granted (extension plus early green); on cancellation: the extension held so far; in seconds.</param>
public readonly record struct PriorityEvent(
    long Ticks,
    int VehicleId,
    int Line,
    int Intersection,
    TravelMode Mode,
    bool Forwarded,
    PriorityAction Action,
    PriorityReason Reason,
    double EtaS,
    double LatenessS,
    double GrantedS);
