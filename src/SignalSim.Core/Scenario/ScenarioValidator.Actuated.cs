// Checks of a plan's control type and actuated settings: passage times in whole milliseconds,
// coordinated groups that exist and have a window, per-group settings on known groups, and no
// group left that nothing could ever call.
using SignalSim.Core.Signals;

namespace SignalSim.Core.Scenario;

public sealed partial class ScenarioValidator
{
    private void CheckControl(IntersectionSpec x, string pp, string name, PlanSpec plan, Dictionary<string, SignalGroupSpec> groups)
    {
        if (plan.Control != ControlType.Actuated)
        {
            if (plan.Actuated is not null)
                Error($"{pp}.actuated", $"plan '{name}' has actuated settings but its control is fixed-time; set \"control\": \"actuated\" or remove \"actuated\"");
            return;
        }
        var a = plan.Actuated ?? new ActuatedSpec();
        var ap = $"{pp}.actuated";
        CheckPassage(a.PassageTimeS, $"{ap}.passage_time_s");
        var coordinated = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < a.CoordinatedGroups.Count; i++)
        {
            var id = a.CoordinatedGroups[i];
            var cp = $"{ap}.coordinated_groups[{i}]";
            if (!groups.ContainsKey(id)) Error(cp, $"unknown signal group '{id}' in intersection '{x.Id}'; known groups: {Known(groups.Keys)}");
            else if (!coordinated.Add(id)) Error(cp, $"group '{id}' is listed twice");
            else if (!plan.Greens.ContainsKey(id)) Error(cp, $"coordinated group '{id}' has no green window in plan '{name}'; give it one or leave it out");
        }
        foreach (var (id, g) in a.Groups)
        {
            var gp = JsonLocationIndex.Child($"{ap}.groups", id);
            if (!groups.TryGetValue(id, out var group)) { Error(gp, $"unknown signal group '{id}' in intersection '{x.Id}'; known groups: {Known(groups.Keys)}"); continue; }
            if (g.PassageTimeS is { } passage) CheckPassage(passage, $"{gp}.passage_time_s");
            var detectors = ControlTypes.DetectorsCalling(x, id, 0).Length;
            var crossings = x.Crossings.Count(c => c.Group == id);
            if (g.Recall == RecallMode.Pedestrian && crossings == 0)
                Error($"{gp}.recall", $"recall pedestrian needs a crossing controlled by group '{id}' (kind {group.Kind.ToString().ToLowerInvariant()}); use minimum or maximum");
            if (g.Recall == RecallMode.None && detectors == 0 && crossings == 0 && !coordinated.Contains(id))
                Error($"{gp}.recall", $"group '{id}' has recall none but no detector on its movements' lanes and no crossing, so nothing would ever call it; add a detector to the intersection's \"detectors\" or use recall minimum or maximum");
        }
    }

    // The range itself is checked with every other field's (PhysicalRange).
    private void CheckPassage(double passageS, string path)
    {
        if (!SimTime.IsWholeTicks(passageS)) Error(path, "passage_time_s must be a whole number of milliseconds");
    }
}
