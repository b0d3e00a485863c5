// Searches the common cycle, the offsets and optionally the splits of every intersection for the
// lowest objective on common random numbers, then checks the result against the start on fresh
// seeds. The search is a coordinate hill-climb, as TRANSYT's optimiser: delay as a function of
// one offset is periodic and has several local minima, so each offset is first scanned over the
// whole cycle (eighths), then refined with halving steps; a gradient-free simplex (Nelder–Mead)
// would treat offsets as unbounded and stall on the plateaus that integer-like signal timings
// produce. The number of candidates is fixed in advance, which gives the progress display a
// real "runs left". Every candidate passes the scenario validator before it runs. A Pareto
// search (ParetoSearch) runs one optimiser per weighting, sharing the candidates' figures.
using System.Globalization;
using SignalSim.Analysis.Replications;
using SignalSim.Analysis.Statistics;
using SignalSim.Core;
using SignalSim.Core.Scenario;

namespace SignalSim.Analysis.Optimisation;

public sealed class Optimiser
{
    private const int CoarseDivisions = 8;
    private static readonly int[] FineDivisions = [16, 32, 64];
    private static readonly double[] SplitSteps = [0.25, 0.10];
    private const long CycleRefineTicks = 5 * SimTime.TicksPerSecond;

    private readonly OptimisationRequest _r;
    private readonly StrategySpec _start;
    private readonly TimingSpace _space;
    private readonly ulong[] _searchSeeds;
    private readonly List<long> _cycles;
    private readonly int[] _freeOffsets;
    private readonly ParetoWeighting? _weighting;
    private readonly Dictionary<string, CandidateMeans?> _cache;
    private readonly IBatchRunner _batches;
    private readonly List<SearchStep> _trace = [];
    private int _runsDone;
    private System.Diagnostics.Stopwatch _clock = new();

    /// <summary>Checks the request; throws StudyInputException with a message for the user.</summary>
    /// <param name="weighting">For a point of a Pareto search: the weighted sum to minimise instead of the request's objective.</param>
    /// <param name="sharedCache">Figures of candidates already run on the same search seeds (by timings key), shared between the optimisers of a Pareto search.</param>
    /// <param name="batches">Runs each batch of candidates (default: all here); a sharded search shares them out between processes.</param>
    public Optimiser(OptimisationRequest request, ParetoWeighting? weighting = null, Dictionary<string, CandidateMeans?>? sharedCache = null, IBatchRunner? batches = null)
    {
        _batches = batches ?? LocalBatchRunner.Instance;
        if (request.Objective == Objective.Pareto && weighting is null)
            throw new ArgumentException("a pareto objective is searched by ParetoSearch, one weighting per optimiser", nameof(weighting));
        _r = request;
        _weighting = weighting;
        _cache = sharedCache ?? [];
        var scenario = request.Scenario;
        if (scenario.Strategies.Count == 0)
        {
            if (request.StrategyId != StrategyRun.BaseId)
                throw new StudyInputException($"unknown strategy '{request.StrategyId}': the scenario defines no strategies; use --strategy {StrategyRun.BaseId} to start from the scenario as it is");
            _start = new StrategySpec { Id = StrategyRun.BaseId, Baseline = true, Description = "the scenario as it is" };
        }
        else
        {
            _start = scenario.Strategies.FirstOrDefault(s => s.Id == request.StrategyId)
                ?? throw new StudyInputException($"unknown strategy '{request.StrategyId}'; the scenario defines {string.Join(", ", scenario.Strategies.Select(s => $"'{s.Id}'"))}");
        }
        if (request.SearchReplications < 1 || request.EvaluationReplications < 1) throw new StudyInputException("replications must be 1 or more");
        if (request.VaryCycle && (request.MinCycleS <= 0 || request.MaxCycleS > ScenarioValidator.MaxCycleS || request.MinCycleS > request.MaxCycleS))
            throw new StudyInputException($"the cycle range {request.MinCycleS:0.###}–{request.MaxCycleS:0.###} s is empty or outside 0–{ScenarioValidator.MaxCycleS:0} s; give --min-cycle below --max-cycle, at most {ScenarioValidator.MaxCycleS:0} s");

        BaseScenario = scenario with { Strategies = [] };
        _space = TimingSpace.From(BaseScenario, _start);
        _searchSeeds = ReplicationSeeds.Seeds(request.BaseSeed, request.SearchReplications);
        var start = _space.Start();
        _cycles = request.VaryCycle ? CycleCandidates(start) : [];
        // The first intersection is the reference: only offsets relative to it change how
        // platoons meet greens, since arrivals from outside have no fixed phase.
        _freeOffsets = Enumerable.Range(1, _space.Shapes.Length - 1).ToArray();
        var splitVariables = request.VarySplits ? SplitIntervals().Count() : 0;
        if (_cycles.Count < 2 && _freeOffsets.Length == 0 && splitVariables == 0)
        {
            var why = new List<string>();
            why.Add(request.VaryCycle ? $"no other cycle between {request.MinCycleS:0.###} and {request.MaxCycleS:0.###} s keeps every minimum green and intergreen" : "the cycle is kept");
            why.Add("a single intersection has no offset relative to another");
            why.Add(request.VarySplits ? "no intersection has two stages to share green between" : "splits are not searched (--splits)");
            throw new StudyInputException($"nothing to vary: {string.Join("; ", why)}");
        }
    }

