// The note's first page, written from comparison.csv by fixed rules (never by hand), in the
// note's language: per strategy, one sentence per mode saying who gains and who pays (person-hours
// and seconds per trip, with the paired 95 % interval and whether it excludes zero), the strategy
// that minimises person-delay (the comparison's objective) and what would change that conclusion:
// modes whose interval contains zero, and the weight on public-transport passengers' time at which
// another strategy would win. The structured verdicts are kept beside the sentences so the tests
// can check each sentence against the figures it was written from.
using SignalSim.Charts.Charts;
using SignalSim.Charts.Labels;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Report;

/// <summary>Whether a mode's travellers lose less time (gain), more (pay), or the same.</summary>
public enum Effect { Gains, Pays, Unchanged }

/// <summary>One mode under one strategy: the paired differences and the sentence that states them.</summary>
public sealed record ModeVerdict(string Mode, Effect Effect, Interval PersonDelayDiffH, Interval? DelayDiffS, string Sentence)
{
    public bool Significant => PersonDelayDiffH.Significant;
}

/// <summary>A non-baseline strategy: its total person-delay difference, the per-mode verdicts and their sentences.</summary>
public sealed record StrategyVerdict(string Strategy, Interval TotalDiffH, IReadOnlyList<ModeVerdict> Modes, string Headline, string WhoGainsWhoPays);

public sealed class DecisionSummary
{
    /// <summary>Modes whose travellers are public-transport passengers, for the weight on their time.</summary>
    public static readonly IReadOnlySet<string> TransitModes = new HashSet<string>(StringComparer.Ordinal) { "bus", "tram" };

    private DecisionSummary(string? intro, IReadOnlyList<StrategyVerdict> strategies, string? best, bool bestSignificant, string conclusion,
        IReadOnlyList<string> caveats, double? transitWeightBelow, double? transitWeightAbove)
    {
        Intro = intro;
        Strategies = strategies;
        Best = best;
        BestIsSignificant = bestSignificant;
        Conclusion = conclusion;
        Caveats = caveats;
        TransitWeightBelow = transitWeightBelow;
        TransitWeightAbove = transitWeightAbove;
    }

    public string? Intro { get; }
    public IReadOnlyList<StrategyVerdict> Strategies { get; }

    /// <summary>The strategy with the lowest mean person-delay (the baseline when none does better); null without figures.</summary>
    public string? Best { get; }

    /// <summary>True when the best strategy is not the baseline and its gain over it is significant.</summary>
    public bool BestIsSignificant { get; }

    /// <summary>The sentence naming the best strategy, or why there is none.</summary>
    public string Conclusion { get; }

    /// <summary>What would change the conclusion: uncertain modes and totals, then the objective's weights.</summary>
    public IReadOnlyList<string> Caveats { get; }

    /// <summary>The best strategy stays best while the weight on public-transport hours is above this (null: any weight down to 0).</summary>
    public double? TransitWeightBelow { get; }

    /// <summary>The best strategy stays best while the weight on public-transport hours is below this (null: any weight above).</summary>
    public double? TransitWeightAbove { get; }

