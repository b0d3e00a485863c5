// Checks of what the controller event log reads from an intersection: phase numbers of its
// signal groups and its detectors (on one of its approaches, within the link, unique channels).
namespace SignalSim.Core.Scenario;

public sealed partial class ScenarioValidator
{
    private const int MaxEventParameter = 255; // the log's event parameter is one byte

    private void CheckEventLogFields(IntersectionSpec x, string p)
    {
        var phases = new Dictionary<int, string>();
        for (var i = 0; i < x.SignalGroups.Count; i++)
        {
            if (x.SignalGroups[i].Phase is not { } phase) continue;
            var gp = $"{p}.signal_groups[{i}].phase";
            if (phase < 1 || phase > MaxEventParameter) Error(gp, $"phase {phase} is out of range; use 1 to {MaxEventParameter}");
            else if (!phases.TryAdd(phase, x.SignalGroups[i].Id)) Error(gp, $"phase {phase} is already the phase of group '{phases[phase]}' in intersection '{x.Id}'; give each group its own number");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var channels = new Dictionary<int, string>();
        for (var i = 0; i < x.Detectors.Count; i++)
        {
            var d = x.Detectors[i];
            var dp = $"{p}.detectors[{i}]";
            if (!ids.Add(d.Id)) Error($"{dp}.id", $"detector '{d.Id}' is listed twice in intersection '{x.Id}'");
            if (d.Channel < 1 || d.Channel > MaxEventParameter) Error($"{dp}.channel", $"channel {d.Channel} is out of range; use 1 to {MaxEventParameter}");
            else if (!channels.TryAdd(d.Channel, d.Id)) Error($"{dp}.channel", $"channel {d.Channel} is already detector '{channels[d.Channel]}''s; give each detector its own channel");
            if (!_links.TryGetValue(d.Link, out var link)) { Error($"{dp}.link", $"unknown link '{d.Link}'"); continue; }
            if (link.To != x.Id) { Error($"{dp}.link", $"link '{d.Link}' does not end at intersection '{x.Id}'; a detector is on one of the intersection's approaches"); continue; }
            if (d.Lane < 0 || d.Lane >= link.Lanes) Error($"{dp}.lane", $"lane {d.Lane} does not exist on link '{d.Link}' ({link.Lanes} lane(s), 0 = rightmost)");
            if (d.LengthM <= 0) Error($"{dp}.length_m", "length_m must be more than 0 (a loop is typically 2 m long)");
            if (d.PositionM < 0 || d.PositionM + d.LengthM > link.LengthM)
                Error($"{dp}.position_m", $"the detector ({d.PositionM} m from the stop line, {d.LengthM} m long) must lie within link '{d.Link}' ({link.LengthM} m)");
        }
    }
}