    public ScenarioFile BaseScenario { get; }

    /// <summary>Runs the search will make, evaluation on fresh seeds included, for progress.</summary>
    public int PlannedRuns => PlannedSearchRuns + 2 * _r.EvaluationReplications;

    /// <summary>Runs of the search alone (candidates already known count as runs done at once).</summary>
    public int PlannedSearchRuns
    {
        get
        {
            var candidates = 1 + (_cycles.Count > 1 ? _cycles.Count : 0)
                + _freeOffsets.Length * (CoarseDivisions - 1)
                + FineDivisions.Length * _freeOffsets.Length * 2
                + (_r.VarySplits ? SplitSteps.Length * SplitIntervals().Count() * 2 : 0)
                + (_cycles.Count > 1 ? 2 + _freeOffsets.Length * 2 : 0);
            return candidates * _searchSeeds.Length;
        }
    }

    /// <summary>Figures of the start on the search seeds, once the search has evaluated it.</summary>
    public CandidateMeans? StartMeans { get; private set; }

    /// <summary>Figures of the best timings on the search seeds, once the search has ended.</summary>
    public CandidateMeans? BestMeans { get; private set; }

    /// <summary>Runs the start alone on the search seeds (a Pareto search scales its weightings by it); null if interrupted.</summary>
    public CandidateMeans? EvaluateStart(Action<string, RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        var start = _space.Start();
        Evaluate([(start, "start")], "start", progress, cancellation);
        return StartMeans = _cache.GetValueOrDefault(start.Key());
    }

    /// <param name="progress">Stage name and runs done over all stages; called from worker threads.</param>
    /// <param name="checkOnFreshSeeds">Check the result against the start on fresh seeds (a Pareto search checks all its points together instead).</param>
    public OptimisationResult Run(Action<string, RunProgress>? progress = null, CancellationToken cancellation = default, bool checkOnFreshSeeds = true)
    {
        _clock = System.Diagnostics.Stopwatch.StartNew();
        var current = _space.Start();
        var startValue = Evaluate([(current, "start")], "start", progress, cancellation)[0];
        if (startValue is null) return Interrupted(current, double.NaN, double.NaN);
        StartMeans = _cache.GetValueOrDefault(current.Key());
        var best = startValue.Value;
        var cancelled = false;

        bool Consider(string phase, IEnumerable<(SignalTimings Timings, string Change)> candidates)
        {
            var list = candidates.ToList();
            var values = Evaluate(list, phase, progress, cancellation);
            var pick = -1;
            for (var i = 0; i < list.Count; i++)
            {
                if (values[i] is { } v && v < best && (pick < 0 || v < values[pick]!.Value)) pick = i;
            }
            if (pick >= 0)
            {
                best = values[pick]!.Value;
                current = list[pick].Timings;
                MarkAccepted(list[pick].Timings);
            }
            cancelled = cancellation.IsCancellationRequested;
            return !cancelled;
        }

        var ok = true;
        if (_cycles.Count > 1) ok = Consider("cycle", _cycles.Select(c => (current.WithCycle(c), $"cycle {S(c)} s")));
        foreach (var i in _freeOffsets)
        {
            if (!ok) break;
            var c = current;
            ok = Consider("offsets", Enumerable.Range(1, CoarseDivisions - 1).Select(j =>
                (c.WithOffset(i, PlanShape.Round(c.OffsetTicks[i] + j * (double)c.CycleTicks / CoarseDivisions)), OffsetChange(c, i, j * c.CycleTicks / CoarseDivisions))));
        }
        foreach (var division in FineDivisions) ok = ok && RefineOffsets(division);
        if (_r.VarySplits)
        {
            foreach (var step in SplitSteps)
            {
                foreach (var (i, k) in SplitIntervals())
                {
                    if (!ok) break;
                    var c = current;
                    var w = c.Weights[i][k];
                    ok = Consider("splits", [
                        (c.WithWeight(i, k, w * (1 + step)), $"{_space.IntersectionIds[i]} stage {k + 1} green ×{1 + step:0.##}"),
                        (c.WithWeight(i, k, w * (1 - step)), $"{_space.IntersectionIds[i]} stage {k + 1} green ×{1 - step:0.##}")]);
                }
            }
        }
        if (_cycles.Count > 1 && ok)
        {
            var c = current;
            var near = new[] { c.CycleTicks - CycleRefineTicks, c.CycleTicks + CycleRefineTicks }
                .Select(t => Math.Clamp(t, _cycles[0], _cycles[^1]));
            ok = Consider("cycle", near.Select(t => (c.WithCycle(t), $"cycle {S(t)} s")));
            ok = ok && RefineOffsets(32);
        }

        bool RefineOffsets(int division)
        {
            foreach (var i in _freeOffsets)
            {
                var c = current;
                var step = Math.Max(PlanShape.ResolutionTicks, PlanShape.Round(c.CycleTicks / (double)division));
                if (!Consider("offsets", [(c.WithOffset(i, c.OffsetTicks[i] + step), OffsetChange(c, i, step)), (c.WithOffset(i, c.OffsetTicks[i] - step), OffsetChange(c, i, -step))]))
                    return false;
            }
            return true;
        }

        BestMeans = _cache.GetValueOrDefault(current.Key());
        if (cancelled) return Interrupted(current, startValue.Value, best);
        var optimised = OptimisedStrategy(current, best, startValue.Value);
        if (!checkOnFreshSeeds) return new OptimisationResult(_start, optimised, _space.IntersectionIds, StartPlans(), startValue.Value, best, _trace, null, null, false);
        var evaluation = EvaluateOnFreshSeeds(optimised, progress, cancellation);
        var gain = Gain(evaluation);
        return new OptimisationResult(_start, optimised, _space.IntersectionIds, StartPlans(), startValue.Value, best, _trace, evaluation, gain, evaluation.Cancelled);
    }