    public static DecisionSummary Build(ResultsFolder folder, ChartLabels l)
    {
        if (!folder.IsComparison || folder.Runs.Count < 2) return Empty(l["summary.one_strategy"]);
        var rows = folder.Comparison;
        var order = folder.Runs.Select(r => r.Name).ToList();
        var totals = rows.Where(r => r.Mode == ComparisonRow.AllModes && r.PersonDelayH is not null).ToDictionary(r => r.Strategy);
        if (!order.All(totals.ContainsKey)) return Empty(l["summary.no_person_delay"]);

        var baseline = folder.Baseline;
        var intro = l.Format("summary.intro", l.Number(folder.BaselineRun.Summary.DurationS, 0), folder.Metadata?.Replications?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?", baseline);

        var verdicts = new List<StrategyVerdict>();
        foreach (var id in order.Where(s => s != baseline))
        {
            var total = totals[id].PersonDelayDiffH ?? new Interval(totals[id].PersonDelayH!.Value - totals[baseline].PersonDelayH!.Value, null, null);
            var modes = new List<ModeVerdict>();
            foreach (var row in rows.Where(r => r.Strategy == id && r.Mode != ComparisonRow.AllModes && r.PersonDelayDiffH is not null)
                         .OrderBy(r => ChartStyle.ModeOrder(r.Mode)).ThenBy(r => r.Mode, StringComparer.Ordinal))
            {
                modes.Add(Mode(row, l));
            }
            var gains = modes.Where(m => m.Effect == Effect.Gains).Select(m => l.Mode(m.Mode)).ToList();
            var pays = modes.Where(m => m.Effect == Effect.Pays).Select(m => l.Mode(m.Mode)).ToList();
            var who = l.Format("summary.who", gains.Count > 0 ? string.Join(", ", gains) : l["summary.nobody"], pays.Count > 0 ? string.Join(", ", pays) : l["summary.nobody"]);
            var headline = l.Format("summary.strategy", id, l.Signed(total.Mean, 2), Bound(l, total.Low, 2), Bound(l, total.High, 2), Significance(l, total));
            verdicts.Add(new StrategyVerdict(id, total, modes, headline, who));
        }

        // The best is the lowest mean person-delay; ties keep the scenario's order (baseline first).
        var best = order.OrderBy(s => totals[s].PersonDelayH!.Value).ThenBy(order.IndexOf).First();
        var bestVerdict = verdicts.FirstOrDefault(v => v.Strategy == best);
        var bestSignificant = bestVerdict is not null && bestVerdict.TotalDiffH.Significant && bestVerdict.TotalDiffH.Mean < 0;
        var bestH = l.Number(totals[best].PersonDelayH!.Value, 2);
        string conclusion;
        if (bestVerdict is null) conclusion = l.Format("summary.best_baseline", baseline, bestH);
        else
        {
            var t = bestVerdict.TotalDiffH;
            conclusion = l.Format(bestSignificant ? "summary.best" : "summary.best_not_significant", best, bestH, l.Signed(t.Mean, 2), Bound(l, t.Low, 2), Bound(l, t.High, 2));
        }

        var caveats = new List<string>();
        if (bestVerdict is not null)
        {
            var uncertain = bestVerdict.Modes.Where(m => !m.Significant && m.Effect != Effect.Unchanged).Select(m => l.Mode(m.Mode)).ToList();
            if (uncertain.Count > 0) caveats.Add(l.Format("summary.uncertain_modes", best, string.Join(", ", uncertain)));
            if (!bestVerdict.TotalDiffH.Significant) caveats.Add(l.Format("summary.uncertain_total", best));
        }
        else
        {
            // The baseline is best: a strategy whose loss is not established could still be as good.
            foreach (var v in verdicts.Where(v => !v.TotalDiffH.Significant)) caveats.Add(l.Format("summary.uncertain_total", v.Strategy));
        }

        var (below, above) = TransitWeightRange(rows, order, best, out var winnerBelow, out var winnerAbove);
        var hasTransit = rows.Any(r => TransitModes.Contains(r.Mode) && r.PersonDelayH is not null);
        if (!hasTransit) caveats.Add(l["summary.weights_no_transit"]);
        else
        {
            caveats.Add(l["summary.weights_intro"]);
            if (above is { } a) caveats.Add(l.Format("summary.weights_above", l.Number(a, 2), winnerAbove!));
            if (below is { } b) caveats.Add(l.Format("summary.weights_below", l.Number(b, 2), winnerBelow!));
            if (above is null && below is null) caveats.Add(l["summary.weights_robust"]);
        }
        return new DecisionSummary(intro, verdicts, best, bestSignificant, conclusion, caveats, below, above);
    }

    /// <summary>
    /// With the objective k × (public-transport person-delay) + (everyone else's), the range of k
    /// around today's k = 1 within which <paramref name="best"/> stays the lowest. A rival with
    /// a = its transit difference and b = its other difference (a + b ≥ 0 at k = 1) overtakes
    /// above k = −b / a when a &lt; 0, below k = −b / a when a &gt; 0 and b &lt; 0.
    /// </summary>
    private static (double? Below, double? Above) TransitWeightRange(IReadOnlyList<ComparisonRow> rows, List<string> order, string best,
        out string? winnerBelow, out string? winnerAbove)
    {
        (double Transit, double Other) Split(string s)
        {
            double transit = 0, other = 0;
            foreach (var r in rows.Where(r => r.Strategy == s && r.Mode != ComparisonRow.AllModes && r.PersonDelayH is not null))
            {
                if (TransitModes.Contains(r.Mode)) transit += r.PersonDelayH!.Value;
                else other += r.PersonDelayH!.Value;
            }
            return (transit, other);
        }
        var (bt, bo) = Split(best);
        double? below = null, above = null;
        winnerBelow = winnerAbove = null;
        foreach (var rival in order.Where(s => s != best))
        {
            var (rt, ro) = Split(rival);
            var a = rt - bt;
            var b = ro - bo;
            if (a < 0)
            {
                var k = b / -a;
                if (above is null || k < above) (above, winnerAbove) = (k, rival);
            }
            else if (a > 0 && b < 0)
            {
                var k = -b / a;
                if (below is null || k > below) (below, winnerBelow) = (k, rival);
            }
        }
        return (below, above);
    }

    private static ModeVerdict Mode(ComparisonRow row, ChartLabels l)
    {
        var h = row.PersonDelayDiffH!.Value;
        var s = row.DelayDiffS;
        var effect = h.Mean < 0 ? Effect.Gains : h.Mean > 0 ? Effect.Pays : Effect.Unchanged;
        var name = Capitalise(l.Mode(row.Mode));
        var per = row.Mode == "pedestrian" ? l["summary.per_crossing"] : l["summary.per_trip"];
        var seconds = s is { } d ? l.Signed(d.Mean, 1) : "–";
        string sentence = effect == Effect.Unchanged
            ? l.Format("summary.unchanged", name, l.Number(0, 2), seconds, per)
            : l.Format(effect == Effect.Gains ? "summary.gain" : "summary.loss", name, l.Number(Math.Abs(h.Mean), 2), seconds, per,
                Bound(l, h.Low, 2), Bound(l, h.High, 2), Bound(l, s?.Low, 1), Bound(l, s?.High, 1), Significance(l, h));
        return new ModeVerdict(row.Mode, effect, h, s, sentence);
    }

    private static string Significance(ChartLabels l, Interval i) =>
        i.Low is null || i.High is null ? l["summary.single"] : i.Significant ? l["summary.significant"] : l["summary.not_significant"];

    private static string Bound(ChartLabels l, double? value, int decimals) => value is { } v ? l.Signed(v, decimals) : "–";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static DecisionSummary Empty(string reason) => new(null, [], null, false, reason, [], null, null);
}
