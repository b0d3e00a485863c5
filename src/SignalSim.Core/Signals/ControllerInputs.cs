// What controllers sense at a step: each detector's occupancy (every intersection's detectors,
// numbered in scenario order) and whether a pedestrian waits at each crossing (a pressed push
// button). The simulation refreshes the arrays in place before the controllers update.
namespace SignalSim.Core.Signals;

public sealed class ControllerInputs(int detectorCount, int crossingCount)
{
    public bool[] DetectorOccupied { get; } = new bool[detectorCount];

    public bool[] PedestrianWaiting { get; } = new bool[crossingCount];
}