    private OptimisationResult Interrupted(SignalTimings current, double start, double best) =>
        new(_start, OptimisedStrategy(current, best, start), _space.IntersectionIds, StartPlans(), start, best, _trace, null, null, true);

    private List<(double, double)> StartPlans() =>
        _space.Shapes.Select(s => (SimTime.ToSeconds(s.CycleTicks), SimTime.ToSeconds(s.OffsetTicks))).ToList();

    private StrategySpec OptimisedStrategy(SignalTimings t, double best, double start)
    {
        var goal = _weighting is { } w
            ? string.Create(CultureInfo.InvariantCulture, $"weight {w.TransitWeight:0.##} on bus and tram passengers' person-delay and {1 - w.TransitWeight:0.##} on car occupants' (each relative to the start's)")
            : _r.Objective.Word();
        var unit = _weighting is null ? " " + _r.Objective.Unit() : " (weighted sum, start = 1)";
        var description = string.Create(CultureInfo.InvariantCulture,
            $"'{_start.Id}' optimised for {goal}: common cycle {S(t.CycleTicks)} s, offsets {string.Join(", ", t.OffsetTicks.Select((o, i) => $"{_space.IntersectionIds[i]} {S(o)} s"))}; ") +
            string.Create(CultureInfo.InvariantCulture, $"{best:0.00} against {start:0.00}{unit} on {_searchSeeds.Length} search replications (base seed {_r.BaseSeed}).");
        return _space.Strategy(t, $"{_start.Id}-optimised", description)
            ?? throw new InvalidOperationException("the accepted timings no longer make valid plans");
    }

    private ReplicationResults EvaluateOnFreshSeeds(StrategySpec optimised, Action<string, RunProgress>? progress, CancellationToken cancellation)
    {
        var strategies = new[]
        {
            new StrategyRun(_start.Id, _start.Description?.Text(LocalizedText.English), true, StrategyOverlay.Apply(BaseScenario, _start)),
            new StrategyRun(optimised.Id, optimised.Description?.Text(LocalizedText.English), false, StrategyOverlay.Apply(BaseScenario, optimised)),
        };
        var request = new ReplicationRequest(strategies, ReplicationSeeds.Seeds(_r.BaseSeed, _r.EvaluationReplications, SeedStream.Evaluation), _r.DurationS, _r.Threads);
        var before = _runsDone;
        var results = _batches.Run(request, p => Report(progress, "evaluation on fresh seeds", before + p.Done), cancellation);
        _runsDone = before + results.CompletedRuns;
        return results;
    }

    private PairedDifference? Gain(ReplicationResults evaluation)
    {
        if (_weighting is not null) return null; // a Pareto point's gain is two figures, reported by ParetoSearch
        var a = new List<double>();
        var b = new List<double>();
        for (var k = 0; k < evaluation.Seeds.Count; k++)
        {
            if (evaluation.Metrics(1, k) is not { } opt || evaluation.Metrics(0, k) is not { } start) continue;
            a.Add(_r.Objective.Value(opt));
            b.Add(_r.Objective.Value(start));
        }
        return a.Count > 0 ? SampleStatistics.Paired(a, b) : null;
    }

