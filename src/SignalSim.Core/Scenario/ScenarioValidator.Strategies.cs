// Checks of the strategies: unique ids, exactly one baseline, overlays naming existing centres
// and intersections, and each strategy's scenario valid in full (errors located in the strategy
// when it set the faulty value).
namespace SignalSim.Core.Scenario;

public sealed partial class ScenarioValidator
{
    private void CheckStrategies()
    {
        if (_s.Strategies.Count == 0) return;
        var ids = new Dictionary<string, StrategySpec>(StringComparer.Ordinal);
        for (var i = 0; i < _s.Strategies.Count; i++)
        {
            var st = _s.Strategies[i];
            var p = $"$.strategies[{i}]";
            Unique(ids, st.Id, st, $"{p}.id", "strategy");
            foreach (var centre in st.Centres.Keys)
            {
                if (!_centres.ContainsKey(centre)) Error(JsonLocationIndex.Child($"{p}.centres", centre), $"strategy '{st.Id}' changes unknown centre '{centre}'; known centres: {Known(_centres.Keys)}");
            }
            foreach (var x in st.Intersections.Keys)
            {
                if (!_intersections.ContainsKey(x)) Error(JsonLocationIndex.Child($"{p}.intersections", x), $"strategy '{st.Id}' changes unknown intersection '{x}'; known intersections: {Known(_intersections.Keys)}");
            }
            foreach (var (linkId, overlay) in st.Links)
            {
                var where = JsonLocationIndex.Child($"{p}.links", linkId);
                if (!_links.TryGetValue(linkId, out var link)) Error(where, $"strategy '{st.Id}' changes unknown link '{linkId}'; known links: {Known(_links.Keys)}");
                else if (overlay.LaneKinds.Count != link.Lanes) Error($"{where}.lane_kinds", $"strategy '{st.Id}' gives link '{linkId}' {overlay.LaneKinds.Count} lane kinds, but it has {link.Lanes} lane(s); give one kind per lane (a strategy changes what lanes are for, not how many there are)");
            }
            var lineIds = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < st.Lines.Count; j++)
            {
                if (!lineIds.Add(st.Lines[j].Id)) Error($"{p}.lines[{j}].id", $"strategy '{st.Id}' defines line '{st.Lines[j].Id}' twice; give each line of a strategy its own id");
            }
        }
        var baselines = _s.Strategies.Count(st => st.Baseline);
        if (baselines != 1)
            Error("$.strategies", baselines == 0
                ? "no strategy is marked as the baseline; add \"baseline\": true to the one the others are compared with (usually 'status-quo')"
                : $"{baselines} strategies are marked as the baseline; exactly one may be");
        if (HasErrors) return;

        var baseScenario = _s with { Strategies = [] };
        for (var i = 0; i < _s.Strategies.Count; i++)
        {
            var st = _s.Strategies[i];
            var applied = StrategyOverlay.Apply(baseScenario, st);
            _cancellation.ThrowIfCancellationRequested();
            foreach (var d in Validate(applied, _cancellation))
            {
                var path = StrategyOverlay.SourcePath(_s, i, d.JsonPath);
                // Warnings the base scenario already raises are not repeated for every strategy.
                if (d.Severity == DiagnosticSeverity.Warning && path == d.JsonPath) continue;
                _diagnostics.Add(d with { JsonPath = path, Message = $"in strategy '{st.Id}': {d.Message}" });
            }
        }
    }
}
