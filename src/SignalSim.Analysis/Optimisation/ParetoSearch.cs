// `optimize --objective pareto`: the front between bus and tram passengers' and car occupants'
// person-delay. Each point minimises a weighted sum of the two, each relative to the start's
// figure, with the same search as a single objective (Optimiser), from the same start and on the
// same search seeds, so the candidates already run for one weight serve the others. Weighted sums
// find the convex part of the front, which is what a committee choosing a balance reads; a point
// that another one or the start dominates (no worse on both, better on one) is not on it. The
// start and the points of the front are then run together on fresh seeds, common random numbers
// again, and a point dominated there is left off the front as well: it only looked efficient on
// the search's seeds.
using System.Globalization;
using SignalSim.Analysis.Replications;
using SignalSim.Core.Scenario;

namespace SignalSim.Analysis.Optimisation;

/// <param name="Strategy">The point's timings as a strategy the scenario can include.</param>
/// <param name="TransitWeights">The weights on public-transport person-delay that found these timings.</param>
/// <param name="Search">Means over the search replications.</param>
/// <param name="Fresh">Means over the fresh replications; null if the point was not checked (off the front, or interrupted).</param>
/// <param name="OnFront">Dominated neither by another point nor by the start, on the search seeds and on the fresh ones.</param>
public sealed record ParetoPoint(StrategySpec Strategy, IReadOnlyList<double> TransitWeights, CandidateMeans Search, CandidateMeans? Fresh, bool OnFront);

/// <param name="Evaluation">The start and the points of the search front on fresh seeds; null if the search was interrupted.</param>
public sealed record ParetoResult(
    StrategySpec Start,
    CandidateMeans StartSearch,
    CandidateMeans? StartFresh,
    IReadOnlyList<ParetoPoint> Points,
    IReadOnlyList<string> IntersectionIds,
    IReadOnlyList<SearchStep> Trace,
    ReplicationResults? Evaluation,
    bool Cancelled)
{
    /// <summary>The points of the front, in increasing weight on public transport.</summary>
    public IReadOnlyList<ParetoPoint> Front => Points.Where(p => p.OnFront).ToList();
}

public sealed class ParetoSearch
{
    public const int DefaultPoints = 5;
    public const int MinPoints = 2, MaxPoints = 11;

    private readonly OptimisationRequest _r;
    private readonly int _points;
    private readonly Optimiser _first; // checks the request and runs the start
    private readonly Dictionary<string, CandidateMeans?> _cache = [];
    private readonly IBatchRunner _batches;

    /// <summary>Checks the request; throws StudyInputException with a message for the user.</summary>
    /// <param name="batches">Runs each batch (default: all here); one runner for every weighting, so a sharded search numbers its batches across them.</param>
    public ParetoSearch(OptimisationRequest request, int points, IBatchRunner? batches = null)
    {
        _batches = batches ?? LocalBatchRunner.Instance;
        if (points is < MinPoints or > MaxPoints)
            throw new StudyInputException($"--front-points {points} is out of range; give {MinPoints} to {MaxPoints} ({DefaultPoints} is usual)");
        if (!HasMode(request.Scenario, TravelMode.Car) || !(HasMode(request.Scenario, TravelMode.Bus) || HasMode(request.Scenario, TravelMode.Tram)))
            throw new StudyInputException("the pareto objective needs cars and buses or trams in the scenario: it searches the front between their person-delays; use --objective person-delay");
        _r = request;
        _points = points;
        _first = new Optimiser(request, new ParetoWeighting(0, 1, 1), _cache, _batches);
    }

    /// <summary>Weights on public transport, from 0 (cars alone) to 1 (public transport alone).</summary>
    public IReadOnlyList<double> Weights => Enumerable.Range(0, _points).Select(k => Math.Round(k / (double)(_points - 1), 4)).ToList();

    /// <summary>Runs the search will make at most (candidates shared between weights count once they are known), fresh seeds included.</summary>
    public int PlannedRuns => _r.SearchReplications + _points * _first.PlannedSearchRuns + (_points + 1) * _r.EvaluationReplications;

