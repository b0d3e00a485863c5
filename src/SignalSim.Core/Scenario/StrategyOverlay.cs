// Applies a strategy's overlay to the base scenario, giving the scenario that strategy runs.
// Fields the overlay leaves out keep the base values; plans are added or replaced by name.
namespace SignalSim.Core.Scenario;

public static class StrategyOverlay
{
    /// <summary>The scenario as the strategy runs it (strategies themselves are kept, for reference).</summary>
    public static ScenarioFile Apply(ScenarioFile scenario, StrategySpec strategy) => scenario with
    {
        Centres = scenario.Centres.Select(c => strategy.Centres.TryGetValue(c.Id, out var o)
            ? c with
            {
                Clock = o.Clock ?? c.Clock,
                Periods = o.Periods ?? c.Periods,
                Priority = o.Priority ?? c.Priority,
                Forwarding = o.Forwarding ?? c.Forwarding,
                Transition = o.Transition ?? c.Transition,
            }
            : c).ToList(),
        Intersections = scenario.Intersections.Select(x => strategy.Intersections.TryGetValue(x.Id, out var o)
            ? x with
            {
                Plans = o.Plans is null ? x.Plans : Merge(x.Plans, o.Plans),
                Priority = o.Priority ?? x.Priority,
                Preemption = o.Preemption ?? x.Preemption,
            }
            : x).ToList(),
        GreenWaves = strategy.GreenWaves ?? scenario.GreenWaves,
        Links = strategy.Links.Count == 0 ? scenario.Links : scenario.Links.Select(l => strategy.Links.TryGetValue(l.Id, out var o)
            ? l with { LaneKinds = o.LaneKinds }
            : l).ToList(),
        Lines = strategy.Lines.Count == 0 ? scenario.Lines : MergeLines(scenario.Lines, strategy.Lines),
    };

    /// <summary>Base lines in their order, a strategy line replacing the one of its id, then the strategy's new lines.</summary>
    private static List<LineSpec> MergeLines(IReadOnlyList<LineSpec> baseLines, IReadOnlyList<LineSpec> overlay)
    {
        var byId = overlay.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var merged = baseLines.Select(l => byId.GetValueOrDefault(l.Id) ?? l).ToList();
        var baseIds = baseLines.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        merged.AddRange(overlay.Where(l => !baseIds.Contains(l.Id)));
        return merged;
    }

    public static ScenarioFile Apply(ScenarioFile scenario, string strategyId) =>
        Apply(scenario, scenario.Strategies.FirstOrDefault(s => s.Id == strategyId)
            ?? throw new ArgumentException($"unknown strategy '{strategyId}'", nameof(strategyId)));

    public static StrategySpec? Baseline(ScenarioFile scenario) => scenario.Strategies.FirstOrDefault(s => s.Baseline);

    private static Dictionary<string, PlanSpec> Merge(IReadOnlyDictionary<string, PlanSpec> basePlans, IReadOnlyDictionary<string, PlanSpec> overlay)
    {
        var merged = new Dictionary<string, PlanSpec>(basePlans, StringComparer.Ordinal);
        foreach (var (name, plan) in overlay) merged[name] = plan;
        return merged;
    }

    /// <summary>
    /// Where, in the file, a value of the applied scenario came from: a path into the strategy
    /// when the strategy set it, else the base path. Used to locate validation errors.
    /// </summary>
    public static string SourcePath(ScenarioFile scenario, int strategyIndex, string appliedPath)
    {
        var strategy = scenario.Strategies[strategyIndex];
        var prefix = $"$.strategies[{strategyIndex}]";
        if (TryIndexed(appliedPath, "$.centres[", out var c, out var rest) && c < scenario.Centres.Count
            && strategy.Centres.TryGetValue(scenario.Centres[c].Id, out var co))
        {
            var field = FirstSegment(rest);
            var overridden = field switch
            {
                "clock" => co.Clock is not null,
                "periods" => co.Periods is not null,
                "priority" => co.Priority is not null,
                "forwarding" => co.Forwarding is not null,
                "transition" => co.Transition is not null,
                _ => false,
            };
            if (overridden) return JsonLocationIndex.Child($"{prefix}.centres", scenario.Centres[c].Id) + rest;
        }
        if (TryIndexed(appliedPath, "$.intersections[", out var x, out var xrest) && x < scenario.Intersections.Count
            && strategy.Intersections.TryGetValue(scenario.Intersections[x].Id, out var xo))
        {
            var field = FirstSegment(xrest);
            var target = JsonLocationIndex.Child($"{prefix}.intersections", scenario.Intersections[x].Id);
            if (field == "priority" && xo.Priority is not null) return target + xrest;
            if (field == "preemption" && xo.Preemption is not null) return target + xrest;
            if (field == "plans" && xo.Plans is not null)
            {
                var planName = xo.Plans.Keys.FirstOrDefault(name => xrest.StartsWith(JsonLocationIndex.Child(".plans", name), StringComparison.Ordinal));
                if (planName is not null || xrest == ".plans") return target + xrest;
            }
        }
        if (appliedPath.StartsWith("$.green_waves", StringComparison.Ordinal) && strategy.GreenWaves is not null)
            return prefix + appliedPath[1..];
        if (TryIndexed(appliedPath, "$.lines[", out var li, out var lrest) && strategy.Lines.Count > 0)
        {
            // The applied lines are the base lines (some replaced) followed by the strategy's new ones.
            var applied = Apply(scenario with { Strategies = [] }, strategy).Lines;
            if (li < applied.Count)
            {
                var own = strategy.Lines.Select((l, j) => (l, j)).FirstOrDefault(t => ReferenceEquals(t.l, applied[li]));
                if (own.l is not null) return $"{prefix}.lines[{own.j}]{lrest}";
            }
        }
        if (TryIndexed(appliedPath, "$.links[", out var k, out var krest) && k < scenario.Links.Count
            && strategy.Links.ContainsKey(scenario.Links[k].Id) && FirstSegment(krest) == "lane_kinds")
            return JsonLocationIndex.Child($"{prefix}.links", scenario.Links[k].Id) + krest;
        return appliedPath;
    }

    private static bool TryIndexed(string path, string prefix, out int index, out string rest)
    {
        index = -1;
        rest = "";
        if (!path.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var close = path.IndexOf(']', prefix.Length);
        if (close < 0 || !int.TryParse(path.AsSpan(prefix.Length, close - prefix.Length), out index)) return false;
        rest = path[(close + 1)..];
        return true;
    }

    private static string FirstSegment(string rest)
    {
        if (!rest.StartsWith('.')) return "";
        var end = rest.IndexOfAny(['.', '['], 1);
        return end < 0 ? rest[1..] : rest[1..end];
    }
}
