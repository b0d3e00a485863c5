// The comparison of strategies as a table: one row per strategy × mode (plus an 'all' row for
// the person-delay totals), each figure averaged over the replications with its 95 % interval,
// and the paired difference against the baseline over the replications both finished.
// Per-replication percentiles are averaged, like the means (replication/deletion method).
using SignalSim.Analysis.Metrics;
using SignalSim.Analysis.Replications;
using SignalSim.Analysis.Statistics;

namespace SignalSim.Analysis.Comparison;

/// <summary>
/// One strategy × mode. <see cref="Mode"/> is a <see cref="ReportMode"/> word or "all". Figures
/// Trips count every replication that finished; TripsPerReplication is their mean. Figures
/// are null where they do not apply (pedestrians have no travel time; "all" has only totals) or
/// where no replication had a trip of the mode. Differences are null on the baseline's rows.
/// </summary>
public sealed record ComparisonRow(
    string Strategy,
    string Mode,
    int Replications,
    int Trips,
    double TripsPerReplication,
    MeanEstimate? TravelTime,
    double? MedianTravelTimeS,
    double? P90TravelTimeS,
    double? P95TravelTimeS,
    MeanEstimate? Delay,
    double? P90DelayS,
    double? StopsPerTrip,
    MeanEstimate? PersonDelay,
    double? HeadwayCv,
    PairedDifference? TravelTimeDiff,
    PairedDifference? DelayDiff,
    PairedDifference? PersonDelayDiff)
{
    /// <summary>Measured vehicles (or pedestrians) not finished at the end of a run, mean per replication.</summary>
    public double UnfinishedPerReplication { get; init; }

    /// <summary>Vehicle-hours in the network and waiting to enter over the measured period, mean per replication; null for pedestrians.</summary>
    public double? SystemVehicleH { get; init; }

    /// <summary>The same in person-hours (occupancy-weighted), mean per replication; null for pedestrians.</summary>
    public double? SystemPersonH { get; init; }
}

