// The outcome of one run: the model it ran, what was recorded, and the state left at the end.
using SignalSim.Core.Model;

namespace SignalSim.Core.Engine;

public sealed record SimulationResult(
    SimulationModel Model,
    SimulationRecorder Records,
    long EndTicks,
    int VehiclesInNetworkAtEnd,
    int VehiclesWaitingAtEntriesAtEnd,
    int VehiclesEntered,
    DrivingCounters? Driving = null);
