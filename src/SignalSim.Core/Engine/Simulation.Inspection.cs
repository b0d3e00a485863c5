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
}
