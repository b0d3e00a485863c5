// Checks of each intersection's controller: groups, intergreen matrix, movements and plans.
using SignalSim.Core.Signals;

namespace SignalSim.Core.Scenario;

public sealed partial class ScenarioValidator
{
    private void CheckIntersection(IntersectionSpec x, string p)
    {
        var groups = new Dictionary<string, SignalGroupSpec>(StringComparer.Ordinal);
        if (x.SignalGroups.Count == 0) Error($"{p}.signal_groups", $"intersection '{x.Id}' has no signal group; add one per movement stream");
        for (var i = 0; i < x.SignalGroups.Count; i++)
        {
            var g = x.SignalGroups[i];
            var gp = $"{p}.signal_groups[{i}]";
            if (!Unique(groups, g.Id, g, $"{gp}.id", "signal group")) continue;
            if (g.Kind is SignalGroupKind.Vehicle or SignalGroupKind.Bus or SignalGroupKind.Cycle && g.AmberS < MinVehicleAmberS && string.IsNullOrWhiteSpace(g.AmberReason))
                Error($"{gp}.amber_s", $"amber_s is {PhysicalRangeAttribute.Number(g.AmberS)} s, below the {MinVehicleAmberS} s legal minimum for a {g.Kind.ToString().ToLowerInvariant()} group in built-up areas (green would run almost straight into red); use at least 3 s, or say why this site differs in amber_reason");
            if (!SimTime.IsWholeTicks(g.AmberS)) Error($"{gp}.amber_s", "amber_s must be a whole number of milliseconds");
            Positive(g.MinGreenS, $"{gp}.min_green_s", "the minimum green");
        }

        var intergreen = new Dictionary<(string, string), double>();
        for (var i = 0; i < x.Intergreens.Count; i++)
        {
            var ig = x.Intergreens[i];
            var ip = $"{p}.intergreens[{i}]";
            var ok = true;
            foreach (var (id, field) in new[] { (ig.From, "from"), (ig.To, "to") })
            {
                if (!groups.ContainsKey(id))
                {
                    Error($"{ip}.{field}", $"unknown signal group '{id}' in intersection '{x.Id}'; known groups: {Known(groups.Keys)}");
                    ok = false;
                }
            }
            if (!ok) continue;
            if (ig.From == ig.To) { Error($"{ip}.to", "an intergreen joins two different groups"); continue; }
            if (!intergreen.TryAdd((ig.From, ig.To), ig.IntergreenS)) { Error(ip, $"intergreen {ig.From}→{ig.To} is listed twice"); continue; }
            if (ig.IntergreenS < groups[ig.From].AmberS)
                Error($"{ip}.intergreen_s", $"intergreen {ig.From}→{ig.To} of {ig.IntergreenS} s is shorter than the amber of {ig.From} ({groups[ig.From].AmberS} s); it must cover at least the amber");
        }
        foreach (var ((from, to), _) in intergreen)
        {
            if (!intergreen.ContainsKey((to, from)))
                Error($"{p}.intergreens", $"intergreen {from}→{to} is given but {to}→{from} is not; conflicting groups need both directions");
        }

        var seenMovements = new HashSet<(string, string)>();
        for (var i = 0; i < x.Movements.Count; i++)
        {
            var m = x.Movements[i];
            var mp = $"{p}.movements[{i}]";
            if (!_links.TryGetValue(m.From, out var from)) Error($"{mp}.from", $"unknown link '{m.From}'; known links: {Known(_links.Keys)}");
            else if (from.To != x.Id) Error($"{mp}.from", $"link '{m.From}' ends at '{from.To}', not at intersection '{x.Id}'; a movement starts on a link arriving here");
            if (!_links.TryGetValue(m.To, out var to)) Error($"{mp}.to", $"unknown link '{m.To}'; known links: {Known(_links.Keys)}");
            else if (to.From != x.Id) Error($"{mp}.to", $"link '{m.To}' starts at '{to.From}', not at intersection '{x.Id}'; a movement ends on a link leaving here");
            if (!groups.ContainsKey(m.Group)) Error($"{mp}.group", $"unknown signal group '{m.Group}' in intersection '{x.Id}'; known groups: {Known(groups.Keys)}");
            if (!seenMovements.Add((m.From, m.To))) Error(mp, $"movement {m.From}→{m.To} is listed twice");
            if (m.Lanes is { } lanes && from is not null)
            {
                if (lanes.Count == 0) Error($"{mp}.lanes", "lanes is empty; omit it to allow every lane");
                for (var k = 0; k < lanes.Count; k++)
                {
                    if (lanes[k] < 0 || lanes[k] >= from.Lanes)
                        Error($"{mp}.lanes[{k}]", $"lane {lanes[k]} does not exist on link '{from.Id}' (lanes 0 to {from.Lanes - 1}, 0 = rightmost)");
                }
            }
            if (from is not null && to is not null) CheckMovementLanesAndYields(x, m, mp, from, to, intergreen);
        }

        if (x.Plans.Count == 0) Error($"{p}.plans", $"intersection '{x.Id}' has no plan; add one, e.g. \"day\": {{\"cycle_s\": 90, \"greens\": {{...}}}}");
        foreach (var (name, plan) in x.Plans)
        {
            CheckPlan(x, JsonLocationIndex.Child($"{p}.plans", name), name, plan, groups, intergreen);
            CheckControl(x, JsonLocationIndex.Child($"{p}.plans", name), name, plan, groups);
        }
        CheckCrossings(x, p, groups, intergreen);
        if (x.Preemption is { } preemption) CheckPreemption(x, p, preemption, groups, intergreen);
        if (!HasErrors) CheckPlanTransitions(x, p);
    }

