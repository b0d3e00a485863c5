// Arrivals: each demand draws its arrival times and routes from its own random stream, which
// depends only on the run seed and the demand id, so strategies see the same arrivals (common
// random numbers). Vehicles wait in a queue outside the network until the first link has room.
using SignalSim.Core.Random;
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    private struct ArrivalStream
    {
        public Xoshiro256 Random;
        public long NextTicks;      // long.MaxValue when no more arrivals
        public int NextRoute;
        public int Generated;

        // Vehicles that arrived but could not enter yet, oldest first (ring buffer).
        public long[] WaitingTicks;
        public int[] WaitingRoute;
        public int WaitingHead;
        public int WaitingCount;
    }

    private readonly ArrivalStream[] _arrivals;

    private void InitialiseArrivals()
    {
        for (var d = 0; d < _m.Demands.Length; d++)
        {
            var demand = _m.Demands[d];
            // Room for the expected arrivals of the busiest hour, so the queue rarely grows.
            var capacity = 64 + (int)Math.Min(1_000_000, demand.PeriodFlowVehPerHour.Max());
            ref var a = ref _arrivals[d];
            a.Random = new Xoshiro256(demand.StreamSeed(_m.Seed));
            a.WaitingTicks = new long[capacity];
            a.WaitingRoute = new int[capacity];
            a.NextTicks = DrawNextArrival(ref a, d, 0, first: true);
        }
    }

    /// <summary>Arrival time after <paramref name="afterTicks"/>, with the flow of the period it falls in.</summary>
    private long DrawNextArrival(ref ArrivalStream a, int demandIndex, long afterTicks, bool first)
    {
        var demand = _m.Demands[demandIndex];
        var starts = demand.PeriodStartTicks;
        var t = afterTicks;
        while (true)
        {
            var p = starts.Length - 1;
            while (p > 0 && starts[p] > t) p--;
            if (starts[p] > t) { t = starts[p]; continue; } // before the first period starts
            var periodEnd = p + 1 < starts.Length ? starts[p + 1] : long.MaxValue;
            var flow = demand.PeriodFlowVehPerHour[p];
            if (flow <= 0)
            {
                if (periodEnd == long.MaxValue) return long.MaxValue;
                t = periodEnd;
                first = true;
                continue;
            }
            var meanHeadwayS = 3600.0 / flow;
            double headwayS;
            if (demand.Process == ArrivalProcess.Poisson) headwayS = a.Random.NextExponential(meanHeadwayS);
            else headwayS = first ? a.Random.NextDouble() * meanHeadwayS : meanHeadwayS; // random phase, then even spacing
            var candidate = t + Math.Max(1, SimTime.FromSeconds(headwayS));
            if (candidate < periodEnd)
            {
                a.NextRoute = demand.RouteFor(a.Random.NextDouble());
                return candidate;
            }
            t = periodEnd; // the flow changes: draw again from the boundary (memoryless for Poisson)
            first = true;
        }
    }

    private void GenerateArrivals()
    {
        for (var d = 0; d < _arrivals.Length; d++)
        {
            ref var a = ref _arrivals[d];
            while (a.NextTicks <= NowTicks)
            {
                EnqueueWaiting(ref a, a.NextTicks, a.NextRoute);
                a.Generated++;
                a.NextTicks = DrawNextArrival(ref a, d, a.NextTicks, first: false);
            }
        }
    }

    private static void EnqueueWaiting(ref ArrivalStream a, long ticks, int route)
    {
        if (a.WaitingCount == a.WaitingTicks.Length)
        {
            // Oversaturated entry: grow (rare; allocates once per doubling).
            var ticksCopy = new long[a.WaitingTicks.Length * 2];
            var routeCopy = new int[ticksCopy.Length];
            for (var i = 0; i < a.WaitingCount; i++)
            {
                var j = (a.WaitingHead + i) % a.WaitingTicks.Length;
                ticksCopy[i] = a.WaitingTicks[j];
                routeCopy[i] = a.WaitingRoute[j];
            }
            a.WaitingTicks = ticksCopy;
            a.WaitingRoute = routeCopy;
            a.WaitingHead = 0;
        }
        var tail = a.WaitingHead + a.WaitingCount;
        if (tail >= a.WaitingTicks.Length) tail -= a.WaitingTicks.Length;
        a.WaitingTicks[tail] = ticks;
        a.WaitingRoute[tail] = route;
        a.WaitingCount++;
    }

    private void InsertWaitingVehicles()
    {
        for (var d = 0; d < _arrivals.Length; d++)
        {
            ref var a = ref _arrivals[d];
            var classIndex = _m.Demands[d].ClassIndex;
            while (a.WaitingCount > 0 && TryInsert(classIndex, a.WaitingRoute[a.WaitingHead], a.WaitingTicks[a.WaitingHead]))
            {
                a.WaitingHead = a.WaitingHead + 1 == a.WaitingTicks.Length ? 0 : a.WaitingHead + 1;
                a.WaitingCount--;
            }
        }
    }

    /// <summary>Places a vehicle with its rear on the entry line if the first link has room.</summary>
    private bool TryInsert(int classIndex, int route, long departTicks)
    {
        ref readonly var p = ref _m.Classes[classIndex];
        var step = _m.RouteFirstStep[route];
        var link = _m.StepLink[step];
        var lane = ChooseLane(link, _m.StepLaneMask[step]);
        if (lane < 0 || _freeSlotCount == 0) return false;
        var desired = Math.Min(p.MaxSpeedMps, _m.LinkSpeedLimitMps[link]);
        var speed = desired;
        if (_laneCount[lane] > 0)
        {
            var leader = BackOf(lane);
            var gap = _posM[leader] - _lengthM[leader] - p.LengthM;
            if (gap < p.MinGapM) return false;
            // Enter no faster than a comfortable stop behind the leader allows.
            speed = Math.Min(desired, _speedMps[leader] + Math.Sqrt(2 * p.ComfortableDecelerationMps2 * (gap - p.MinGapM)));
        }
        // Arrivals fall between steps: place an unhindered vehicle where it would be had it entered
        // on time, so that step quantisation adds no delay.
        var lateS = SimTime.ToSeconds(NowTicks - departTicks);
        var advance = lateS > 0 && lateS <= _dtS ? speed * lateS : 0;
        if (_laneCount[lane] > 0)
        {
            var leader = BackOf(lane);
            advance = Math.Min(advance, Math.Max(0, _posM[leader] - _lengthM[leader] - p.LengthM - p.MinGapM));
        }
        var slot = _freeSlots[--_freeSlotCount];
        _posM[slot] = p.LengthM + advance;
        _speedMps[slot] = speed;
        _accMps2[slot] = 0;
        _lengthM[slot] = p.LengthM;
        _class[slot] = classIndex;
        _route[slot] = route;
        _step[slot] = step;
        _nextLane[slot] = -1;
        _departTicks[slot] = departTicks;
        _stopLineDueS[slot] = SimTime.ToSeconds(departTicks) + (_m.LinkLengthM[link] - p.LengthM) / desired;
        _stops[slot] = 0;
        _vehicleId[slot] = _nextVehicleId++;
        _moving[slot] = true;
        _committed[slot] = false;
        PushBack(lane, slot);
        return true;
    }

    private int WaitingAtEntries()
    {
        var n = 0;
        foreach (var a in _arrivals) n += a.WaitingCount;
        return n;
    }

    /// <summary>Arrival times generated so far by each demand (for common-random-number checks).</summary>
    public int GeneratedBy(int demandIndex) => _arrivals[demandIndex].Generated;
}
