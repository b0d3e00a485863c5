// Merging at an intersection: where lanes reduce across the stop line (or two approaches feed one
// lane on the same green), front vehicles of several approach lanes head for the same exit lane;
// each follows the nearest one ahead of it (zip merge) as if it were already in that lane, or,
// when the two are side by side, heads for its stop line and lets the other go first. Without
// this, two vehicles would reach the exit lane in the same step, bumper to bumper.
using SignalSim.Core.Signals;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    /// <summary>Front vehicles tracked per exit lane; more lanes than this rarely merge into one.</summary>
    private const int MaxClaims = 4;

    private int[] _claimCount = [];
    private int[] _claimSlot = [];
    private double[] _claimDistanceM = [];

    private void InitialiseMerging()
    {
        _claimCount = new int[_laneCount.Length];
        _claimSlot = new int[_laneCount.Length * MaxClaims];
        _claimDistanceM = new double[_laneCount.Length * MaxClaims];
    }

    /// <summary>Each lane's front vehicle that may go this step claims the exit lane it will take.</summary>
    private void ClaimExitLanes()
    {
        Array.Clear(_claimCount);
        for (var lane = 0; lane < _laneCount.Length; lane++)
        {
            if (_laneCount[lane] == 0) continue;
            var slot = SlotAt(lane, 0);
            var step = _step[slot];
            var group = _m.StepGroup[step];
            if (group < 0 || _groupState[group] == SignalState.Red) continue;
            var next = ExitLaneFor(slot, lane, step);
            if (next < 0 || _claimCount[next] == MaxClaims) continue;
            var k = next * MaxClaims + _claimCount[next]++;
            _claimSlot[k] = slot;
            _claimDistanceM[k] = _m.LinkLengthM[_m.LaneLink[lane]] - _posM[slot];
        }
    }

    /// <summary>
    /// Acceleration towards the nearest other claimant of the exit lane that is ahead (closer to
    /// the lane's entry; ties go to the lower slot), or +∞ when none is.
    /// </summary>
    private double MergeAcceleration(int slot, int exitLane, double toStopLineM, double desiredMps)
    {
        var n = _claimCount[exitLane];
        if (n < 2) return double.PositiveInfinity;
        var best = -1;
        var bestDistance = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var k = exitLane * MaxClaims + i;
            var other = _claimSlot[k];
            var d = _claimDistanceM[k];
            if (other == slot) continue;
            var ahead = d < toStopLineM || (d == toStopLineM && other < slot);
            if (ahead && d > bestDistance)
            {
                best = other;
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
}
