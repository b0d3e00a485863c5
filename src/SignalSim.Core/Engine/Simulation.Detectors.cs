// Detectors: a loop is on while any vehicle's body overlaps its zone on the lane. Actuated plans
// read the occupancy (Simulation.ControllerInputs.cs) and the controller event log records each
// change. Reads only the lane ring buffers (front first, so the scan stops at the first vehicle
// upstream of the zone); its state is built once, with the simulation, and never grows.
using SignalSim.Core.Metrics;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    private DetectorZones _detectorZones = null!; // built with the controller inputs, before the first step

    private sealed class DetectorZones(int count)
    {
        public readonly int[] Lane = new int[count];
        public readonly double[] StartM = new double[count];  // upstream edge, from the lane start
        public readonly double[] EndM = new double[count];    // downstream edge
        public readonly bool[] Occupied = new bool[count];
    }

    private void UpdateDetectors()
    {
        var z = _detectorZones;
        for (var d = 0; d < z.Lane.Length; d++)
        {
            var lane = z.Lane[d];
            var occupied = false;
            var n = _laneCount[lane];
            for (var k = 0; k < n; k++)
            {
                var slot = SlotAt(lane, k);
                if (_posM[slot] < z.StartM[d]) break;            // this one and all behind are upstream
                if (_posM[slot] - _lengthM[slot] < z.EndM[d])     // rear not yet past the zone
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
        var z = new DetectorZones(count);
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
        return z;
    }
}
