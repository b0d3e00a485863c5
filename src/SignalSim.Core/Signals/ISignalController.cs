// What the simulation asks of the controller of one intersection, whatever its control type:
// advance to a time and publish the group states, take priority requests, their refreshed
// arrival estimates and check-outs. The step loop makes one call per intersection per step.
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Signals;

public interface ISignalController
{
    ControllerDefinition Definition { get; }

    /// <summary>The scheduled plan, with its control program (fixed-time or actuated).</summary>
    FixedTimePlan CurrentPlan { get; }

    int PendingRequests { get; }

    int PendingVehicle(int i);

    bool TryGetEstimate(int vehicleId, out long etaTicks);

    bool PlanChangeInProgress { get; }

    long OffsetDeviationTicks { get; }

    void Reset(long simTicks);

    /// <summary>Advances to a simulation time, reading the detectors and push buttons, and writes each group's state.</summary>
    void Update(long simTicks, SignalState[] groupStates, ControllerInputs inputs, Engine.SimulationRecorder log);

    void Request(long simTicks, int vehicleId, int line, int globalGroup, TravelMode mode, long etaTicks, double latenessS, bool forwarded, Engine.SimulationRecorder log);

    void UpdateEstimate(int vehicleId, long etaTicks);

    void CheckOut(long simTicks, int vehicleId, Engine.SimulationRecorder log);
}
