// Car-following: every vehicle's next acceleration from the current state only (nothing moves
// here), and what bound it (for the hard-braking diagnostic). A lane's front vehicle follows, in
// order of precedence: a stop line it must respect (red, amber it can stop for, a lane it must
// leave before the line, a permissive conflict it must give way to, a full exit lane: keep the
// intersection clear), else the last vehicle of the lane ahead on the next link and any front
// vehicle of another lane merging into it (see Merging), else the free road. Followers follow
// their leader and, behind a front vehicle that goes through, watch the signal themselves. Every
// driver slows comfortably for a lower limit or a turn ahead; buses and trams brake for stops.
using System.Runtime.CompilerServices;
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
            var frontCause = BrakingCause.Leader;
            var frontAcc = FrontAcceleration(lane, link, front, ref frontCause);
            Bound(ref frontAcc, ref frontCause, CourtesyAcceleration(front, link, in classes[_class[front]]), BrakingCause.LaneChange);
            Bound(ref frontAcc, ref frontCause, GapSeekingAcceleration(front, link, in classes[_class[front]]), BrakingCause.LaneChange);
            _accMps2[front] = Ahead(front, link, frontAcc, ref frontCause);
            _accCause[front] = (byte)frontCause;

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
                var desired = _freeSpeedHereMps[slot];
                var acc = Idm.Acceleration(in p, speed, desired, gap, _speedMps[leader]);
                // Behind a leader stopping at a signal, a follower's braking belongs to that stop (a
                // platoon's amber decision), whatever else it is following for.
                var cause = _accCause[leader] == (byte)BrakingCause.Signal ? BrakingCause.Signal
                    : _cutInUntilTicks[slot] > NowTicks ? BrakingCause.LaneChange : BrakingCause.Leader;
                if (signalAhead)
                {
                    var group = _m.StepGroup[_step[slot]];
                    if (group >= 0 && _groupState[group] != SignalState.Green
                        && MustStopAtSignal(_groupState[group], in p, speed, stopLine - _posM[slot], slot))
                    {
                        Bound(ref acc, ref cause, Idm.Acceleration(in p, speed, desired, stopLine - _posM[slot], 0), BrakingCause.Signal);
                        signalAhead = false; // everyone behind a vehicle that stops is behind the line too
                    }
                }
                if (k == 1) BoundByOwnGap(slot, lane, front, stopLine, in p, speed, desired, ref acc, ref cause);
                if (k == 1 && signalAhead)
                {
                    // Behind a front that goes, it already takes its turn in any merge beyond the
                    // line, and it already watches its own exit lane when the front takes another.
                    var step2 = _step[slot];
                    var next2 = _m.StepGroup[step2] >= 0 ? ExitLaneOf(lane, step2) : -1;
                    if (next2 >= 0)
                    {
                        var toLine = stopLine - _posM[slot];
                        if (_claimCount[next2] > 1) Bound(ref acc, ref cause, MergeAcceleration(slot, lane, next2, toLine, desired), BrakingCause.Merge);
                        if (next2 != ExitLaneOf(lane, _step[front]))
                        {
                            var exitCause = BrakingCause.Leader;
                            var follow = FollowExitLane(lane, next2, in p, speed, desired, toLine, ref exitCause);
                            if (BlockedExit(next2, in p))
                            {
                                var held = Idm.Acceleration(in p, speed, desired, toLine, 0);
                                if (held >= -p.MaxDecelerationMps2 || held >= follow) { follow = held; exitCause = BrakingCause.BlockedExit; }
                            }
                            Bound(ref acc, ref cause, follow, exitCause);
                        }
                    }
                }
                // In a lane that does not serve its movement the line ahead is closed to it until it
                // changes: it anticipates that stop rather than discovering it as the front.
                if (_m.StepGroup[_step[slot]] >= 0 && ExitLaneOf(lane, _step[slot]) < 0)
                {
                    Bound(ref acc, ref cause, Idm.Acceleration(in p, speed, desired, stopLine - _posM[slot], 0), BrakingCause.LaneChange);
                }
                Bound(ref acc, ref cause, CourtesyAcceleration(slot, link, in p), BrakingCause.LaneChange);
                Bound(ref acc, ref cause, GapSeekingAcceleration(slot, link, in p), BrakingCause.LaneChange);
                _accMps2[slot] = Ahead(slot, link, acc, ref cause);
                _accCause[slot] = (byte)cause;
                leader = slot;
            }
        }
        VehicleUpdates += updates;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Bound(ref double acc, ref BrakingCause cause, double candidate, BrakingCause candidateCause)
    {
        if (candidate < acc)
        {
            acc = candidate;
            cause = candidateCause;
        }
    }

    /// <summary>What lies ahead on the link whoever leads: a stop to serve, a lower limit or a turn at its end.</summary>
    private double Ahead(int slot, int link, double acc, ref BrakingCause cause)
    {
        var stopAt = _stopAtM[slot];
        if (stopAt != double.PositiveInfinity)
        {
            if (_dwellUntilTicks[slot] >= 0)
            {
                cause = BrakingCause.Stop;
                return -_speedMps[slot] / _dtS;
            }
            ref readonly var ps = ref _m.Classes[_class[slot]];
            Bound(ref acc, ref cause, Idm.Acceleration(in ps, _speedMps[slot], _freeSpeedHereMps[slot], stopAt - _posM[slot] + ps.MinGapM, 0), BrakingCause.Stop);
        }
        var step = _step[slot];
        if (_m.StepGroup[step] < 0) return acc;
        var speed = _speedMps[slot];
        ref readonly var p = ref _m.Classes[_class[slot]];
        var toEnd = _m.LinkLengthM[link] - _posM[slot];
        var nextStop = _nextStop[slot];
        if (stopAt == double.PositiveInfinity && nextStop >= 0 && _m.Stops.Step[nextStop] == step + 1)
        {
            // A stop just beyond the line: start braking for it on this link, comfortably.
            var toStop = toEnd + _m.Stops.PositionM[nextStop];
            var forStop = speed * speed / (2 * Math.Max(toStop, 0.5));
            if (forStop >= 0.5 * p.ComfortableDecelerationMps2) Bound(ref acc, ref cause, -forStop, BrakingCause.Stop);
        }
        var nextSpeed = FreeSpeedMps(slot, _m.StepLink[step + 1]);
        var turn = _m.StepTurnSpeedMps[step];
        if (turn < nextSpeed) nextSpeed = turn;
        if (speed <= nextSpeed) return acc;
        // Slow down comfortably for it: brake once the deceleration it needs reaches half the
        // comfortable one, at what it needs (IIDM-style: never the IDM's −a(v/v0)^4 overshoot).
        // Within the last step's travel of the line the distance left says less than the speed
        // still to lose: reaching the next speed within the step is enough (a driver a metre short
        // of the line and 0.3 m/s too fast does not brake at 9 m/s²).
        var needed = (speed * speed - nextSpeed * nextSpeed) / (2 * Math.Max(toEnd, 0.5));
        var withinStep = (speed - nextSpeed) / _dtS;
        if (needed > withinStep) needed = withinStep;
        if (needed >= 0.5 * p.ComfortableDecelerationMps2) Bound(ref acc, ref cause, -needed, BrakingCause.Limit);
        return acc;
    }

    private double FrontAcceleration(int lane, int link, int slot, ref BrakingCause cause)
    {
        ref readonly var p = ref _m.Classes[_class[slot]];
        var speed = _speedMps[slot];
        var desired = _freeSpeedHereMps[slot];
        var step = _step[slot];
        var group = _m.StepGroup[step];
        _laneFrontHeld[lane] = false;
        if (group < 0) return Idm.FreeRoadAcceleration(in p, speed, desired); // last link: leaves at its end

        var toStopLine = _m.LinkLengthM[link] - _posM[slot];
        if (MustStopAtSignal(_groupState[group], in p, speed, toStopLine, slot)) return Held(lane, in p, speed, desired, toStopLine, BrakingCause.Signal, ref cause);
        var next = ExitLaneFor(slot, lane, step);
        // In a lane that does not serve its movement: a lane change is still to come.
        if (next < 0)
        {
            NoteMissedLane(slot, toStopLine);
            return Held(lane, in p, speed, desired, toStopLine, BrakingCause.LaneChange, ref cause);
        }
        if (_m.StepYieldCount[step] > 0 && !GapAccepted(slot, lane, step, in p, speed, toStopLine, _laneLastDepartureTicks[lane]))
        {
            // A driver giving way waits with its front at the line (at a red it keeps s0 short of it),
            // ready to take the next gap. Standing there on its green it has entered the
            // intersection, as drivers do: when the green ends its signal no longer holds it, and
            // it clears as soon as the flow it gives way to stops (the "sneaker" of the HCM's
            // permitted turns; one per lane and green here, the driver at the line).
            if (_groupState[group] == SignalState.Green && toStopLine < 1 && speed < StoppedSpeedMps) _inIntersection[slot] = true;
            return Held(lane, in p, speed, desired, toStopLine + p.MinGapM, BrakingCause.Yield, ref cause);
        }
        // Keep the intersection clear, as drivers decide it: while they can still stop comfortably
        // for their line (a driver who finds the exit lane full too late follows its last vehicle).
        if (BlockedExit(next, in p))
        {
            // Spill-back: the exit lane is queued up to its entry, so the vehicle waits at the stop
            // line, if it still can without braking hard (otherwise it follows that queue's last vehicle).
            var held = Idm.Acceleration(in p, speed, desired, toStopLine, 0);
            var followCauseIfGoing = BrakingCause.Leader;
            if (held >= -p.MaxDecelerationMps2 || held >= FollowExitLane(lane, next, in p, speed, desired, toStopLine, ref followCauseIfGoing))
            {
                _committed[slot] = false; // stopped by the queue ahead: it obeys the signal again
                return Held(lane, in p, speed, desired, toStopLine, BrakingCause.BlockedExit, ref cause);
            }
        }
        var acc = MergeAcceleration(slot, lane, next, toStopLine, desired);
        if (acc != double.PositiveInfinity) cause = BrakingCause.Merge;
        var followCause = _cutInUntilTicks[slot] > NowTicks ? BrakingCause.LaneChange : BrakingCause.Leader;
        Bound(ref acc, ref cause, FollowExitLane(lane, next, in p, speed, desired, toStopLine, ref followCause), followCause);
        return acc;
    }

    /// <summary>
    /// A front vehicle follows the last vehicle of its exit lane across the line (the intersection
    /// box has no length, so the gap runs from its front to that vehicle's rear). When that vehicle
    /// did not come from its own lane (it merged from another lane or approach) and its rear is
    /// still in the box, the driver had never been following it: it may wait at its own line
    /// instead, whichever is gentler, as at a zip merge.
    /// </summary>
    private double FollowExitLane(int lane, int next, in Model.VehicleClassParameters p, double speed, double desired, double toStopLine, ref BrakingCause cause)
    {
        if (_laneCount[next] == 0) return Idm.FreeRoadAcceleration(in p, speed, desired);
        var back = BackOf(next);
        var space = EntrySpaceM(next);
        var follow = Idm.Acceleration(in p, speed, desired, toStopLine + space, _speedMps[back]);
        if (space < 0 && _vehicleId[back] != _laneLastDepartureId[lane])
        {
            var atLine = Idm.Acceleration(in p, speed, desired, toStopLine, 0);
            if (atLine > follow)
            {
                follow = atLine;
                cause = BrakingCause.Merge;
            }
        }
        return follow;
    }

    /// <summary>The driver behind the front judges its own gap from this far beyond its comfortable stopping distance.</summary>
    private const double YieldLookAheadM = 10;

    /// <summary>
    /// The driver behind the front, when its movement gives way, judges its own gap already (as
    /// drivers following a turning car watch the crossing too) and slows to stop at the line if
    /// the gap will not be there: the front leaving first, it would otherwise find a pedestrian or
    /// an opposing car only as the new front, too late to stop comfortably.
    /// </summary>
    private void BoundByOwnGap(int slot, int lane, int front, double stopLine, in Model.VehicleClassParameters p, double speed, double desired, ref double acc, ref BrakingCause cause)
    {
        var step = _step[slot];
        if (_m.StepYieldCount[step] == 0 || _m.StepGroup[step] < 0) return;
        var toLine = stopLine - _posM[slot];
        if (toLine > speed * speed / (2 * p.ComfortableDecelerationMps2) + YieldLookAheadM) return;
        var frontLeaves = Math.Max(_laneLastDepartureTicks[lane], AtLineTicks(front, _step[front], stopLine - _posM[front]));
        if (!GapAccepted(slot, lane, step, in p, speed, toLine, frontLeaves))
            Bound(ref acc, ref cause, Idm.Acceleration(in p, speed, desired, toLine + p.MinGapM, 0), BrakingCause.Yield);
    }

    /// <summary>The front vehicle stops at its stop line this step, for the given reason.</summary>
    private double Held(int lane, in Model.VehicleClassParameters p, double speed, double desired, double toStopLine, BrakingCause reason, ref BrakingCause cause)
    {
        _laneFrontHeld[lane] = true;
        cause = reason;
        return Idm.Acceleration(in p, speed, desired, toStopLine, 0);
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
        var space = EntrySpaceM(lane);
        var needed = p.LengthM + p.MinGapM;
        if (_speedMps[back] < StoppedSpeedMps) return space < needed;
        // A last vehicle braking to a stop: the room it will leave once stopped, so that the driver
        // decides to keep the box clear while it can still stop comfortably, not when it is at the line.
        var acc = _accMps2[back];
        var projected = acc < 0 ? space + _speedMps[back] * _speedMps[back] / (-2 * acc) : double.PositiveInfinity;
        var n = _laneCount[lane];
        if (n >= 2)
        {
            // Its leader stands: it will stop behind it, whatever it does now.
            var ahead = SlotAt(lane, n - 2);
            if (_speedMps[ahead] < StoppedSpeedMps)
            {
                var behindAhead = _posM[ahead] - _lengthM[ahead] - _m.Classes[_class[back]].MinGapM - _lengthM[back];
                if (behindAhead < projected) projected = behindAhead;
            }
        }
        return projected < needed;
    }

    /// <summary>
    /// Amber: stop if it can be done at the comfortable deceleration, otherwise proceed and stay
    /// committed. Red: stop, unless committed at amber and still unable to stop comfortably (the
    /// intergreen's clearance time is for these vehicles); a committed vehicle that slowed down
    /// enough, e.g. behind a slow leader, stops after all.
    /// </summary>
    /// <summary>Crosses its line even at red: committed at amber, or already inside the intersection waiting to turn.</summary>
    private bool GoesAtRed(int slot) => _committed[slot] || _inIntersection[slot];

    private bool MustStopAtSignal(SignalState state, in Model.VehicleClassParameters p, double speed, double toStopLine, int slot)
    {
        if (state == SignalState.Green || _inIntersection[slot]) return false;
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
