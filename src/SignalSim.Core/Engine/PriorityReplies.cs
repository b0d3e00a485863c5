// The controllers' side of the priority messages: for every request a controller has heard of,
// its request id, the sequence number of the last request message received and its current
// status, so that each reply (status message) names the request and the message it answers.
// A reply is sent for every request message that reaches a controller (its status after the
// controller has taken it), and whenever the status changes while the controller runs: granted
// when it extends a green, brings one forward, inserts a phase or preempts for a tram; processing
// while another request is served or a plan change is under way; rejected when a limit is
// reached or an extension is released; a final reply when the request closes (check-out) or
// lapses. The statuses follow from the priority events the controller records, so the controller
// itself knows nothing of messages. Tables are per intersection and grow only when more vehicles
// hold requests at one intersection than ever before, so the step loop does not allocate.
using SignalSim.Core.Metrics;
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Engine;

internal sealed class PriorityReplies
{
    private struct Open
    {
        public int VehicleId;
        public int RequestId;
        public int Sequence;
        public int Line;
        public TravelMode Mode;
        public int Group;
        public int ApproachLink;
        public bool OverLink;
        public PriorityRequestStatus Status;
        public PriorityReason Reason;
    }

    private readonly Open[][] _open;
    private readonly int[] _count;
    private readonly List<PriorityMessage> _messages;

    // While a request message is being handed to a controller: what its priority events said.
    private bool _delivering;
    private int _deliveringIntersection = -1;
    private int _deliveringVehicle = -1;
    private PriorityReason _refusedAtReceipt;
    private bool _grantedAtReceipt;
    private bool _closed;

    public PriorityReplies(int intersections, List<PriorityMessage> messages)
    {
        _open = new Open[intersections][];
        _count = new int[intersections];
        for (var i = 0; i < intersections; i++) _open[i] = new Open[8];
        _messages = messages;
    }

    /// <summary>A request message reaches its controller: opens the request there if it is new.</summary>
    public void BeginDelivery(in PriorityMessage m)
    {
        var i = Find(m.Intersection, m.VehicleId);
        if (i < 0 && m.Type == PriorityMessageType.Request)
        {
            ref var table = ref _open[m.Intersection];
            if (_count[m.Intersection] == table.Length) Array.Resize(ref table, table.Length * 2);
            i = _count[m.Intersection]++;
            table[i] = new Open
            {
                VehicleId = m.VehicleId, RequestId = m.RequestId, Line = m.Line, Mode = m.Mode, Group = m.Group,
                ApproachLink = m.ApproachLink, Status = PriorityRequestStatus.Requested,
            };
        }
        if (i >= 0)
        {
            ref var o = ref _open[m.Intersection][i];
            o.Sequence = m.Sequence;
            o.OverLink = m.OverLink;
        }
        _delivering = true;
        _deliveringIntersection = m.Intersection;
        _deliveringVehicle = m.VehicleId;
        _refusedAtReceipt = PriorityReason.None;
        _grantedAtReceipt = false;
        _closed = false;
    }

    /// <summary>
    /// The controller has taken the message: records its reply and returns whether the controller
    /// still holds the request (false once it is rejected at receipt, closed or unknown there).
    /// </summary>
    public bool EndDelivery(long simTicks, in PriorityMessage m)
    {
        _delivering = false;
        var x = m.Intersection;
        var i = Find(x, m.VehicleId);
        if (i < 0)
        {
            // An update or a cancellation for a request that lapsed before it came.
            Reply(simTicks, m.RequestId, m.Sequence, m.VehicleId, m.Line, m.Mode, x, m.Group, m.ApproachLink, m.OverLink, PriorityRequestStatus.Unknown, PriorityReason.None, final: true);
            return false;
        }
        ref var o = ref _open[x][i];
        if (m.Type == PriorityMessageType.Request && _refusedAtReceipt != PriorityReason.None)
        {
            // The centre's rules turn it down: the controller keeps nothing of it.
            o.Status = PriorityRequestStatus.Rejected;
            o.Reason = _refusedAtReceipt;
            Reply(simTicks, ref o, x, final: false);
            RemoveAt(x, i);
            return false;
        }
        if (_grantedAtReceipt)
        {
            o.Status = PriorityRequestStatus.Granted;
            o.Reason = PriorityReason.None;
        }
        var final = m.Type == PriorityMessageType.Cancel || _closed;
        Reply(simTicks, ref o, x, final);
        if (final) RemoveAt(x, i);
        return !final;
    }

    /// <summary>A priority event from a controller: the request's status may change, and a reply tells it.</summary>
    public void OnEvent(in PriorityEvent e)
    {
        if (_delivering && e.Intersection == _deliveringIntersection && e.VehicleId == _deliveringVehicle)
        {
            switch (e.Action)
            {
                case PriorityAction.Refused: _refusedAtReceipt = e.Reason; break;
                case PriorityAction.Preempted: _grantedAtReceipt = true; break;
                case PriorityAction.CheckedOut: _closed = true; break;
            }
            return;
        }
        var i = Find(e.Intersection, e.VehicleId);
        if (i < 0) return;
        ref var o = ref _open[e.Intersection][i];
        switch (e.Action)
        {
            case PriorityAction.Extension or PriorityAction.EarlyGreen or PriorityAction.PhaseInsertion or PriorityAction.Preempted:
                Change(e.Ticks, ref o, e.Intersection, PriorityRequestStatus.Granted, PriorityReason.None);
                break;
            case PriorityAction.Refused:
                Change(e.Ticks, ref o, e.Intersection, e.Reason is PriorityReason.AnotherRequestServed or PriorityReason.PlanChangeInProgress
                    ? PriorityRequestStatus.Processing : PriorityRequestStatus.Rejected, e.Reason);
                break;
            case PriorityAction.Cancelled:
                Change(e.Ticks, ref o, e.Intersection, PriorityRequestStatus.Rejected, e.Reason);
                break;
            case PriorityAction.Expired:
                Reply(e.Ticks, ref o, e.Intersection, final: true);
                RemoveAt(e.Intersection, i);
                break;
        }
    }

    private void Change(long simTicks, ref Open o, int intersection, PriorityRequestStatus status, PriorityReason reason)
    {
        o.Status = status;
        o.Reason = reason;
        Reply(simTicks, ref o, intersection, final: false);
    }

    private void Reply(long simTicks, ref Open o, int intersection, bool final) =>
        Reply(simTicks, o.RequestId, o.Sequence, o.VehicleId, o.Line, o.Mode, intersection, o.Group, o.ApproachLink, o.OverLink, o.Status,
            o.Status is PriorityRequestStatus.Rejected or PriorityRequestStatus.Processing ? o.Reason : PriorityReason.None, final);

    // Replies reach the vehicle at once: the controller's roadside unit broadcasts them.
    private void Reply(long simTicks, int requestId, int sequence, int vehicleId, int line, TravelMode mode, int intersection, int group, int approach,
        bool overLink, PriorityRequestStatus status, PriorityReason reason, bool final) =>
        _messages.Add(new PriorityMessage(simTicks, PriorityMessageType.Status, requestId, sequence, vehicleId, line, mode, intersection, group, approach,
            0, 0, 0, overLink, false, simTicks, status, reason, final));

    private int Find(int intersection, int vehicleId)
    {
        var table = _open[intersection];
        for (var i = 0; i < _count[intersection]; i++)
        {
            if (table[i].VehicleId == vehicleId) return i;
        }
        return -1;
    }

    private void RemoveAt(int intersection, int i) => _open[intersection][i] = _open[intersection][--_count[intersection]];
}
