// Car-following: every vehicle's next acceleration from the current state only (nothing moves
// here). A lane's front vehicle follows, in order of precedence: a stop line it must respect
// (red, amber it can stop for, or a full exit lane: keep the intersection clear), else the last
// vehicle of the lane it will take on the next link and any front vehicle of another lane merging
// into it ahead (see Merging), else the free road. Followers follow their leader and, behind a
// front vehicle that goes through, watch the signal themselves. Buses and trams also brake for
// their stops.
using SignalSim.Core.Signals;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    private void ComputeAccelerations()
    {
        ClaimExitLanes();
        var classes = _m.Classes;
        var laneCount = _laneCount.Length;
        var updates = 0L;
        for (var lane = 0; lane < laneCount; lane++)
        {
            var n = _laneCount[lane];
            if (n == 0) continue;
            updates += n;
            var link = _m.LaneLink[lane];
            var front = SlotAt(lane, 0);
            _accMps2[front] = StopAcceleration(front, FrontAcceleration(lane, link, front));

            // Behind a front vehicle that goes through, followers watch the signal themselves: at
            // amber or red each decides whether to stop at the line (not needed behind a held front).
            var signalAhead = !_laneFrontHeld[lane];
            var stopLine = _m.LinkLengthM[link];
            var leader = front;
            for (var k = 1; k < n; k++)
            {
                var slot = SlotAt(lane, k);
                ref readonly var p = ref classes[_class[slot]];
                var gap = _posM[leader] - _lengthM[leader] - _posM[slot];
                var speed = _speedMps[slot];
                var desired = FreeSpeedMps(slot, link);
                var acc = Idm.Acceleration(in p, speed, desired, gap, _speedMps[leader]);
                if (signalAhead)
                {
                    var group = _m.StepGroup[_step[slot]];
                    if (group >= 0 && _groupState[group] != SignalState.Green
                        && MustStopAtSignal(_groupState[group], in p, speed, stopLine - _posM[slot], slot))
                    {
                        var atLine = Idm.Acceleration(in p, speed, desired, stopLine - _posM[slot], 0);
                        if (atLine < acc) acc = atLine;
                        signalAhead = false; // everyone behind a vehicle that stops is behind the line too
                    }
                }
                _accMps2[slot] = StopAcceleration(slot, acc);
                leader = slot;
            }
        }
        VehicleUpdates += updates;
    }

    /// <summary>A bus or tram approaching its stop brakes for it, and stands still while dwelling.</summary>
    private double StopAcceleration(int slot, double acc)
    {
        var stopAt = _stopAtM[slot];
        if (stopAt == double.PositiveInfinity) return acc;
        if (_dwellUntilTicks[slot] >= 0) return -_speedMps[slot] / _dtS;
        ref readonly var p = ref _m.Classes[_class[slot]];
        var atStop = Idm.Acceleration(in p, _speedMps[slot], FreeSpeedMps(slot, _m.StepLink[_step[slot]]), stopAt - _posM[slot] + p.MinGapM, 0);
        return atStop < acc ? atStop : acc;
    }

    private double FrontAcceleration(int lane, int link, int slot)
    {
        ref readonly var p = ref _m.Classes[_class[slot]];
        var speed = _speedMps[slot];
        var desired = FreeSpeedMps(slot, link);
        var step = _step[slot];
        var group = _m.StepGroup[step];
        _laneFrontHeld[lane] = false;
        if (group < 0) return Idm.FreeRoadAcceleration(in p, speed, desired); // last link: leaves at its end

        var toStopLine = _m.LinkLengthM[link] - _posM[slot];
        if (MustStopAtSignal(_groupState[group], in p, speed, toStopLine, slot))
        {
            _laneFrontHeld[lane] = true;
            return Idm.Acceleration(in p, speed, desired, toStopLine, 0);
        }

        var next = _nextLane[slot];
        if (next < 0)
        {
            next = ChooseLane(_m.StepLink[step + 1], _m.StepLaneMask[step + 1]);
            _nextLane[slot] = next;
        }
        if (next < 0 || BlockedExit(next, in p))
        {
            // Spill-back: the exit lane is queued up to its entry, so the vehicle waits at the stop line.
            _laneFrontHeld[lane] = true;
            _nextLane[slot] = -1; // choose again when room appears, perhaps on another lane
            _committed[slot] = false; // stopped by the queue ahead: it obeys the signal again
            return Idm.Acceleration(in p, speed, desired, toStopLine, 0);
        }
        var merge = MergeAcceleration(slot, next, toStopLine, desired);
        if (_laneCount[next] == 0) return Math.Min(merge, Idm.FreeRoadAcceleration(in p, speed, desired));
        var nextLeader = BackOf(next);
        return Math.Min(merge, Idm.Acceleration(in p, speed, desired, toStopLine + EntrySpaceM(next), _speedMps[nextLeader]));
    }

    /// <summary>Below this speed the last vehicle of an exit lane counts as standing still.</summary>
    private const double StoppedSpeedMps = 0.5;

    /// <summary>
    /// Keep the intersection clear: the exit lane cannot take the whole vehicle because its last
    /// vehicle stands still (or the lane is full). A moving last vehicle, even one just starting
    /// off the line, is simply followed.
    /// </summary>
    private bool BlockedExit(int lane, in Model.VehicleClassParameters p)
    {
        if (_laneCount[lane] == 0) return false;
        if (_laneCount[lane] >= _laneCapacity[lane]) return true;
        var back = BackOf(lane);
        return _speedMps[back] < StoppedSpeedMps && EntrySpaceM(lane) < p.LengthM + p.MinGapM;
    }

    /// <summary>
    /// Amber: stop if it can be done at the comfortable deceleration, otherwise proceed and stay
    /// committed. Red: stop, unless committed at amber and still unable to stop comfortably (the
    /// intergreen's clearance time is for these vehicles); a committed vehicle that slowed down
    /// enough, e.g. behind a slow leader, stops after all.
    /// </summary>
    private bool MustStopAtSignal(SignalState state, in Model.VehicleClassParameters p, double speed, double toStopLine, int slot)
    {
        if (state == SignalState.Green) return false;
        var canStopComfortably = speed * speed / (2 * Math.Max(toStopLine, 0.01)) <= p.ComfortableDecelerationMps2;
        if (canStopComfortably)
        {
            _committed[slot] = false;
            return true;
        }
        if (state == SignalState.Amber) _committed[slot] = true;
        return !_committed[slot];
    }
}
