// Read-only views of the state for tests, charts and debugging; never used by the step loop.
namespace SignalSim.Core.Engine;

public readonly record struct VehicleView(int VehicleId, int Route, int ClassIndex, double PositionM, double SpeedMps, double LengthM);

public sealed partial class Simulation
{
    /// <summary>The vehicles of a lane, front first (allocates: not for the step loop).</summary>
    public VehicleView[] LaneSnapshot(int lane)
    {
        var n = _laneCount[lane];
        var result = new VehicleView[n];
        for (var k = 0; k < n; k++)
        {
            var slot = SlotAt(lane, k);
            result[k] = new VehicleView(_vehicleId[slot], _route[slot], _class[slot], _posM[slot], _speedMps[slot], _lengthM[slot]);
        }
        return result;
    }

    /// <summary>Whether the lane's front vehicle was told to wait at its stop line in the last step.</summary>
    public bool IsFrontHeld(int lane) => _laneCount[lane] > 0 && _laneFrontHeld[lane];

    /// <summary>
    /// The smallest margin, over every pair of consecutive vehicles in every lane, between the gap
    /// and the follower's standstill gap s0 (negative: a gap below s0), or +∞ when no lane holds
    /// two vehicles. Allocates nothing, so a test may call it every step.
    /// </summary>
    public double SmallestStandstillMarginM()
    {
        var smallest = double.PositiveInfinity;
        for (var lane = 0; lane < _laneCount.Length; lane++)
        {
            var n = _laneCount[lane];
            if (n < 2) continue;
            var leader = SlotAt(lane, 0);
            for (var k = 1; k < n; k++)
            {
                var slot = SlotAt(lane, k);
                var margin = _posM[leader] - _lengthM[leader] - _posM[slot] - _m.Classes[_class[slot]].MinGapM;
                if (margin < smallest) smallest = margin;
                leader = slot;
            }
        }
        return smallest;
    }
}
