// Pedestrians at signalised crossings: Poisson arrivals per crossing and direction, each from its
// own stream; they wait while the walk signal is not green and start across as soon as it is,
// each at their own walking speed (uniform between 0.8 and 1.2 times the crossing's mean, from a
// stream of its own so that arrivals do not depend on it). While they cross they occupy the
// crossing: turning drivers that give way to the crossing wait for its conflict zone to clear.
using SignalSim.Core.Metrics;
using SignalSim.Core.Random;
using SignalSim.Core.Signals;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    private struct PedestrianStream
    {
        public Xoshiro256 Random;
        public Xoshiro256 Speeds;
        public int Crossing;
        public bool Backward;
        public double MeanHeadwayS;
        public long NextTicks;
        public long[] Waiting;      // arrival times, oldest first (ring buffer)
        public int WaitingHead;
        public int WaitingCount;
    }

    private PedestrianStream[] _pedestrians = [];

    /// <summary>Pedestrians on each crossing, oldest first (ring buffers): start of crossing, speed, direction.</summary>
    private struct CrossingOccupancy
    {
        public long[] StartTicks;
        public double[] SpeedMps;
        public bool[] Backward;
        public int Head;
        public int Count;
    }

    private CrossingOccupancy[] _onCrossing = [];

    private void InitialisePedestrians()
    {
        var streams = new List<PedestrianStream>();
        for (var c = 0; c < _m.Crossings.Length; c++)
        {
            var crossing = _m.Crossings[c];
            foreach (var (flow, backward) in new[] { (crossing.FlowForwardPedPerHour, false), (crossing.FlowBackwardPedPerHour, true) })
            {
                if (flow <= 0) continue;
                var id = $"pedestrians/{_m.IntersectionIds[crossing.Intersection]}/{crossing.Id}/{(backward ? "backward" : "forward")}";
                var stream = new PedestrianStream
                {
                    Random = new Xoshiro256(Xoshiro256.DeriveSeed(_m.Seed, id)),
                    Speeds = new Xoshiro256(Xoshiro256.DeriveSeed(_m.Seed, id + "/speeds")),
                    Crossing = c,
                    Backward = backward,
                    MeanHeadwayS = 3600 / flow,
                    // Pedestrians arriving within one cycle fit; a longer red grows the buffer once.
                    Waiting = new long[64 + (int)(flow / 10)],
                };
                stream.NextTicks = SimTime.FromSeconds(stream.Random.NextExponential(stream.MeanHeadwayS));
                streams.Add(stream);
            }
        }
        _pedestrians = streams.ToArray();
        _onCrossing = new CrossingOccupancy[_m.Crossings.Length];
        for (var c = 0; c < _onCrossing.Length; c++)
        {
            _onCrossing[c] = new CrossingOccupancy { StartTicks = new long[32], SpeedMps = new double[32], Backward = new bool[32] };
        }
    }

    private void ServePedestrians()
    {
        for (var i = 0; i < _pedestrians.Length; i++)
        {
            ref var p = ref _pedestrians[i];
            var green = _groupState[_m.Crossings[p.Crossing].Group] == SignalState.Green;
            while (p.NextTicks <= NowTicks)
            {
                if (green) Record(ref p, p.NextTicks, p.NextTicks);
                else Wait(ref p, p.NextTicks);
                p.NextTicks += Math.Max(1, SimTime.FromSeconds(p.Random.NextExponential(p.MeanHeadwayS)));
            }
            if (!green) continue;
            while (p.WaitingCount > 0)
            {
                Record(ref p, p.Waiting[p.WaitingHead], NowTicks);
                p.WaitingHead = p.WaitingHead + 1 == p.Waiting.Length ? 0 : p.WaitingHead + 1;
                p.WaitingCount--;
            }
        }
    }

    private void Record(ref PedestrianStream p, long arrival, long start)
    {
        if (IsMeasured(arrival)) Recorder.RecordPedestrian(new PedestrianRecord(p.Crossing, p.Backward, arrival, start));
        var crossing = _m.Crossings[p.Crossing];
        StartCrossing(p.Crossing, start, crossing.WalkingSpeedMps * (0.8 + 0.4 * p.Speeds.NextDouble()), p.Backward);
    }

    private void StartCrossing(int crossing, long startTicks, double speedMps, bool backward)
    {
        ref var o = ref _onCrossing[crossing];
        var length = _m.Crossings[crossing].LengthM;
        // Those who have reached the far kerb leave (from the oldest; a faster one behind a slower
        // one stays listed a little longer, harmlessly: its zone times are over).
        while (o.Count > 0 && o.StartTicks[o.Head] + SimTime.FromSeconds(length / o.SpeedMps[o.Head]) <= startTicks)
        {
            o.Head = o.Head + 1 == o.StartTicks.Length ? 0 : o.Head + 1;
            o.Count--;
        }
        if (o.Count == o.StartTicks.Length)
        {
            var n = o.Count;
            var start = new long[n * 2];
            var speed = new double[n * 2];
            var back = new bool[n * 2];
            for (var k = 0; k < n; k++)
            {
                var j = (o.Head + k) % n;
                start[k] = o.StartTicks[j];
                speed[k] = o.SpeedMps[j];
                back[k] = o.Backward[j];
            }
            o.StartTicks = start;
            o.SpeedMps = speed;
            o.Backward = back;
            o.Head = 0;
        }
        var tail = o.Head + o.Count;
        if (tail >= o.StartTicks.Length) tail -= o.StartTicks.Length;
        o.StartTicks[tail] = startTicks;
        o.SpeedMps[tail] = speedMps;
        o.Backward[tail] = backward;
        o.Count++;
    }

    /// <summary>Whether any pedestrian is inside [zoneStartM, zoneEndM] of the crossing at some time in [fromTicks, toTicks].</summary>
    private bool PedestrianInZone(int crossing, double zoneStartM, double zoneEndM, long fromTicks, long toTicks)
    {
        ref var o = ref _onCrossing[crossing];
        var length = _m.Crossings[crossing].LengthM;
        for (var k = 0; k < o.Count; k++)
        {
            var i = o.Head + k;
            if (i >= o.StartTicks.Length) i -= o.StartTicks.Length;
            var v = o.SpeedMps[i];
            // Distance walked from their kerb when entering and leaving the zone.
            var enterM = o.Backward[i] ? length - zoneEndM : zoneStartM;
            var leaveM = o.Backward[i] ? length - zoneStartM : zoneEndM;
            var enter = o.StartTicks[i] + SimTime.FromSeconds(enterM / v);
            var leave = o.StartTicks[i] + SimTime.FromSeconds(leaveM / v);
            if (enter <= toTicks && leave >= fromTicks) return true;
        }
        return false;
    }

    private static void Wait(ref PedestrianStream p, long arrival)
    {
        if (p.WaitingCount == p.Waiting.Length)
        {
            var bigger = new long[p.Waiting.Length * 2];
            for (var k = 0; k < p.WaitingCount; k++) bigger[k] = p.Waiting[(p.WaitingHead + k) % p.Waiting.Length];
            p.Waiting = bigger;
            p.WaitingHead = 0;
        }
        var tail = p.WaitingHead + p.WaitingCount;
        if (tail >= p.Waiting.Length) tail -= p.Waiting.Length;
        p.Waiting[tail] = arrival;
        p.WaitingCount++;
    }
}