    private void CheckPlan(IntersectionSpec x, string pp, string name, PlanSpec plan,
        Dictionary<string, SignalGroupSpec> groups, Dictionary<(string, string), double> intergreen)
    {
        Positive(plan.CycleS, $"{pp}.cycle_s", $"the cycle of plan '{name}'");
        if (plan.CycleS <= 0) return;
        if (plan.CycleS > MaxCycleS) Error($"{pp}.cycle_s", $"cycle of {plan.CycleS} s exceeds the {MaxCycleS} s maximum; shorten the cycle");
        if (!SimTime.IsWholeTicks(plan.CycleS) || !SimTime.IsWholeTicks(plan.OffsetS)) Error(pp, "cycle_s and offset_s must be whole numbers of milliseconds");
        var windowsOk = true;
        foreach (var (group, w) in plan.Greens)
        {
            var gp = JsonLocationIndex.Child($"{pp}.greens", group);
            if (!groups.ContainsKey(group)) { Error(gp, $"plan '{name}' gives a green to unknown group '{group}'; known groups: {Known(groups.Keys)}"); windowsOk = false; continue; }
            if (w.StartS < 0 || w.StartS >= plan.CycleS) { Error($"{gp}.start_s", $"green start {w.StartS} s lies outside the {plan.CycleS} s cycle; use 0 ≤ start_s < cycle_s"); windowsOk = false; }
            if (w.EndS <= 0 || w.EndS > plan.CycleS) { Error($"{gp}.end_s", $"green end {w.EndS} s lies outside the {plan.CycleS} s cycle; use 0 < end_s ≤ cycle_s"); windowsOk = false; }
            if (w.StartS == w.EndS || (w.StartS == 0 && w.EndS == plan.CycleS)) { Error(gp, $"group '{group}' has green all cycle or none; leave room for amber and the conflicting groups"); windowsOk = false; }
        }
        if (!windowsOk) return;

        var windows = ScenarioRules.Windows(plan);
        foreach (var (group, w) in windows)
        {
            var gp = JsonLocationIndex.Child($"{pp}.greens", group);
            var g = groups[group];
            if (w.GreenTicks < SimTime.FromSeconds(g.MinGreenS))
                Error(gp, $"group '{group}' has {SimTime.ToSeconds(w.GreenTicks)} s of green in plan '{name}', below its minimum green of {g.MinGreenS} s");
            if (w.GreenTicks + SimTime.FromSeconds(g.AmberS) > w.CycleTicks)
                Error(gp, $"green plus amber of group '{group}' is longer than the cycle");
        }
        foreach (var movement in x.Movements)
        {
            var inserted = x.Priority?.Bus?.InsertionPlan is { } insertion && x.Plans.TryGetValue(insertion, out var ip) && ip.Greens.ContainsKey(movement.Group);
            if (groups.ContainsKey(movement.Group) && !windows.ContainsKey(movement.Group) && !inserted)
                Warning(JsonLocationIndex.Child($"{pp}.greens", movement.Group), $"group '{movement.Group}' never turns green in plan '{name}', so movement {movement.From}→{movement.To} is blocked while it runs");
        }
        foreach (var ((from, to), required) in intergreen)
        {
            if (!windows.TryGetValue(from, out var a) || !windows.TryGetValue(to, out var b)) continue;
            if (Overlaps(a, b))
            {
                if (string.CompareOrdinal(from, to) < 0)
                    Error($"{pp}.greens", $"conflicting groups '{from}' and '{to}' are green together in plan '{name}'; separate their green windows");
                continue;
            }
            var gap = SimTime.Mod(b.StartTicks - a.EndTicks, a.CycleTicks);
            if (gap < SimTime.FromSeconds(required))
                Error(JsonLocationIndex.Child($"{pp}.greens", to), $"in plan '{name}', '{to}' turns green {SimTime.ToSeconds(gap)} s after '{from}' ends, less than the intergreen of {required} s; move the start of '{to}' or the end of '{from}'");
        }
    }

