// What counts as measured, and the measurement of every vehicle. A vehicle (or pedestrian) is
// measured when it arrives at its entry (or kerb) within the measured period [warm-up, warm-up +
// duration); the run goes on through a cool-down so that measured vehicles can finish. Whatever
// measured vehicle is still in the network or waiting at an entry when the run ends is recorded
// as an unfinished trip with the time and delay accumulated so far, so that a strategy that
// traps vehicles cannot look better by leaving them out. Over the measured period, the count of
// vehicles in the network and at the entries is integrated per class, step by step.
using SignalSim.Core.Metrics;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    // Every vehicle that left the network, per class (measured or not), for the in-system counts.
    private int[] _finishedByClass = [];
    private bool _unfinishedRecorded;

    private void InitialiseMeasurement() => _finishedByClass = new int[_m.Classes.Length];

    /// <summary>Whether something arriving at this time belongs to the measured period.</summary>
    private bool IsMeasured(long arrivalTicks) => arrivalTicks >= _m.WarmupTicks && arrivalTicks < _m.MeasuredEndTicks;

    /// <summary>Counts a new arrival at an entry (called as it is generated).</summary>
    private void CountArrival(long arrivalTicks, int classIndex)
    {
        if (IsMeasured(arrivalTicks)) Recorder.Occupancy.MeasuredArrivals[classIndex]++;
    }

    /// <summary>
    /// Adds this step's vehicle-time in the network and at the entries, per class, for the steps
    /// that end within the measured period: the counts after the step, times the step. Vehicles
    /// generated so far minus those that left are in the system; those queued at entries wait.
    /// </summary>
    private void AccumulateSystemTime()
    {
        if (NowTicks <= _m.WarmupTicks || NowTicks - _m.StepTicks >= _m.MeasuredEndTicks) return;
        var occupancy = Recorder.Occupancy;
        var inNetwork = occupancy.InNetworkVehicleS;
        var waiting = occupancy.WaitingVehicleS;
        var dt = _dtS;
        for (var d = 0; d < _arrivals.Length; d++)
        {
            ref readonly var a = ref _arrivals[d];
            inNetwork[a.ClassIndex] += (a.Generated - a.WaitingCount) * dt;
            waiting[a.ClassIndex] += a.WaitingCount * dt;
        }
        for (var c = 0; c < _finishedByClass.Length; c++) inNetwork[c] -= _finishedByClass[c] * dt;
    }

    /// <summary>
    /// At the end of the run, once: every measured vehicle still in the network or at an entry,
    /// and every measured pedestrian still at the kerb, recorded as unfinished.
    /// </summary>
    private void RecordUnfinished()
    {
        if (_unfinishedRecorded || !Finished) return;
        _unfinishedRecorded = true;
        for (var lane = 0; lane < _laneCount.Length; lane++)
        {
            for (var k = 0; k < _laneCount[lane]; k++)
            {
                var slot = SlotAt(lane, k);
                if (!IsMeasured(_departTicks[slot])) continue;
                Recorder.RecordUnfinishedTrip(new TripRecord(_vehicleId[slot], _route[slot], _class[slot], _departTicks[slot], NowTicks,
                    FreeFlowSoFarS(slot), _stops[slot], _scheduledTicks[slot], Finished: false));
            }
        }
        // Vehicles still queued outside have no id yet: they get the ones after every vehicle that entered.
        var nextId = _nextVehicleId;
        for (var d = 0; d < _arrivals.Length; d++)
        {
            ref readonly var a = ref _arrivals[d];
            for (var i = 0; i < a.WaitingCount; i++)
            {
                var j = (a.WaitingHead + i) % a.WaitingTicks.Length;
                if (!IsMeasured(a.WaitingTicks[j])) continue;
                Recorder.RecordUnfinishedTrip(new TripRecord(nextId++, a.WaitingRoute[j], a.ClassIndex, a.WaitingTicks[j], NowTicks,
                    0, 0, a.WaitingScheduled[j], Finished: false));
            }
        }
        for (var s = 0; s < _pedestrians.Length; s++)
        {
            ref readonly var p = ref _pedestrians[s];
            for (var i = 0; i < p.WaitingCount; i++)
            {
                var arrival = p.Waiting[(p.WaitingHead + i) % p.Waiting.Length];
                if (IsMeasured(arrival)) Recorder.RecordUnfinishedPedestrian(new PedestrianRecord(p.Crossing, p.Backward, arrival, NowTicks, Finished: false));
            }
        }
    }

    /// <summary>
    /// Free-flow time of the distance a vehicle has covered: the links behind it and its position
    /// on the current one, each at its free speed, counted from where it entered, as for a
    /// finished trip's free-flow time.
    /// </summary>
    private double FreeFlowSoFarS(int slot)
    {
        var route = _route[slot];
        var first = _m.RouteFirstStep[route];
        var total = 0.0;
        for (var k = first; k < _step[slot]; k++)
        {
            var link = _m.StepLink[k];
            total += _m.LinkLengthM[link] / FreeSpeedMps(slot, link);
        }
        total += _posM[slot] / FreeSpeedMps(slot, _m.StepLink[_step[slot]]);
        return total - _lengthM[slot] / FreeSpeedMps(slot, _m.StepLink[first]);
    }
}
