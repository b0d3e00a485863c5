// What an optimisation is asked to do, and what it found.
using SignalSim.Analysis.Replications;
using SignalSim.Analysis.Statistics;
using SignalSim.Core.Scenario;

namespace SignalSim.Analysis.Optimisation;

/// <param name="Scenario">The scenario with its strategies, as loaded.</param>
/// <param name="StrategyId">The strategy to start from ('base' for a scenario without strategies).</param>
/// <param name="SearchReplications">Replications each candidate runs during the search (common random numbers).</param>
/// <param name="EvaluationReplications">Fresh replications on which the result is checked against the start.</param>
/// <param name="BaseSeed">Seed the search and evaluation seeds derive from (they never coincide).</param>
/// <param name="VaryCycle">Search the common cycle between MinCycleS and MaxCycleS; otherwise keep the starting one.</param>
/// <param name="VarySplits">Also move green time between the stages of each intersection.</param>
public sealed record OptimisationRequest(
    ScenarioFile Scenario,
    string StrategyId,
    Objective Objective,
    int SearchReplications,
    int EvaluationReplications,
    ulong BaseSeed,
    double? DurationS,
    int Threads,
    bool VaryCycle,
    double MinCycleS,
    double MaxCycleS,
    bool VarySplits)
{
    public const double DefaultMinCycleS = 40;
    public const double DefaultMaxCycleS = ScenarioValidator.MaxCycleS;

    /// <summary>
    /// The options that decide which batches the search runs, in words (not the threads, which
    /// change nothing in the figures): the shards of one search must agree on them.
    /// </summary>
    public string SearchWords(int? frontPoints) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"strategy '{StrategyId}', objective {Objective.Word()}{(frontPoints is { } n ? $" with {n} front points" : "")}, {SearchReplications} search and {EvaluationReplications} evaluation replications, ")
        + string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"duration {(DurationS is { } d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " s" : "the scenario's")}, cycle {(VaryCycle ? $"{MinCycleS:R}–{MaxCycleS:R} s" : "kept")}, splits {(VarySplits ? "searched" : "kept")}");
}

/// <summary>One evaluated candidate of the search, for search.csv.</summary>
/// <param name="ObjectiveValue">Mean over the search replications; null when the candidate broke a rule (minimum green, intergreen) or did not finish.</param>
/// <param name="Accepted">The candidate became the best so far.</param>
public sealed record SearchStep(int Evaluation, string Phase, string Change, double CycleS, IReadOnlyList<double> OffsetsS, double? ObjectiveValue, bool Accepted);

/// <param name="Optimised">The best timings as a strategy the scenario can include.</param>
/// <param name="StartPlans">Cycle and offset of each intersection's plan in force at the start of measurement under the start.</param>
/// <param name="StartObjective">Mean objective of the start on the search replications.</param>
/// <param name="BestObjective">Mean objective of the best timings on the search replications.</param>
/// <param name="Evaluation">Start (baseline) and optimised strategy on fresh seeds; null if the search was interrupted.</param>
/// <param name="Gain">Optimised minus start, objective per replication on the fresh seeds; negative is a gain.</param>
public sealed record OptimisationResult(
    StrategySpec Start,
    StrategySpec Optimised,
    IReadOnlyList<string> IntersectionIds,
    IReadOnlyList<(double CycleS, double OffsetS)> StartPlans,
    double StartObjective,
    double BestObjective,
    IReadOnlyList<SearchStep> Trace,
    ReplicationResults? Evaluation,
    PairedDifference? Gain,
    bool Cancelled);