    private static bool Overlaps(GreenWindow a, GreenWindow b) => a.IsGreen(b.StartTicks) || b.IsGreen(a.StartTicks);

    /// <summary>
    /// Plan changes use the dwell method: the old plan runs into its cycle time 0, the controller
    /// holds that state until the new plan reaches its own cycle time 0, then runs the new plan.
    /// That is safe when every plan shows the same greens at cycle time 0 and no group is amber
    /// there (an amber must not be held).
    /// </summary>
    private void CheckPlanTransitions(IntersectionSpec x, string p)
    {
        var used = _centres[x.Centre].Periods.Select(period => period.Plan).Distinct(StringComparer.Ordinal).ToList();
        if (used.Count < 2) return;
        string? reference = null;
        string? referenceState = null;
        foreach (var name in used)
        {
            if (!x.Plans.TryGetValue(name, out var plan)) continue;
            var windows = ScenarioRules.Windows(plan);
            var cycle = SimTime.FromSeconds(plan.CycleS);
            var state = new List<string>();
            foreach (var g in x.SignalGroups)
            {
                var w = windows.TryGetValue(g.Id, out var win) ? win : GreenWindow.Never(cycle);
                var amber = SimTime.FromSeconds(g.AmberS);
                var atStart = w.StateAt(0, amber);
                if (atStart == SignalState.Amber)
                {
                    Error(JsonLocationIndex.Child($"{p}.plans", name), $"group '{g.Id}' shows amber at cycle time 0 of plan '{name}', but plan changes hold the cycle-time-0 state; end its green earlier so it is red at cycle time 0");
                    return;
                }
                if (atStart == SignalState.Green) state.Add(g.Id);
            }
            var key = string.Join(",", state);
            if (reference is null) { reference = name; referenceState = key; }
            else if (key != referenceState)
                Error(JsonLocationIndex.Child($"{p}.plans", name), $"plans '{reference}' and '{name}' show different greens at cycle time 0 ({referenceState} vs {key}); plan changes hold that state, so every plan must start with the same groups green");
        }
    }

    private void CheckCentrePlans()
    {
        // A plan no intersection of the centre defines is most likely misspelt in the schedule:
        // say so once, at the period; otherwise name each intersection that lacks it.
        var undefined = new HashSet<(string Centre, string Plan)>();
        for (var c = 0; c < _s.Centres.Count; c++)
        {
            var centre = _s.Centres[c];
            var members = _s.Intersections.Where(x => x.Centre == centre.Id).ToList();
            for (var k = 0; k < centre.Periods.Count; k++)
            {
                var plan = centre.Periods[k].Plan;
                if (members.Count == 0 || members.Any(x => x.Plans.ContainsKey(plan)) || !undefined.Add((centre.Id, plan))) continue;
                var known = members.SelectMany(x => x.Plans.Keys).Distinct(StringComparer.Ordinal);
                Error($"$.centres[{c}].periods[{k}].plan", $"centre '{centre.Id}' runs plan '{plan}', which none of its intersections defines; check the spelling (plans defined: {Known(known)})");
            }
        }
        for (var i = 0; i < _s.Intersections.Count; i++)
        {
            var x = _s.Intersections[i];
            if (!_centres.TryGetValue(x.Centre, out var centre)) continue;
            foreach (var plan in centre.Periods.Select(period => period.Plan).Distinct(StringComparer.Ordinal))
            {
                if (!x.Plans.ContainsKey(plan) && !undefined.Contains((centre.Id, plan)))
                    Error($"$.intersections[{i}].plans", $"centre '{centre.Id}' runs plan '{plan}' but intersection '{x.Id}' does not define it; add \"{plan}\" to its plans or change the centre's periods");
            }
        }
    }
}
