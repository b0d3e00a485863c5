// Checks of an intersection's tram preemption: a tram group that exists, tram priority to check
// the tram in, and a track clearance naming known groups that do not conflict with one another.
namespace SignalSim.Core.Scenario;

public sealed partial class ScenarioValidator
{
    private void CheckPreemption(IntersectionSpec x, string p, PreemptionSpec preemption, Dictionary<string, SignalGroupSpec> groups, Dictionary<(string, string), double> intergreen)
    {
        var pp = $"{p}.preemption";
        if (!groups.TryGetValue(preemption.Group, out var tram))
            Error($"{pp}.group", $"unknown signal group '{preemption.Group}' in intersection '{x.Id}'; known groups: {Known(groups.Keys)}");
        else if (tram.Kind != SignalGroupKind.Tram)
            Error($"{pp}.group", $"group '{preemption.Group}' is a {tram.Kind.ToString().ToLowerInvariant()} group; preemption serves a group of kind tram");
        if (!_centres.TryGetValue(x.Centre, out var centre)) return;
        if ((x.Priority?.Tram ?? centre.Priority?.Tram) is null)
            Error(pp, $"preemption at '{x.Id}' starts on a tram's check-in, but neither the intersection nor centre '{x.Centre}' gives tram priority; add \"priority\": {{ \"tram\": {{ \"check_in_distance_m\": 250 }} }}");
        if (preemption.Clearance is not { } clearance)
        {
            Error(pp, $"preemption at '{x.Id}' has no track clearance; add \"clearance\": {{ \"groups\": [...], \"green_s\": 6 }} naming the groups whose vehicles may stand on the tracks, so they leave before the tram comes");
            return;
        }
        var cp = $"{pp}.clearance";
        if (clearance.Groups.Count == 0)
            Error($"{cp}.groups", "the track clearance names no group; list the groups whose vehicles may stand on the tracks");
        if (!SimTime.IsWholeTicks(clearance.GreenS)) Error($"{cp}.green_s", "green_s must be a whole number of milliseconds");
        if (!SimTime.IsWholeTicks(preemption.MaxDwellS)) Error($"{pp}.max_dwell_s", "max_dwell_s must be a whole number of milliseconds");
        for (var i = 0; i < clearance.Groups.Count; i++)
        {
            var id = clearance.Groups[i];
            var gp = $"{cp}.groups[{i}]";
            if (!groups.ContainsKey(id)) { Error(gp, $"unknown signal group '{id}' in intersection '{x.Id}'; known groups: {Known(groups.Keys)}"); continue; }
            if (id == preemption.Group) { Error(gp, $"the tram group '{id}' cannot clear its own tracks; list the groups of the vehicles that cross them"); continue; }
            for (var k = 0; k < i; k++)
            {
                if (intergreen.ContainsKey((clearance.Groups[k], id)))
                    Error(gp, $"clearance groups '{clearance.Groups[k]}' and '{id}' are in conflict, so they cannot clear the tracks together; keep one of them");
            }
        }
    }
}
