// One line of priority_messages.jsonl: a priority message between a bus or tram (or the centre
// that relays it), and the controller of an intersection, shaped like the C-ITS signal request
// and status messages (SREM/SSEM, ETSI TS 103 301; SRM/SSM in SAE J2735). A request message
// (request, update or cancel) carries the request id, its sequence number, the intersection,
// the inbound approach and signal group, the estimated arrival at the stop line, the duration
// of the service asked for, the requester's role (bus or tram), line and schedule adherence. A
// status message is the controller's reply: the request id and the sequence number of the
// request message it answers, the status and, when the request is rejected or held back, why.
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Metrics;

public enum PriorityMessageType : byte
{
    /// <summary>SREM priorityRequest: the vehicle checks in (or the previous centre relays it).</summary>
    Request,
    /// <summary>SREM priorityRequestUpdate: the vehicle's arrival estimate moved materially since its last message.</summary>
    Update,
    /// <summary>SREM priorityCancellation: the vehicle passed the stop line.</summary>
    Cancel,
    /// <summary>SSEM: the controller's status of the request.</summary>
    Status,
}

/// <summary>SSEM prioritization response status (the subset of J2735's PrioritizationResponseStatus a controller here gives).</summary>
public enum PriorityRequestStatus : byte
{
    /// <summary>No status (a request message).</summary>
    None,
    /// <summary>The controller holds no such request any more (it lapsed before this message came).</summary>
    Unknown,
    /// <summary>Received and accepted by the centre's rules; the plan serves it or the controller acts when needed.</summary>
    Requested,
    /// <summary>Held back for now (another request is served, a plan change is under way); the reason says which.</summary>
    Processing,
    /// <summary>The controller acts for it: green extension, early green, phase insertion or tram preemption.</summary>
    Granted,
    /// <summary>The controller does not act (or no longer): the reason says why.</summary>
    Rejected,
}

/// <param name="Ticks">When the message was sent (a status: when the controller replied).</param>
/// <param name="RequestId">Identifies the request of one vehicle at one intersection, from its first message to its cancellation.</param>
/// <param name="Sequence">Request messages: their number within the request, from 1; status: the number of the request message answered.</param>
/// <param name="Line">Line index of the vehicle, -1 if it belongs to none.</param>
/// <param name="Group">Global signal group of the vehicle's movement.</param>
/// <param name="ApproachLink">The inbound approach: the link whose stop line the vehicle will cross.</param>
/// <param name="EtaTicks">Request messages: estimated arrival at the stop line (simulation ticks); status: 0.</param>
/// <param name="DurationS">Request messages: the service time asked for, the time the vehicle needs to clear the line at its free speed; status: 0.</param>
/// <param name="LatenessS">Schedule adherence: seconds behind schedule when sent (negative: early).</param>
/// <param name="OverLink">Relayed by the previous centre over the link between the centres (else the vehicle's own short-range message).</param>
/// <param name="Lost">Lost on the link: it never reached the controller.</param>
/// <param name="DeliveredTicks">When it reached the controller (or the vehicle, for a status); -1 when lost.</param>
/// <param name="Final">Status: the last of the request (it closed at the check-out or lapsed).</param>
public readonly record struct PriorityMessage(
    long Ticks,
    PriorityMessageType Type,
    int RequestId,
    int Sequence,
    int VehicleId,
    int Line,
    TravelMode Mode,
    int Intersection,
    int Group,
    int ApproachLink,
    long EtaTicks,
    double DurationS,
    double LatenessS,
    bool OverLink,
    bool Lost,
    long DeliveredTicks,
    PriorityRequestStatus Status,
    PriorityReason Reason,
    bool Final);
