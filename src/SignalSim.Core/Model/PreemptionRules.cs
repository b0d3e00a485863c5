// Tram preemption of one intersection, resolved from the scenario into local group indices and ticks.
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Model;

/// <param name="TramGroup">Local index of the tram group served absolutely.</param>
/// <param name="Clearance">Per local group: given the track-clearance green.</param>
public sealed record PreemptionRules(
    int TramGroup,
    bool[] Clearance,
    long ClearanceGreenTicks,
    long MaxDwellTicks,
    PreemptionRecovery Recovery,
    int RecoveryCycles);