public sealed record ComparisonTable(
    string Baseline,
    IReadOnlyList<StrategyRun> Strategies,
    int ReplicationsRequested,
    int CompletedRuns,
    int TotalRuns,
    IReadOnlyList<ComparisonRow> Rows)
{
    public const string AllModes = "all";

    public bool Partial => CompletedRuns < TotalRuns;

    /// <summary>Replications finished by every strategy.</summary>
    public int CompletedReplications { get; init; }

    /// <summary>"20 replications", or "12 of 20 replications" when the study was interrupted.</summary>
    public string ReplicationsText => Partial ? $"{CompletedReplications} of {ReplicationsRequested} replications" : $"{ReplicationsRequested} replications";

    public ComparisonRow Row(string strategy, string mode) =>
        Rows.FirstOrDefault(r => r.Strategy == strategy && r.Mode == mode)
        ?? throw new ArgumentException($"no row for strategy '{strategy}' and mode '{mode}'", nameof(mode));

    public static ComparisonTable Build(ReplicationResults results)
    {
        var baseline = results.Strategies.Select((s, i) => (s, i)).Single(p => p.s.IsBaseline).i;
        var modes = ModesPresent(results);
        var rows = new List<ComparisonRow>();
        for (var s = 0; s < results.Strategies.Count; s++)
        {
            foreach (var mode in modes) rows.Add(ModeRow(results, s, baseline, mode));
            rows.Add(AllRow(results, s, baseline));
        }
        return new ComparisonTable(results.Strategies[baseline].Id, results.Strategies, results.Seeds.Count, results.CompletedRuns, results.TotalRuns, rows)
        {
            CompletedReplications = results.CompletedReplications,
        };
    }

    private static List<ReportMode> ModesPresent(ReplicationResults results)
    {
        var present = new HashSet<ReportMode>();
        for (var s = 0; s < results.Strategies.Count; s++)
        {
            for (var k = 0; k < results.Seeds.Count; k++)
            {
                if (results.Metrics(s, k) is { } m) present.UnionWith(m.Modes.Keys);
            }
        }
        return ReportModes.All.Where(present.Contains).ToList();
    }

    private static ComparisonRow ModeRow(ReplicationResults results, int s, int baseline, ReportMode mode)
    {
        var own = Values(results, s, mode);
        var withTrips = own.Where(v => v.Metrics.Trips > 0).ToList();
        PairedDifference? Diff(Func<ModeMetrics, double?> pick) => s == baseline ? null : PairedOn(results, s, baseline, mode, pick);
        return new ComparisonRow(
            results.Strategies[s].Id,
            mode.Word(),
            own.Count,
            own.Sum(v => v.Metrics.Trips),
            own.Count > 0 ? own.Average(v => (double)v.Metrics.Trips) : 0,
            Estimate(withTrips, m => m.MeanTravelTimeS),
            MeanOf(withTrips, m => m.MedianTravelTimeS),
            MeanOf(withTrips, m => m.P90TravelTimeS),
            MeanOf(withTrips, m => m.P95TravelTimeS),
            Estimate(withTrips, m => m.MeanDelayS),
            MeanOf(withTrips, m => m.P90DelayS),
            MeanOf(withTrips, m => m.StopsPerTrip),
            Estimate(own, m => m.PersonDelayH),
            MeanOf(own, m => m.HeadwayCv),
            Diff(m => m.MeanTravelTimeS),
            Diff(m => m.MeanDelayS),
            Diff(m => m.PersonDelayH))
        {
            UnfinishedPerReplication = own.Count > 0 ? own.Average(v => (double)v.Metrics.Unfinished) : 0,
            SystemVehicleH = MeanOf(own, m => m.SystemVehicleH),
            SystemPersonH = MeanOf(own, m => m.SystemPersonH),
        };
    }

    private static ComparisonRow AllRow(ReplicationResults results, int s, int baseline)
    {
        var own = Enumerable.Range(0, results.Seeds.Count).Select(k => results.Metrics(s, k)).OfType<RunMetrics>().ToList();
        var personDelay = own.Select(m => m.PersonDelayH).ToList();
        PairedDifference? diff = null;
        if (s != baseline)
        {
            var a = new List<double>();
            var b = new List<double>();
            for (var k = 0; k < results.Seeds.Count; k++)
            {
                if (results.Metrics(s, k) is not { } x || results.Metrics(baseline, k) is not { } y) continue;
                a.Add(x.PersonDelayH);
                b.Add(y.PersonDelayH);
            }
            diff = a.Count > 0 ? SampleStatistics.Paired(a, b) : null;
        }
        return new ComparisonRow(
            results.Strategies[s].Id, AllModes, own.Count,
            own.Sum(m => m.Modes.Values.Sum(x => x.Trips)),
            own.Count > 0 ? own.Average(m => (double)m.Modes.Values.Sum(x => x.Trips)) : 0,
            null, null, null, null, null, null, null,
            personDelay.Count > 0 ? SampleStatistics.Mean(personDelay) : null,
            null, null, null, diff)
        {
            UnfinishedPerReplication = own.Count > 0 ? own.Average(m => (double)m.Unfinished) : 0,
            SystemVehicleH = own.Count > 0 ? own.Average(m => m.SystemVehicleH) : null,
            SystemPersonH = own.Count > 0 ? own.Average(m => m.SystemPersonH) : null,
        };
    }

    private readonly record struct Sample(int Replication, ModeMetrics Metrics);

    private static List<Sample> Values(ReplicationResults results, int s, ReportMode mode)
    {
        var list = new List<Sample>();
        for (var k = 0; k < results.Seeds.Count; k++)
        {
            if (results.Metrics(s, k) is { } m && m.Modes.TryGetValue(mode, out var mm)) list.Add(new Sample(k, mm));
        }
        return list;
    }

    private static MeanEstimate? Estimate(List<Sample> samples, Func<ModeMetrics, double?> pick)
    {
        var values = samples.Select(v => pick(v.Metrics)).OfType<double>().ToList();
        return values.Count > 0 ? SampleStatistics.Mean(values) : null;
    }

    private static double? MeanOf(List<Sample> samples, Func<ModeMetrics, double?> pick)
    {
        var values = samples.Select(v => pick(v.Metrics)).OfType<double>().ToList();
        return values.Count > 0 ? values.Average() : null;
    }

    /// <summary>Strategy minus baseline over the replications where both have the figure.</summary>
    private static PairedDifference? PairedOn(ReplicationResults results, int s, int baseline, ReportMode mode, Func<ModeMetrics, double?> pick)
    {
        var a = new List<double>();
        var b = new List<double>();
        for (var k = 0; k < results.Seeds.Count; k++)
        {
            if (results.Metrics(s, k) is not { } x || results.Metrics(baseline, k) is not { } y) continue;
            if (!x.Modes.TryGetValue(mode, out var mx) || !y.Modes.TryGetValue(mode, out var my)) continue;
            if (pick(mx) is not { } vx || pick(my) is not { } vy) continue;
            a.Add(vx);
            b.Add(vy);
        }
        return a.Count > 0 ? SampleStatistics.Paired(a, b) : null;
    }
}
