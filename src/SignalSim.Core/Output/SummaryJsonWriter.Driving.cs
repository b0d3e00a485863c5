// summary.json's "driving" section: lane changes made, mandatory changes that came too late
// (the driver reached the stop line in a lane that does not serve its movement), and the
// hard-braking diagnostic: vehicle-steps in which a driver braked harder than its class's
// max_deceleration_mps2, by cause ("signal" is the amber stop/go decision).
using System.Text.Json;
using SignalSim.Core.Engine;

namespace SignalSim.Core.Output;

public static partial class SummaryJsonWriter
{
    private static void WriteDriving(Utf8JsonWriter w, DrivingCounters? d)
    {
        w.WriteStartObject("driving");
        w.WriteStartObject("lane_changes");
        w.WriteNumber("mandatory", d?.MandatoryLaneChanges ?? 0);
        w.WriteNumber("discretionary", d?.DiscretionaryLaneChanges ?? 0);
        w.WriteNumber("link_entries_in_a_wrong_lane", d?.MandatoryLaneChangesNeeded ?? 0);
        w.WriteNumber("reached_the_line_in_a_wrong_lane", d?.MandatoryLaneChangesMissed ?? 0);
        w.WriteEndObject();
        w.WriteStartObject("hard_braking_steps");
        for (var c = 0; c < BrakingCauses.Count; c++) w.WriteNumber(BrakingCauses.Name((BrakingCause)c), d is null ? 0 : d.HardBrakingStepsByCause[c]);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
