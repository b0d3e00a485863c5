// Movement: commit every vehicle's speed and position from the accelerations computed before
// (two-phase update, so the result does not depend on the order vehicles are visited), then
// hand vehicles that passed their stop line to the next link or finish their trip.
using SignalSim.Core.Signals;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    /// <summary>Speed below which a moving vehicle counts as stopped, and above which it moves again.</summary>
    private const double StopSpeedMps = 1.0;
    private const double RestartSpeedMps = 3.0;

    /// <summary>Where a held vehicle is put when it reached its stop line: just short of it.</summary>
    private const double StopLineClearanceM = 1e-6;

    private void MoveVehicles()
    {
        var dt = _dtS;
        for (var lane = 0; lane < _laneCount.Length; lane++)
        {
            var n = _laneCount[lane];
            if (n == 0) continue;
            var stopLine = _m.LinkLengthM[_m.LaneLink[lane]];
            var leader = -1;
            for (var k = 0; k < n; k++)
            {
                var slot = SlotAt(lane, k);
                var v = _speedMps[slot];
                var a = _accMps2[slot];
                var vNew = v + a * dt;
                double dx;
                if (vNew < 0)
                {
                    dx = -v * v / (2 * a); // stops within the step
                    vNew = 0;
                }
                else
                {
                    dx = (v + vNew) * 0.5 * dt;
                }
                var x = _posM[slot] + dx;
                if (leader >= 0)
                {
                    // Never closer to the leader than the standstill gap, whatever the discretisation did.
                    var limit = _posM[leader] - _lengthM[leader] - _m.Classes[_class[slot]].MinGapM;
                    if (x > limit)
                    {
                        x = Math.Max(_posM[slot], limit);
                        if (vNew > _speedMps[leader]) vNew = _speedMps[leader];
                    }
                }
                else if (_laneFrontHeld[lane] && (x >= stopLine || (_accCause[slot] == (byte)BrakingCause.Yield && vNew < StoppedSpeedMps && stopLine - x < 1)))
                {
                    // Never across a held stop line; a driver giving way draws up to it, ready to go.
                    x = stopLine - StopLineClearanceM;
                    vNew = 0;
                }
                var group = _m.StepGroup[_step[slot]];
                if (group >= 0 && _groupState[group] != SignalState.Green && _dwellUntilTicks[slot] < 0)
                {
                    // Time lost in this step (the step less the free-flow time of the distance
                    // covered) while the vehicle's signal shows red or amber: over the link these
                    // sum to the part of its stop-line delay spent in front of a closed signal
                    // (a step driven faster than the free speed gains nothing back here).
                    var lostS = dt - (x - _posM[slot]) / _freeSpeedHereMps[slot];
                    if (lostS > 0) _redLossOnLinkS[slot] += lostS;
                }
                _previousPosM[slot] = _posM[slot];
                _posM[slot] = x;
                if (v - vNew > _m.Classes[_class[slot]].MaxDecelerationMps2 * dt + 1e-9) _hardBrakingSteps[_accCause[slot]]++;
                _speedMps[slot] = vNew;
                if (_moving[slot])
                {
                    if (vNew < StopSpeedMps)
                    {
                        _moving[slot] = false;
                        _stops[slot]++;
                    }
                }
                else if (vNew > RestartSpeedMps)
                {
                    _moving[slot] = true;
                }
                leader = slot;
            }
        }
    }

    private void CrossStopLines()
    {
        var nowS = SimTime.ToSeconds(NowTicks);
        for (var lane = 0; lane < _laneCount.Length; lane++)
        {
            var link = _m.LaneLink[lane];
            var length = _m.LinkLengthM[link];
            while (_laneCount[lane] > 0)
            {
                var slot = SlotAt(lane, 0);
                if (_posM[slot] < length) break;
                var overshoot = _posM[slot] - length;
                // When within the step the front bumper passed the line, assuming the final speed.
                var crossS = nowS - Math.Min(_dtS, overshoot / Math.Max(_speedMps[slot], 0.1));
                var step = _step[slot];
                if (_m.StepGroup[step] < 0)
                {
                    NoteCrossingOverLoops(lane, slot);
                    PopFront(lane);
                    FinishTrip(slot, crossS);
                    continue;
                }
                var next = ExitLaneFor(slot, lane, step);
                var x = overshoot;
                if (next >= 0 && _laneCount[next] > 0)
                {
                    // Never closer than the standstill gap behind the exit lane's last vehicle.
                    var back = BackOf(next);
                    var room = _posM[back] - _lengthM[back] - _m.Classes[_class[slot]].MinGapM;
                    if (x > room) x = room;
                }
                var mayCross = next >= 0 && _laneCount[next] < _laneCapacity[next] && x >= 0
                    && (GoesAtRed(slot) || _groupState[_m.StepGroup[step]] != SignalState.Red);
                if (!mayCross)
                {
                    // A vehicle that followed its leader over the line in the same step, or one
                    // that merged too close behind another: it stops at the line like any other on
                    // red or before a full lane, which counts as hard braking when it was fast.
                    if (_speedMps[slot] > _m.Classes[_class[slot]].MaxDecelerationMps2 * _dtS)
                    {
                        var cause = next < 0 ? BrakingCause.LaneChange
                            : _groupState[_m.StepGroup[step]] == SignalState.Red ? BrakingCause.Signal
                            : x < 0 ? BrakingCause.Merge : BrakingCause.BlockedExit;
                        _hardBrakingSteps[(int)cause]++;
                    }
                    _posM[slot] = length - StopLineClearanceM;
                    _speedMps[slot] = 0;
                    break;
                }
                RecordStopLineCrossing(link, crossS, slot);
                NoteCrossingOverLoops(lane, slot);
                CheckOut(slot, link);
                PopFront(lane);
                _laneLastDepartureTicks[lane] = SimTime.FromSeconds(crossS);
                _laneLastDepartureId[lane] = _vehicleId[slot];
                var nextLink = _m.LaneLink[next];
                _previousPosM[slot] -= length; // the same place, measured on the new link
                _posM[slot] = x;
                _step[slot] = step + 1;
                _committed[slot] = false;
                _yield[slot] = YieldDecision.Waiting;
                _inIntersection[slot] = false;
                _wrongLaneSinceTicks[slot] = -1;
                _stopLineDueS[slot] = crossS + _m.LinkLengthM[nextLink] / FreeSpeedMps(slot, nextLink);
                EnterLink(slot, nextLink);
                PushBack(next, slot);
                NoteEntryLane(slot, next, step + 1);
            }
        }
    }

    private void FinishTrip(int slot, double exitS)
    {
        _finishedByClass[_class[slot]]++;
        if (IsMeasured(_departTicks[slot]))
        {
            Recorder.RecordTrip(new Metrics.TripRecord(_vehicleId[slot], _route[slot], _class[slot], _departTicks[slot], SimTime.FromSeconds(exitS),
                _freeFlowS[slot], _stops[slot], _scheduledTicks[slot]));
        }
        EndTransitTrip(slot);
        _freeSlots[_freeSlotCount++] = slot;
    }
}
