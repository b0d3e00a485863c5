// Arrivals: each demand draws its arrival times, routes and (for cycles) desired speeds from its
// own random stream, and each line draws its departure jitter from its own; the streams depend
// only on the run seed and the source's id, so strategies see the same arrivals (common random
// numbers). Vehicles wait in a queue outside the network until the first link has room.
using SignalSim.Core.Random;
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    /// <summary>A demand (index &lt; demand count) or a line (the rest) feeding an entry.</summary>
    private struct ArrivalStream
    {
        public Xoshiro256 Random;
        public Xoshiro256 Drivers;  // desired-speed factors, apart so that arrival times and routes do not depend on them
        public int ClassIndex;
        public int Line;            // -1 for a demand
        public long NextTicks;      // long.MaxValue when no more arrivals
        public long NextScheduled;  // timetable time of the next line departure
        public int NextRoute;
        public double NextSpeedMps;
        public double NextSpeedFactor;
        public int Generated;

        // Vehicles that arrived but could not enter yet, oldest first (ring buffer).
        public long[] WaitingTicks;
        public long[] WaitingScheduled;
        public int[] WaitingRoute;
        public double[] WaitingSpeed;
        public double[] WaitingFactor;
        public int WaitingHead;
        public int WaitingCount;
    }

    private readonly ArrivalStream[] _arrivals;

    private void InitialiseArrivals()
    {
        var demandCount = _m.Demands.Length;
        for (var d = 0; d < _arrivals.Length; d++)
        {
            ref var a = ref _arrivals[d];
            var isLine = d >= demandCount;
            var line = isLine ? _m.Lines[d - demandCount] : null;
            // Room for the expected arrivals of the busiest hour, so the queue rarely grows.
            var capacity = 64 + (isLine ? line!.ScheduledDepartureTicks.Length : (int)Math.Min(1_000_000, _m.Demands[d].PeriodFlowVehPerHour.Max()));
            a.Random = new Xoshiro256(Xoshiro256.DeriveSeed(_m.Seed, isLine ? "line/" + line!.Id : _m.Demands[d].Id));
            a.Drivers = new Xoshiro256(Xoshiro256.DeriveSeed(_m.Seed, "drivers/" + (isLine ? "line/" + line!.Id : _m.Demands[d].Id)));
            a.ClassIndex = isLine ? line!.ClassIndex : _m.Demands[d].ClassIndex;
            a.Line = isLine ? d - demandCount : -1;
            a.WaitingTicks = new long[capacity];
            a.WaitingScheduled = new long[capacity];
            a.WaitingRoute = new int[capacity];
            a.WaitingSpeed = new double[capacity];
            a.WaitingFactor = new double[capacity];
            a.NextTicks = isLine ? DrawNextDeparture(ref a, 0) : DrawNextArrival(ref a, d, 0, first: true);
        }
    }

    /// <summary>The desired speed of a new vehicle of the class: drawn when the class gives a range.</summary>
    private double DrawDesiredSpeed(ref ArrivalStream a)
    {
        ref readonly var p = ref _m.Classes[a.ClassIndex];
        a.NextSpeedFactor = DrawSpeedFactor(ref a, in p);
        return p.MinSpeedMps < p.MaxSpeedMps ? p.MinSpeedMps + a.Random.NextDouble() * (p.MaxSpeedMps - p.MinSpeedMps) : p.MaxSpeedMps;
    }

    /// <summary>Drivers differ: a normal factor of mean 1 on every speed limit, clipped to ±2 standard deviations.</summary>
    private static double DrawSpeedFactor(ref ArrivalStream a, in Model.VehicleClassParameters p)
    {
        if (p.SpeedFactorSd <= 0) return 1;
        var z = a.Drivers.NextStandardNormal();
        if (z > 2) z = 2;
        else if (z < -2) z = -2;
        return 1 + z * p.SpeedFactorSd;
    }

    /// <summary>Line departures: the timetable (or headway) times, each shifted by its own jitter.</summary>
    private long DrawNextDeparture(ref ArrivalStream a, long notBeforeTicks)
    {
        var line = _m.Lines[a.Line];
        if (a.Generated >= line.ScheduledDepartureTicks.Length) return long.MaxValue;
        var scheduled = line.ScheduledDepartureTicks[a.Generated];
        var jitter = line.DepartureJitterTicks > 0 ? (long)Math.Round((a.Random.NextDouble() * 2 - 1) * line.DepartureJitterTicks) : 0;
        a.NextScheduled = scheduled;
        a.NextRoute = line.Route;
        a.NextSpeedMps = DrawDesiredSpeed(ref a);
        return Math.Max(notBeforeTicks, Math.Max(0, scheduled + jitter));
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
                a.NextSpeedMps = DrawDesiredSpeed(ref a);
                a.NextScheduled = candidate;
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
                EnqueueWaiting(ref a);
                a.Generated++;
                CountArrival(a.NextTicks, a.ClassIndex);
                a.NextTicks = a.Line >= 0 ? DrawNextDeparture(ref a, a.NextTicks) : DrawNextArrival(ref a, d, a.NextTicks, first: false);
            }
        }
    }

    private static void EnqueueWaiting(ref ArrivalStream a)
    {
        if (a.WaitingCount == a.WaitingTicks.Length) Grow(ref a);
        var tail = a.WaitingHead + a.WaitingCount;
        if (tail >= a.WaitingTicks.Length) tail -= a.WaitingTicks.Length;
        a.WaitingTicks[tail] = a.NextTicks;
        a.WaitingScheduled[tail] = a.NextScheduled;
        a.WaitingRoute[tail] = a.NextRoute;
        a.WaitingSpeed[tail] = a.NextSpeedMps;
        a.WaitingFactor[tail] = a.NextSpeedFactor;
        a.WaitingCount++;
    }

    /// <summary>Oversaturated entry: double the waiting queue (rare; allocates once per doubling).</summary>
    private static void Grow(ref ArrivalStream a)
    {
        var n = a.WaitingTicks.Length;
        var ticks = new long[n * 2];
        var scheduled = new long[n * 2];
        var route = new int[n * 2];
        var speed = new double[n * 2];
        var factor = new double[n * 2];
        for (var i = 0; i < a.WaitingCount; i++)
        {
            var j = (a.WaitingHead + i) % n;
            ticks[i] = a.WaitingTicks[j];
            scheduled[i] = a.WaitingScheduled[j];
            route[i] = a.WaitingRoute[j];
            speed[i] = a.WaitingSpeed[j];
            factor[i] = a.WaitingFactor[j];
        }
        a.WaitingTicks = ticks;
        a.WaitingScheduled = scheduled;
        a.WaitingRoute = route;
        a.WaitingSpeed = speed;
        a.WaitingFactor = factor;
        a.WaitingHead = 0;
    }

    private void InsertWaitingVehicles()
    {
        for (var d = 0; d < _arrivals.Length; d++)
        {
            ref var a = ref _arrivals[d];
            while (a.WaitingCount > 0)
            {
                var h = a.WaitingHead;
                if (!TryInsert(a.ClassIndex, a.WaitingRoute[h], a.WaitingTicks[h], a.WaitingScheduled[h], a.WaitingSpeed[h], a.WaitingFactor[h])) break;
                a.WaitingHead = h + 1 == a.WaitingTicks.Length ? 0 : h + 1;
                a.WaitingCount--;
            }
        }
    }

    /// <summary>Places a vehicle with its rear on the entry line if the first link has room.</summary>
    private bool TryInsert(int classIndex, int route, long departTicks, long scheduledTicks, double desiredSpeedMps, double speedFactor)
    {
        ref readonly var p = ref _m.Classes[classIndex];
        var step = _m.RouteFirstStep[route];
        var link = _m.StepLink[step];
        var lane = ChooseLane(link, _m.StepTargetMask[step]);
        if (lane < 0) lane = ChooseLane(link, _m.StepLaneMask[step]);
        if (lane < 0 || _freeSlotCount == 0) return false;
        var desired = Math.Min(desiredSpeedMps, _m.LinkSpeedLimitMps[link] * speedFactor);
        var speed = desired;
        if (_laneCount[lane] > 0)
        {
            var leader = BackOf(lane);
            var gap = _posM[leader] - _lengthM[leader] - p.LengthM;
            if (gap < p.MinGapM) return false;
            // Enter no faster than the IDM's desired gap allows, s0 + vT + v(v − v_l)/(2√(ab)) ≤ gap,
            // so that the first step asks for no hard braking (the larger root of the quadratic).
            var half = 1 / p.TwoSqrtAb;
            var linear = p.TimeHeadwayS - _speedMps[leader] * half;
            var root = (-linear + Math.Sqrt(linear * linear + 4 * half * (gap - p.MinGapM))) / (2 * half);
            speed = Math.Max(0, Math.Min(desired, root));
        }
        // Arrivals fall between steps: place an unhindered vehicle where it would be had it entered
        // on time, so that step quantisation adds no delay.
        var lateS = SimTime.ToSeconds(NowTicks - departTicks);
        // (Behind a leader the speed was set for the gap at the entry line, so it starts there.)
        var advance = lateS > 0 && lateS <= _dtS && _laneCount[lane] == 0 ? speed * lateS : 0;
        var slot = _freeSlots[--_freeSlotCount];
        _posM[slot] = p.LengthM + advance;
        _previousPosM[slot] = _posM[slot];
        _speedMps[slot] = speed;
        _accMps2[slot] = 0;
        _lengthM[slot] = p.LengthM;
        _class[slot] = classIndex;
        _route[slot] = route;
        _step[slot] = step;
        _departTicks[slot] = departTicks;
        _scheduledTicks[slot] = scheduledTicks;
        _desiredSpeedMps[slot] = desiredSpeedMps;
        _speedFactor[slot] = speedFactor;
        _yield[slot] = YieldDecision.Waiting;
        _inIntersection[slot] = false;
        _lastLaneChangeTicks[slot] = long.MinValue / 2;
        _freeFlowS[slot] = FreeFlowTimeS(route, desiredSpeedMps, speedFactor) - p.LengthM / desired;
        _stopLineDueS[slot] = SimTime.ToSeconds(departTicks) + (_m.LinkLengthM[link] - p.LengthM) / desired;
        _stops[slot] = 0;
        _vehicleId[slot] = _nextVehicleId++;
        AssignDecisionPhase(slot);
        _moving[slot] = true;
        _committed[slot] = false;
        StartTransitTrip(slot, route);
        EnterLink(slot, link);
        PushBack(lane, slot);
        NoteEntryLane(slot, lane, step);
        return true;
    }

    /// <summary>Route free-flow time at a desired speed, each link capped by its limit (once per vehicle).</summary>
    private double FreeFlowTimeS(int route, double desiredSpeedMps, double speedFactor)
    {
        var total = 0.0;
        var first = _m.RouteFirstStep[route];
        for (var k = first; k < first + _m.RouteStepCount[route]; k++)
        {
            var link = _m.StepLink[k];
            total += _m.LinkLengthM[link] / Math.Min(desiredSpeedMps, _m.LinkSpeedLimitMps[link] * speedFactor);
        }
        return total;
    }

    private int WaitingAtEntries()
    {
        var n = 0;
        foreach (var a in _arrivals) n += a.WaitingCount;
        return n;
    }
}
