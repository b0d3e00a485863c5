// What the controllers sense, refreshed in place before they update: detector occupancy from the
// detector stage (Simulation.Detectors.cs) and, per crossing, whether a pedestrian waits there
// (a pressed push button). No allocation after construction.
using SignalSim.Core.Signals;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    private readonly ControllerInputs _controllerInputs;

    private ControllerInputs CreateControllerInputs()
    {
        var detectors = 0;
        foreach (var x in _m.Scenario.Intersections) detectors += x.Detectors.Count;
        return new ControllerInputs(detectors, _m.Crossings.Length);
    }

    private void RefreshControllerInputs()
    {
        var inputs = _controllerInputs;
        if (inputs.DetectorOccupied.Length > 0)
        {
            var zones = _detectorZones ??= BuildDetectorZones();
            Array.Copy(zones.Occupied, inputs.DetectorOccupied, zones.Occupied.Length);
        }
        var waiting = inputs.PedestrianWaiting;
        Array.Clear(waiting);
        var streams = _pedestrians;
        for (var s = 0; s < streams.Length; s++)
        {
            if (streams[s].WaitingCount > 0) waiting[streams[s].Crossing] = true;
        }
    }
}