    /// <summary>Mean objective of each candidate on the search seeds; null for an invalid or unfinished one.</summary>
    private double?[] Evaluate(IReadOnlyList<(SignalTimings Timings, string Change)> candidates, string phase,
        Action<string, RunProgress>? progress, CancellationToken cancellation)
    {
        var values = new double?[candidates.Count];
        var toRun = new List<(int Index, StrategyRun Run)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var key = candidates[i].Timings.Key();
            if (_cache.TryGetValue(key, out var known) || toRun.Any(r => r.Run.Id == key))
            {
                values[i] = known is null ? null : Score(known);
                _runsDone += _searchSeeds.Length; // nothing to run: counts as done
                continue;
            }
            var strategy = _space.Strategy(candidates[i].Timings, key, "candidate");
            var scenario = strategy is null ? null : _space.Validated(strategy);
            if (scenario is null)
            {
                _cache[key] = null;
                _runsDone += _searchSeeds.Length;
                continue;
            }
            toRun.Add((i, new StrategyRun(key, null, false, scenario)));
        }
        if (toRun.Count > 0)
        {
            var before = _runsDone;
            var request = new ReplicationRequest(toRun.Select(r => r.Run).ToList(), _searchSeeds, _r.DurationS, _r.Threads);
            var results = _batches.Run(request, p => Report(progress, phase, before + p.Done), cancellation);
            _runsDone = before + results.CompletedRuns;
            for (var s = 0; s < toRun.Count; s++)
            {
                var runs = Enumerable.Range(0, _searchSeeds.Length).Select(k => results.Metrics(s, k)).ToList();
                if (runs.Any(m => m is null)) continue; // interrupted: not a complete estimate
                var means = CandidateMeans.Of(runs.Select(m => m!).ToList());
                values[toRun[s].Index] = Score(means);
                _cache[toRun[s].Run.Id] = means;
            }
        }
        else
        {
            Report(progress, phase, _runsDone);
        }
        // Duplicates within the batch take the value computed for their first occurrence.
        for (var i = 0; i < candidates.Count; i++) values[i] ??= _cache.GetValueOrDefault(candidates[i].Timings.Key()) is { } m ? Score(m) : null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var t = candidates[i].Timings;
            _trace.Add(new SearchStep(_trace.Count + 1, phase, candidates[i].Change, SimTime.ToSeconds(t.CycleTicks),
                t.OffsetTicks.Select(SimTime.ToSeconds).ToList(), values[i], false));
        }
        return values;
    }

    private double Score(CandidateMeans means) => _weighting?.Value(means) ?? _r.Objective.Value(means);

    private void MarkAccepted(SignalTimings accepted)
    {
        for (var i = _trace.Count - 1; i >= 0; i--)
        {
            var step = _trace[i];
            if (step.CycleS == SimTime.ToSeconds(accepted.CycleTicks) && step.OffsetsS.SequenceEqual(accepted.OffsetTicks.Select(SimTime.ToSeconds)))
            {
                _trace[i] = step with { Accepted = true };
                return;
            }
        }
    }

    private void Report(Action<string, RunProgress>? progress, string stage, int done) =>
        progress?.Invoke(stage, new RunProgress(Math.Min(done, PlannedRuns), PlannedRuns, _clock.Elapsed));

    /// <summary>Cycles every 10 s within the range, with its ends and the start's, that every plan can be retimed to.</summary>
    private List<long> CycleCandidates(SignalTimings start)
    {
        var min = SimTime.FromSeconds(_r.MinCycleS);
        var max = SimTime.FromSeconds(_r.MaxCycleS);
        var candidates = new SortedSet<long> { min, max };
        for (var c = (min + 9999) / 10000 * 10000; c <= max; c += 10000) candidates.Add(c);
        if (start.CycleTicks >= min && start.CycleTicks <= max) candidates.Add(start.CycleTicks);
        return candidates.Where(c => _space.Strategy(start.WithCycle(c), "check", "") is { } s && _space.Validated(s) is not null).ToList();
    }

    private IEnumerable<(int Intersection, int Interval)> SplitIntervals()
    {
        for (var i = 0; i < _space.Shapes.Length; i++)
        {
            var n = _space.Shapes[i].GreenIntervals.Length;
            if (n < 2) continue;
            for (var k = 0; k < n; k++) yield return (i, k);
        }
    }

    private string OffsetChange(SignalTimings t, int i, long deltaTicks) =>
        string.Create(CultureInfo.InvariantCulture, $"{_space.IntersectionIds[i]} offset {S(t.OffsetTicks[i])} → {S(SimTime.Mod(PlanShape.Round(t.OffsetTicks[i] + deltaTicks), t.CycleTicks))} s");

    private static string S(long ticks) => SimTime.ToSeconds(ticks).ToString("0.###", CultureInfo.InvariantCulture);
}
