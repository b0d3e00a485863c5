// What controllers sense at a step: each detector's occupancy (every intersection's detectors,
// numbered in scenario order) and whether a pedestrian waits at each crossing (a pressed push
// button). In a simulation the occupancy array is the detector stage's own (shared, not copied);
// the crossings' array is refreshed in place before the controllers update.
namespace SignalSim.Core.Signals;

public sealed class ControllerInputs
{
    /// <summary>Inputs with arrays of their own, set by the caller (tests, benchmarks).</summary>
    public ControllerInputs(int detectorCount, int crossingCount) : this(new bool[detectorCount], crossingCount)
    {
    }

    /// <summary>Inputs reading <paramref name="detectorOccupied"/>, an array another stage keeps up to date.</summary>
    public ControllerInputs(bool[] detectorOccupied, int crossingCount)
    {
        DetectorOccupied = detectorOccupied;
        PedestrianWaiting = new bool[crossingCount];
    }

    public bool[] DetectorOccupied { get; }

    public bool[] PedestrianWaiting { get; }
}
