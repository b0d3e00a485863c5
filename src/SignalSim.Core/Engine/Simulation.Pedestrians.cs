// Pedestrians at signalised crossings: Poisson arrivals per crossing and direction, each from its
// own stream; they wait while the walk signal is not green and start across as soon as it is.
// They interact with vehicles only through the signals (conflicting groups are never green together).
using SignalSim.Core.Metrics;
using SignalSim.Core.Random;
using SignalSim.Core.Signals;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    private struct PedestrianStream
    {
        public Xoshiro256 Random;
        public int Crossing;
        public bool Backward;
        public double MeanHeadwayS;
        public long NextTicks;
        public long[] Waiting;      // arrival times, oldest first (ring buffer)
        public int WaitingHead;
        public int WaitingCount;
    }

    private PedestrianStream[] _pedestrians = [];

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
