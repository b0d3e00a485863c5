// The strategies a study runs: each one's id, description and the scenario it runs (the base
// scenario with the strategy's overlay applied). A scenario without strategies is studied as a
// single strategy named 'base', which is then its own baseline.
using SignalSim.Core.Scenario;

namespace SignalSim.Analysis.Replications;

/// <param name="Scenario">The applied scenario, with its own strategies list emptied.</param>
public sealed record StrategyRun(string Id, string? Description, bool IsBaseline, ScenarioFile Scenario)
{
    public const string BaseId = "base";

    /// <summary>
    /// The strategies to run, in the scenario's order: all of them, or the named ones plus the
    /// baseline (added when not named, since every difference is taken against it).
    /// </summary>
    /// <exception cref="StudyInputException">A name matches no strategy.</exception>
    public static IReadOnlyList<StrategyRun> Select(ScenarioFile scenario, IReadOnlyCollection<string>? names)
    {
        var baseScenario = scenario with { Strategies = [] };
        if (scenario.Strategies.Count == 0)
        {
            if (names is { Count: > 0 } && names.Any(n => n != BaseId))
            {
                throw new StudyInputException(
                    $"unknown strategy {Quote(names.First(n => n != BaseId))}: the scenario defines no strategies, so the only one is '{BaseId}' (the scenario as it is); add \"strategies\" to the scenario to compare others");
            }
            return [new StrategyRun(BaseId, "the scenario as it is (it defines no strategies)", true, baseScenario)];
        }
        var known = scenario.Strategies.Select(s => s.Id).ToList();
        if (names is { Count: > 0 })
        {
            var unknown = names.Where(n => !known.Contains(n, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                var plural = unknown.Count > 1 ? "strategies" : "strategy";
                throw new StudyInputException($"unknown {plural} {string.Join(", ", unknown.Select(Quote))}; the scenario defines {string.Join(", ", known.Select(Quote))}");
            }
        }
        var baseline = StrategyOverlay.Baseline(scenario)
            ?? throw new StudyInputException("no strategy is marked as the baseline; add \"baseline\": true to the one the others are compared with");
        return scenario.Strategies
            .Where(s => names is not { Count: > 0 } || s.Baseline || names.Contains(s.Id))
            .Select(s => new StrategyRun(s.Id, s.Description?.Text(LocalizedText.English), s == baseline, StrategyOverlay.Apply(baseScenario, s)))
            .ToList();
    }

    private static string Quote(string id) => $"'{id}'";
}
