// One line of preemptions.csv: a tram preemption from its request to the intersection back on
// its plan's offset — when the tram group turned green, when the tram passed, when the plan
// resumed and when the recovery had brought the offset back.
namespace SignalSim.Core.Metrics;

/// <param name="VehicleId">The tram whose check-in began the preemption (later trams of the group may join its dwell).</param>
/// <param name="EtaTicks">Its estimated arrival at the stop line when it checked in.</param>
/// <param name="EntryTicks">The soonest the tram group could turn green safely, from the states at the request (the entry and track clearance).</param>
/// <param name="InTime">The request was made in time: that entry ends no later than the estimated arrival.</param>
/// <param name="TramGreenTicks">When the tram group turned green (-1: it never did).</param>
/// <param name="ExitTicks">When the dwell ended (the last tram passed, or the maximum dwell was reached).</param>
/// <param name="ResumedTicks">When the plan took over again.</param>
/// <param name="RecoveredTicks">When the intersection was back on its plan's offset (-1: not by the end of the run).</param>
/// <param name="RecoveryCycles">Cycles of the coordinated plan (on the centre clock) begun between the resumption and the recovery.</param>
public readonly record struct PreemptionRecord(
    int Intersection,
    int VehicleId,
    int Line,
    long RequestTicks,
    long EtaTicks,
    long EntryTicks,
    bool InTime,
    long TramGreenTicks,
    long ExitTicks,
    long ResumedTicks,
    long RecoveredTicks,
    int RecoveryCycles,
    bool MaxDwellReached);
