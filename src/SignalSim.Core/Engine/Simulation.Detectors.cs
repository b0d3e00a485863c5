// Detectors: a loop is on in a step when any vehicle's body was over its zone during the step
// (from its place before the move to its place after). Actuated plans
// read the occupancy (Simulation.ControllerInputs.cs) and the controller event log records each
// change. Reads only the lane ring buffers (front first, so the scan stops at the first vehicle
// upstream of the zone); its state is built once, with the simulation, and never grows.
using SignalSim.Core.Metrics;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    private DetectorZones _detectorZones = null!; // built with the controller inputs, before the first step

    private sealed class DetectorZones(int count, int laneCount)
    {
        public readonly int[] Lane = new int[count];
        public readonly double[] StartM = new double[count];  // upstream edge, from the lane start
        public readonly double[] EndM = new double[count];    // downstream edge
        public readonly bool[] Occupied = new bool[count];
        public readonly bool[] CrossedOver = new bool[count]; // a vehicle passed over it and across the stop line this step
        public readonly int[] LaneFirst = new int[laneCount + 1]; // detectors of lane l: ByLane[LaneFirst[l] .. LaneFirst[l + 1])
        public readonly int[] ByLane = new int[count];
    }

    /// <summary>
    /// A vehicle leaving its lane across the stop line this step: the loops of the lane its body
    /// passed over since the last step (a stop-bar loop at the line would otherwise never see a
    /// vehicle that does not stop, as it is on the next link when the loops are read).
    /// </summary>
    private void NoteCrossingOverLoops(int lane, int slot)
    {
        var z = _detectorZones;
        var rear = _previousPosM[slot] - _lengthM[slot];
        for (var i = z.LaneFirst[lane]; i < z.LaneFirst[lane + 1]; i++)
        {
            var d = z.ByLane[i];
            if (rear < z.EndM[d]) z.CrossedOver[d] = true;
        }
    }

    private void UpdateDetectors()
    {
        var z = _detectorZones;
        for (var d = 0; d < z.Lane.Length; d++)
        {
            var lane = z.Lane[d];
            var occupied = z.CrossedOver[d];
            z.CrossedOver[d] = false;
            var n = occupied ? 0 : _laneCount[lane];
            for (var k = 0; k < n; k++)
            {
                var slot = SlotAt(lane, k);
                if (_posM[slot] < z.StartM[d]) break;            // this one and all behind are upstream
                // Its body over the zone at any time of the step: a car at 50 km/h moves 6.9 m in a
                // 0.5 s step, more than its length and a 2 m loop, and would pass unseen between
                // two looks at where it is.
                if (_previousPosM[slot] - _lengthM[slot] < z.EndM[d]) // rear not past the zone before the move
                {
                    occupied = true;
                    break;
                }
            }
            if (occupied == z.Occupied[d]) continue;
            z.Occupied[d] = occupied;
            Recorder.RecordDetector(new DetectorEvent(NowTicks, d, occupied));
        }
    }

    private DetectorZones BuildDetectorZones()
    {
        var intersections = _m.Scenario.Intersections;
        var count = 0;
        foreach (var x in intersections) count += x.Detectors.Count;
        var z = new DetectorZones(count, _laneCount.Length);
        var d = 0;
        foreach (var x in intersections)
        {
            foreach (var spec in x.Detectors)
            {
                var link = Array.IndexOf(_m.LinkIds, spec.Link);
                z.Lane[d] = _m.LinkFirstLane[link] + spec.Lane;
                z.EndM[d] = _m.LinkLengthM[link] - spec.PositionM;
                z.StartM[d] = z.EndM[d] - spec.LengthM;
                d++;
            }
        }
        // Index by lane (counting sort, keeping the scenario's order within a lane).
        for (var k = 0; k < count; k++) z.LaneFirst[z.Lane[k] + 1]++;
        for (var l = 0; l < _laneCount.Length; l++) z.LaneFirst[l + 1] += z.LaneFirst[l];
        var fill = new int[_laneCount.Length];
        for (var k = 0; k < count; k++) z.ByLane[z.LaneFirst[z.Lane[k]] + fill[z.Lane[k]]++] = k;
        return z;
    }
}
