// What the controllers sense: detector occupancy, the very array the detector stage
// (Simulation.Detectors.cs) updates, and, per crossing, whether a pedestrian waits there (a
// pressed push button), refreshed in place before they update. No allocation after construction.
using SignalSim.Core.Signals;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    private readonly ControllerInputs _controllerInputs;

    private ControllerInputs CreateControllerInputs()
    {
        _detectorZones = BuildDetectorZones();
        return new ControllerInputs(_detectorZones.Occupied, _m.Crossings.Length);
    }

    private void RefreshControllerInputs()
    {
        var waiting = _controllerInputs.PedestrianWaiting;
        Array.Clear(waiting);
        var streams = _pedestrians;
        for (var s = 0; s < streams.Length; s++)
        {
            if (streams[s].WaitingCount > 0) waiting[streams[s].Crossing] = true;
        }
    }
}