    /// <param name="progress">Stage name and runs done over all stages; called from worker threads.</param>
    public ParetoResult Run(Action<string, RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var done = 0;
        var total = PlannedRuns;
        Action<string, RunProgress> Offset(string prefix, int at) =>
            (stage, p) => progress?.Invoke($"{prefix}{stage}", new RunProgress(Math.Min(total, at + p.Done), total, clock.Elapsed));

        var start = _first.EvaluateStart(Offset("", 0), cancellation);
        done += _r.SearchReplications;
        if (start is null) return Interrupted(null, [], []);
        if (start.TransitPersonDelayH <= 0 || start.CarPersonDelayH <= 0)
            throw new StudyInputException($"the start '{_r.StrategyId}' has no {(start.CarPersonDelayH <= 0 ? "car" : "bus or tram")} delay to trade: the pareto objective needs both; use --objective person-delay");

        var found = new List<(double Weight, OptimisationResult Result, CandidateMeans Means)>();
        var trace = new List<SearchStep>();
        foreach (var w in Weights)
        {
            var optimiser = new Optimiser(_r, new ParetoWeighting(w, start.TransitPersonDelayH, start.CarPersonDelayH), _cache, _batches);
            var prefix = string.Create(CultureInfo.InvariantCulture, $"weight {w:0.##}: ");
            var result = optimiser.Run(Offset(prefix, done), cancellation, checkOnFreshSeeds: false);
            done += optimiser.PlannedSearchRuns;
            foreach (var step in result.Trace) trace.Add(step with { Evaluation = trace.Count + 1, Phase = prefix + step.Phase });
            if (result.Cancelled || optimiser.BestMeans is null) return Interrupted(start, found, trace);
            found.Add((w, result, optimiser.BestMeans));
        }

        var points = Distinct(found);
        // The start competes too: a point it dominates is no better a balance than today's timings.
        var searchFront = NonDominated([start, .. points.Select(p => p.Search)]);
        var checkedPoints = points.Where((_, i) => searchFront[i + 1]).ToList();
        var evaluation = EvaluateOnFreshSeeds(checkedPoints, Offset("", done), cancellation);
        var startFresh = FreshMeans(evaluation, 0);
        var fresh = checkedPoints.Select((_, i) => FreshMeans(evaluation, i + 1)).ToList();
        var freshFront = evaluation.Cancelled ? new bool[checkedPoints.Count + 1] : NonDominated([startFresh!, .. fresh.Select(m => m!)]);
        var result2 = new List<ParetoPoint>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var k = checkedPoints.IndexOf(points[i]);
            result2.Add(k < 0 ? points[i] with { OnFront = false } : points[i] with { Fresh = fresh[k], OnFront = freshFront[k + 1] });
        }
        return new ParetoResult(StartStrategy(), start, startFresh, result2, IntersectionIds(found), trace, evaluation, evaluation.Cancelled);
    }

    private ParetoResult Interrupted(CandidateMeans? start, List<(double Weight, OptimisationResult Result, CandidateMeans Means)> found, List<SearchStep> trace) =>
        new(StartStrategy(), start ?? new CandidateMeans(double.NaN, double.NaN, double.NaN, double.NaN), null,
            Distinct(found).Select(p => p with { OnFront = false }).ToList(), IntersectionIds(found), trace, null, true);

    private StrategySpec StartStrategy() =>
        _r.Scenario.Strategies.FirstOrDefault(s => s.Id == _r.StrategyId) ?? new StrategySpec { Id = StrategyRun.BaseId, Baseline = true, Description = "the scenario as it is" };

    private static IReadOnlyList<string> IntersectionIds(List<(double Weight, OptimisationResult Result, CandidateMeans Means)> found) =>
        found.Count > 0 ? found[0].Result.IntersectionIds : [];

    /// <summary>One point per distinct timings (several weights may find the same), named in increasing weight.</summary>
    private List<ParetoPoint> Distinct(List<(double Weight, OptimisationResult Result, CandidateMeans Means)> found)
    {
        var byTimings = new Dictionary<string, int>(StringComparer.Ordinal);
        var points = new List<(List<double> Weights, StrategySpec Timings, CandidateMeans Means)>();
        foreach (var (w, result, means) in found)
        {
            var key = OptimisationOutput.StrategyJsonText(result.Optimised with { Id = "", Description = null });
            if (byTimings.TryGetValue(key, out var at)) { points[at].Weights.Add(w); continue; }
            byTimings[key] = points.Count;
            points.Add(([w], result.Optimised, means));
        }
        return points.Select((p, k) => new ParetoPoint(Named(p.Timings, k + 1, p.Weights), p.Weights, p.Means, null, true)).ToList();
    }

    private StrategySpec Named(StrategySpec timings, int number, IReadOnlyList<double> weights)
    {
        var c = CultureInfo.InvariantCulture;
        var w = weights[0];
        var plans = timings.Description?.Text(LocalizedText.English) is { } d && d.IndexOf(": ", StringComparison.Ordinal) is var at and > 0
            ? d[(at + 2)..d.IndexOf(';', at)] : "";
        var en = string.Create(c, $"Point {number} of the front between bus and tram passengers' and car occupants' person-delay, from '{_r.StrategyId}': weight {w:0.##} on public transport and {1 - w:0.##} on cars, each relative to the start's ({plans}).");
        // French decimals take a comma (the process runs culture-invariant).
        string Fr(double x) => x.ToString("0.##", c).Replace('.', ',');
        var plansFr = System.Text.RegularExpressions.Regex.Replace(plans.Replace("common cycle", "cycle commun", StringComparison.Ordinal).Replace("offsets", "décalages", StringComparison.Ordinal), @"(\d)\.(\d)", "$1,$2");
        var frText = $"Point {number} du front entre le retard des voyageurs des bus et tramways et celui des occupants des voitures, depuis « {_r.StrategyId} » : poids {Fr(w)} sur les transports publics et {Fr(1 - w)} sur les voitures, chacun rapporté à celui du départ ({plansFr}).";
        return timings with { Id = $"{_r.StrategyId}-pareto-{number}", Description = LocalizedText.Of(frText, en), Baseline = false };
    }

    /// <summary>For each point, whether no other point dominates it.</summary>
    public static bool[] NonDominated(IReadOnlyList<CandidateMeans> points)
    {
        var front = new bool[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            front[i] = true;
            for (var j = 0; j < points.Count && front[i]; j++)
            {
                if (j != i && points[j].Dominates(points[i])) front[i] = false;
            }
        }
        return front;
    }

    private ReplicationResults EvaluateOnFreshSeeds(List<ParetoPoint> points, Action<string, RunProgress> progress, CancellationToken cancellation)
    {
        var baseScenario = _first.BaseScenario;
        var start = StartStrategy();
        var strategies = new List<StrategyRun> { new(start.Id, start.Description?.Text(LocalizedText.English), true, StrategyOverlay.Apply(baseScenario, start)) };
        foreach (var p in points) strategies.Add(new StrategyRun(p.Strategy.Id, p.Strategy.Description?.Text(LocalizedText.English), false, StrategyOverlay.Apply(baseScenario, p.Strategy)));
        var request = new ReplicationRequest(strategies, ReplicationSeeds.Seeds(_r.BaseSeed, _r.EvaluationReplications, SeedStream.Evaluation), _r.DurationS, _r.Threads);
        return _batches.Run(request, p => progress("evaluation on fresh seeds", p), cancellation);
    }

    private static CandidateMeans? FreshMeans(ReplicationResults evaluation, int strategy)
    {
        var runs = new List<Metrics.RunMetrics>();
        for (var k = 0; k < evaluation.Seeds.Count; k++)
        {
            // Only replications every strategy finished: the comparison stays paired.
            var all = true;
            for (var s = 0; s < evaluation.Strategies.Count; s++) all &= evaluation.Metrics(s, k) is not null;
            if (all) runs.Add(evaluation.Metrics(strategy, k)!);
        }
        return runs.Count > 0 ? CandidateMeans.Of(runs) : null;
    }

    private static bool HasMode(ScenarioFile s, TravelMode mode)
    {
        var classes = VehicleClassDefaults.Resolve(s.VehicleClasses);
        bool Is(string id) => classes.FirstOrDefault(c => c.Id == id)?.Mode == mode;
        return s.Demand.Any(d => Is(d.VehicleClass)) || s.Lines.Any(l => Is(l.VehicleClass));
    }
}
