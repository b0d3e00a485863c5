// Priority as messages (SREM/SSEM-shaped, PriorityMessage). A bus or tram sends a request when
// it checks in, an update when its arrival estimate has moved by more than UpdateThresholdS
// since its last message, and a cancellation when it passes the stop line; its own messages go
// straight to the intersection's roadside unit. A centre that forwards relays the request of a
// vehicle leaving its intersection to the next intersection on the route when the other centre
// runs it: that message crosses the link between the centres, arriving after the link's latency
// or, with the link's loss probability, never (a lost request is never served; the vehicle's own
// request still reaches the controller when it checks in there). Every message is handed to the
// controller by Deliver, the only way requests, estimates from the vehicle and check-outs reach
// it; the controller's replies are recorded by PriorityReplies.
//
// One request (one request id) covers one vehicle at one intersection: the relayed request and
// the vehicle's own messages there share it, numbered in sequence. Between the vehicle's
// messages the controller follows the vehicle's position every step (the estimate refresh of
// Simulation.ArrivalEstimates.cs, as roadside units track equipped vehicles), so the updates
// record what the vehicle would transmit without changing what the controller knows.
using SignalSim.Core.Metrics;
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    /// <summary>Change of the arrival estimate, since the vehicle's last message, that makes it send an update.</summary>
    public const double UpdateThresholdS = 3;

    private static readonly long UpdateThresholdTicks = SimTime.FromSeconds(UpdateThresholdS);

    // The request of each vehicle: at which intersection (-1: none), its id, the last sequence
    // number sent, whether the vehicle sent its own request there, the estimate in its last
    // message, and whether the controller holds the request (so that updates and the
    // cancellation have something to update or cancel).
    private int[] _requestIntersection = [];
    private int[] _requestId = [];
    private int[] _requestSequence = [];
    private bool[] _requestOwnSent = [];
    private long[] _requestEtaSentTicks = [];
    private bool[] _requestHeld = [];
    private int _nextRequestId = 1;

    private struct InFlight
    {
        public int Slot;
        public PriorityMessage Message;
    }

    // Messages on the link between the centres, in the order sent.
    private InFlight[] _inFlight = new InFlight[64];
    private int _inFlightCount;

    private void InitialiseMessages()
    {
        var slots = _posM.Length;
        _requestIntersection = Rent<int>(slots);
        Array.Fill(_requestIntersection, -1);
        _requestId = Rent<int>(slots);
        _requestSequence = Rent<int>(slots);
        _requestOwnSent = Rent<bool>(slots);
        _requestEtaSentTicks = Rent<long>(slots);
        _requestHeld = Rent<bool>(slots);
    }

    /// <summary>The request for the vehicle at this intersection: a new id unless it has one there already (relayed earlier).</summary>
    private void OpenRequest(int slot, int intersection)
    {
        if (_requestIntersection[slot] == intersection) return;
        _requestIntersection[slot] = intersection;
        _requestId[slot] = _nextRequestId++;
        _requestSequence[slot] = 0;
        _requestOwnSent[slot] = false;
        _requestHeld[slot] = false;
    }

    private PriorityMessage RequestMessage(int slot, PriorityMessageType type, int intersection, int group, int approachLink, long etaTicks, double latenessS,
        bool overLink, bool lost, long deliveredTicks)
    {
        // The service asked for: the time the vehicle needs to clear the line at its free speed.
        var durationS = _lengthM[slot] / FreeSpeedMps(slot, approachLink);
        return new PriorityMessage(NowTicks, type, _requestId[slot], ++_requestSequence[slot], _vehicleId[slot], _m.RouteLine[_route[slot]],
            _m.Classes[_class[slot]].Mode, intersection, group, approachLink, etaTicks, durationS, latenessS, overLink, lost, deliveredTicks,
            PriorityRequestStatus.None, PriorityReason.None, false);
    }

    /// <summary>Hands a request message to its controller; returns whether the controller holds the request afterwards.</summary>
    private bool Deliver(in PriorityMessage m)
    {
        var replies = Recorder.Replies;
        replies.BeginDelivery(m);
        var controller = _controllers[m.Intersection];
        switch (m.Type)
        {
            case PriorityMessageType.Request:
                controller.Request(NowTicks, m.VehicleId, m.Line, m.Group, m.Mode, m.EtaTicks, m.LatenessS, m.OverLink, Recorder);
                break;
            case PriorityMessageType.Update:
                controller.UpdateEstimate(m.VehicleId, m.EtaTicks);
                break;
            case PriorityMessageType.Cancel:
                controller.CheckOut(NowTicks, m.VehicleId, Recorder);
                break;
        }
        return replies.EndDelivery(NowTicks, m);
    }

    private void Send(int slot, in PriorityMessage m)
    {
        if (_inFlightCount == _inFlight.Length) Array.Resize(ref _inFlight, _inFlight.Length * 2);
        _inFlight[_inFlightCount++] = new InFlight { Slot = slot, Message = m };
    }

    /// <summary>Hands over the messages that have crossed the link by now, in the order they were sent.</summary>
    private void DeliverMessages()
    {
        var kept = 0;
        for (var i = 0; i < _inFlightCount; i++)
        {
            ref var f = ref _inFlight[i];
            if (f.Message.DeliveredTicks > NowTicks)
            {
                _inFlight[kept++] = f;
                continue;
            }
            var held = Deliver(f.Message);
            // The vehicle hears the reply (the roadside unit broadcasts it) if it is still the same request.
            var slot = f.Slot;
            if (_vehicleId[slot] == f.Message.VehicleId && _requestIntersection[slot] == f.Message.Intersection && _requestId[slot] == f.Message.RequestId)
                _requestHeld[slot] = held;
        }
        _inFlightCount = kept;
    }

    /// <summary>After the estimate refresh of a vehicle that <see cref="SendsUpdates"/>: an update when the vehicle's estimate moved materially since its last message.</summary>
    private void SendUpdateIfMoved(int slot, int intersection, int link, long etaTicks)
    {
        var moved = etaTicks - _requestEtaSentTicks[slot];
        if (moved < UpdateThresholdTicks && -moved < UpdateThresholdTicks) return;
        var m = RequestMessage(slot, PriorityMessageType.Update, intersection, _m.StepGroup[_step[slot]], link, etaTicks, LatenessS(slot), overLink: false, lost: false, NowTicks);
        Recorder.RecordMessage(m);
        _requestEtaSentTicks[slot] = etaTicks;
        _requestHeld[slot] = Deliver(m);
    }

    /// <summary>Whether the vehicle has an open request at the intersection, whose estimate it then keeps up to date.</summary>
    private bool SendsUpdates(int slot, int intersection) =>
        _requestOwnSent[slot] && _requestHeld[slot] && _requestIntersection[slot] == intersection;

    /// <summary>At the stop line: the cancellation of the vehicle's request there, if the controller holds one.</summary>
    private void CancelRequest(int slot, int intersection, int link)
    {
        if (_requestIntersection[slot] != intersection || !_requestHeld[slot]) return;
        var m = RequestMessage(slot, PriorityMessageType.Cancel, intersection, _m.StepGroup[_step[slot]], link, NowTicks, LatenessS(slot), overLink: false, lost: false, NowTicks);
        Recorder.RecordMessage(m);
        _requestHeld[slot] = Deliver(m);
    }
}
