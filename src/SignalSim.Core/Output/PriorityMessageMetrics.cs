// What became of the priority requests of a run, per centre and per line and centre, as a pure
// function of the priority messages and the signal changes (summary.json's "priority_messages").
// A request is one request id: one vehicle at one intersection.
//   requests        — request ids of measured vehicles (the centre's relayed request or the vehicle's own);
//   relayed         — request messages the previous centre relayed over the link;
//   lost_on_link    — those the link lost (they never reached the controller);
//   granted         — requests the controller acted for (a granted status);
//   served_in_time  — granted requests whose vehicle passed the stop line within the green it was
//                     granted: the green showing at the last grant or, when the group was red then,
//                     the next green, up to the red that follows it (the amber counts);
//   wasted          — granted requests whose vehicle did not use that green: it passed in a later
//                     green, or the request lapsed (a cancellation that never came), or the
//                     controller released the extension and the vehicle missed the green;
//   open_at_end     — granted requests still open when the run ended (neither served nor wasted);
//   rejected        — requests never granted that got a rejected status.
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Signals;

namespace SignalSim.Core.Output;

/// <summary>Counts of one centre, or of one line at one centre (Line null for the centre's total).</summary>
public sealed record PriorityMessageCounts(string Centre, string? Line, int Requests, int Relayed, int LostOnLink, int Granted, int ServedInTime, int Wasted,
    int OpenAtEnd, int Rejected)
{
    public static PriorityMessageCounts Empty(string centre, string? line) => new(centre, line, 0, 0, 0, 0, 0, 0, 0, 0);

    public PriorityMessageCounts Plus(PriorityMessageCounts o) => this with
    {
        Requests = Requests + o.Requests, Relayed = Relayed + o.Relayed, LostOnLink = LostOnLink + o.LostOnLink, Granted = Granted + o.Granted,
        ServedInTime = ServedInTime + o.ServedInTime, Wasted = Wasted + o.Wasted, OpenAtEnd = OpenAtEnd + o.OpenAtEnd, Rejected = Rejected + o.Rejected,
    };
}

/// <summary>Per centre (every centre of the scenario, in order, zeros included) and per line and centre (those with requests).</summary>
public sealed record PriorityMessageSummary(IReadOnlyList<PriorityMessageCounts> Centres, IReadOnlyList<PriorityMessageCounts> Lines);

public static class PriorityMessageMetrics
{
    private sealed class RequestFate
    {
        public int Intersection;
        public int Line;
        public int Group;
        public bool Requested;
        public int Relayed;
        public int Lost;
        public long LastGrantTicks = -1;
        public bool Rejected;
        public long CheckOutTicks = -1;
        public bool Closed;
    }

    public static PriorityMessageSummary Build(SimulationResult result)
    {
        var m = result.Model;
        var fates = new Dictionary<int, RequestFate>();
        var order = new List<int>();
        foreach (var msg in MeasuredRecords.PriorityMessages(result))
        {
            if (!fates.TryGetValue(msg.RequestId, out var f))
            {
                f = new RequestFate { Intersection = msg.Intersection, Line = msg.Line, Group = msg.Group };
                fates[msg.RequestId] = f;
                order.Add(msg.RequestId);
            }
            switch (msg.Type)
            {
                case PriorityMessageType.Request:
                    f.Requested = true;
                    if (msg.OverLink) f.Relayed++;
                    if (msg.Lost) f.Lost++;
                    break;
                case PriorityMessageType.Cancel:
                    f.CheckOutTicks = msg.Ticks;
                    break;
                case PriorityMessageType.Status:
                    if (msg.Status == PriorityRequestStatus.Granted && !msg.Final) f.LastGrantTicks = msg.Ticks;
                    if (msg.Status == PriorityRequestStatus.Rejected) f.Rejected = true;
                    if (msg.Final) f.Closed = true;
                    break;
            }
        }

        var greens = new GreenIntervals(result);
        var centres = new PriorityMessageCounts[m.Centres.Length];
        for (var c = 0; c < centres.Length; c++) centres[c] = PriorityMessageCounts.Empty(m.Centres[c].Id, null);
        var lines = new Dictionary<(int Centre, int Line), PriorityMessageCounts>();
        foreach (var id in order)
        {
            var f = fates[id];
            if (!f.Requested) continue;
            var centre = m.IntersectionCentre[f.Intersection];
            var granted = f.LastGrantTicks >= 0;
            var served = granted && f.CheckOutTicks >= 0 && greens.Within(f.Group, f.LastGrantTicks, f.CheckOutTicks);
            var open = granted && !served && !f.Closed;
            var one = new PriorityMessageCounts(m.Centres[centre].Id, null, 1, f.Relayed, f.Lost, granted ? 1 : 0, served ? 1 : 0,
                granted && !served && !open ? 1 : 0, open ? 1 : 0, !granted && f.Rejected ? 1 : 0);
            centres[centre] = centres[centre].Plus(one);
            var key = (centre, f.Line);
            lines[key] = (lines.TryGetValue(key, out var sum) ? sum : PriorityMessageCounts.Empty(m.Centres[centre].Id, ModelNames.Line(m, f.Line))).Plus(one);
        }
        var byLine = lines.OrderBy(p => p.Key.Line).ThenBy(p => p.Key.Centre).Select(p => p.Value).ToList();
        return new PriorityMessageSummary(centres, byLine);
    }

    /// <summary>Each group's signal changes, to find the green a grant concerns.</summary>
    private sealed class GreenIntervals
    {
        private readonly List<SignalChange>[] _changes;
        private readonly IReadOnlyList<SignalState> _initial;

        public GreenIntervals(SimulationResult result)
        {
            _initial = result.Records.InitialSignals;
            _changes = new List<SignalChange>[_initial.Count];
            for (var g = 0; g < _changes.Length; g++) _changes[g] = [];
            foreach (var c in result.Records.SignalChanges) _changes[c.Group].Add(c);
        }

        /// <summary>
        /// Whether a crossing at <paramref name="crossTicks"/> falls in the green granted at
        /// <paramref name="grantTicks"/>: the green shown then (the controller set the state of that
        /// instant in the same update), or else the next one, up to the red after it.
        /// </summary>
        public bool Within(int group, long grantTicks, long crossTicks)
        {
            var changes = _changes[group];
            // The state at the grant: the last change at or before it.
            var state = _initial[group];
            var k = 0;
            var greenStart = long.MinValue;
            while (k < changes.Count && changes[k].Ticks <= grantTicks)
            {
                if (changes[k].State == SignalState.Green && state != SignalState.Green) greenStart = changes[k].Ticks;
                state = changes[k].State;
                k++;
            }
            if (state != SignalState.Green)
            {
                // Red or amber at the grant: the green granted is the next one.
                while (k < changes.Count && changes[k].State != SignalState.Green) k++;
                if (k == changes.Count) return false;
                greenStart = changes[k].Ticks;
                k++;
            }
            // Up to the red that ends it (vehicles may still cross on the amber before it).
            while (k < changes.Count && changes[k].State != SignalState.Red) k++;
            var redTicks = k < changes.Count ? changes[k].Ticks : long.MaxValue;
            return crossTicks >= greenStart && crossTicks <= redTicks;
        }
    }
}
