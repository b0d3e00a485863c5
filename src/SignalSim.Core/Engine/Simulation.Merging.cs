// Merging at an intersection: where lanes reduce across the stop line (or two approaches feed one
// lane on the same green), vehicles of several approach lanes head for the same exit lane. Each
// lane's front vehicle and the one behind it claim the exit lane they will take; each claimant
// follows the claimant of another lane that goes just before it (zip merge), as if it were
// already in that lane, or, when the two are side by side, heads for its stop line and lets the
// other go first. Drivers go in the order they would reach their lines, those who can no longer
// stop comfortably first. The second vehicle of a lane takes part so that it slots in behind the
// other lane's front vehicle before its own front has gone, not after. Without this, two
// vehicles would reach the exit lane in the same step, bumper to bumper.
using SignalSim.Core.Signals;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    /// <summary>Claimants tracked per exit lane (two per approach lane); more rarely merge into one.</summary>
    private const int MaxClaims = 8;

    private int[] _claimCount = [];
    private int[] _claimSlot = [];
    private int[] _claimLane = [];
    private bool[] _claimIsFront = [];

    private void InitialiseMerging()
    {
        _claimCount = Rent<int>(_laneCount.Length);
        _claimSlot = Rent<int>(_laneCount.Length * MaxClaims);
        _claimLane = Rent<int>(_laneCount.Length * MaxClaims);
        _claimIsFront = Rent<bool>(_laneCount.Length * MaxClaims);
    }

    /// <summary>Each lane's front vehicle that may go this step, and the one behind it, claim the exit lane they will take.</summary>
    private void ClaimExitLanes()
    {
        Array.Clear(_claimCount);
        for (var lane = 0; lane < _laneCount.Length; lane++)
        {
            if (_laneCount[lane] == 0) continue;
            var slot = SlotAt(lane, 0);
            var step = _step[slot];
            var group = _m.StepGroup[step];
            // A driver committed at amber (or waiting inside the intersection) still crosses at red.
            if (group < 0 || (_groupState[group] == SignalState.Red && !GoesAtRed(slot))) continue;
            var next = ExitLaneFor(slot, lane, step);
            if (next < 0) continue;
            Claim(next, slot, lane, front: true);
            if (_laneCount[lane] < 2) continue;
            var second = SlotAt(lane, 1);
            var secondStep = _step[second];
            if (_m.StepGroup[secondStep] < 0) continue;
            var secondNext = ExitLaneOf(lane, secondStep);
            if (secondNext >= 0) Claim(secondNext, second, lane, front: false);
        }
    }

    private void Claim(int exitLane, int slot, int lane, bool front)
    {
        if (_claimCount[exitLane] == MaxClaims) return;
        var k = exitLane * MaxClaims + _claimCount[exitLane]++;
        _claimSlot[k] = slot;
        _claimLane[k] = lane;
        _claimIsFront[k] = front;
    }

    /// <summary>
    /// Acceleration towards the claimant of the exit lane that goes just before this one, or +∞
    /// when none does. Drivers go in the order they would reach their lines (ties to the lower
    /// slot): by distance alone, a driver arriving fast would have to stop for one standing a
    /// metre closer to its own line, which it can no longer do comfortably.
    /// </summary>
    private double MergeAcceleration(int slot, int lane, int exitLane, double toStopLineM, double desiredMps)
    {
        var n = _claimCount[exitLane];
        if (n == 0) return double.PositiveInfinity;
        // Most exit lanes are claimed by one lane's front and second only: nothing to merge with.
        // A driver judging a lane change is no claimant yet: one claimant of another lane is a merge.
        var others = false;
        for (var i = 0; i < n && !others; i++) others = _claimLane[exitLane * MaxClaims + i] != lane && _claimSlot[exitLane * MaxClaims + i] != slot;
        if (!others) return double.PositiveInfinity;
        var own = MergeOrder(slot, toStopLineM, desiredMps);
        var best = -1;
        var bestDistance = 0.0;
        var bestTime = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var k = exitLane * MaxClaims + i;
            var other = _claimSlot[k];
            if (_claimLane[k] == lane || other == slot) continue; // its own lane: followed for real
            // From the present state: lane changes are judged after the move, with this step's claims.
            var otherLink = _m.LaneLink[_claimLane[k]];
            if (_m.StepLink[_step[other]] != otherLink) continue; // already across: followed as the exit lane's last vehicle
            var d = _m.LinkLengthM[otherLink] - _posM[other];
            var t = MergeOrder(other, d, FreeSpeedMps(other, _m.StepLink[_step[other]]));
            var ahead = t < own || (t == own && other < slot);
            if (ahead && t > bestTime)
            {
                best = other;
                bestTime = t;
                bestDistance = d;
            }
        }
        if (best < 0) return double.PositiveInfinity;
        ref readonly var p = ref _m.Classes[_class[slot]];
        var gap = toStopLineM - bestDistance - _lengthM[best];
        var behindOther = Idm.Acceleration(in p, _speedMps[slot], desiredMps, gap, _speedMps[best]);
        // Side by side the virtual gap is negative and following the other would ask for an
        // emergency stop: wait at the stop line instead, which is the gentler of the two.
        var atLine = Idm.Acceleration(in p, _speedMps[slot], desiredMps, toStopLineM, 0);
        return behindOther > atLine ? behindOther : atLine;
    }

    /// <summary>Seconds before which a merge waits for nobody that can still stop: drivers who can no longer stop comfortably go first.</summary>
    private const double CommittedMergeLeadS = 1e6;

    /// <summary>
    /// A claimant's place in the merge order: its time to the line, from its speed at the class's
    /// acceleration, less a large lead when it can no longer stop comfortably for its line.
    /// </summary>
    private double MergeOrder(int slot, double toStopLineM, double freeSpeedMps)
    {
        var t = TimeToCoverS(slot, toStopLineM, freeSpeedMps);
        var v = _speedMps[slot];
        return v * v > 2 * _m.Classes[_class[slot]].ComfortableDecelerationMps2 * Math.Max(toStopLineM, 0.01) ? t - CommittedMergeLeadS : t;
    }
}
