// priority_messages.csv of a comparison: what became of the priority requests, strategy by
// strategy and centre by centre, as means per replication of summary.json's priority_messages
// (requests, relayed, lost on the link, granted, served in time, wasted, rejected), beside the
// link the centre's forwarding uses (latency and loss, empty when it does not forward) and the
// strategy's bus delay against the baseline (the paired difference of comparison.csv), so that
// how the bus benefit of shared priority falls as the link degrades can be read in one table.
// Written, like lines.csv, when the scenario has bus or tram lines; not when the runs' figures
// carry no priority counts (shards whose runs.json predates them, merged).
using SignalSim.Analysis.Metrics;
using SignalSim.Analysis.Replications;
using SignalSim.Analysis.Statistics;
using SignalSim.Core.Output;

namespace SignalSim.Analysis.Comparison;

/// <param name="LatencyS">The centre's forwarding latency; null when it does not forward.</param>
/// <param name="BusDelayDiff">The strategy's mean bus delay minus the baseline's, paired over the replications (null for the baseline or without buses).</param>
public sealed record PriorityMessageRow(
    string Strategy,
    string Centre,
    double? LatencyS,
    double? LossProbability,
    int Replications,
    double Requests,
    double Relayed,
    double LostOnLink,
    double Granted,
    double ServedInTime,
    double Wasted,
    double Rejected,
    PairedDifference? BusDelayDiff);

public static class PriorityMessageComparison
{
    public const string CsvFileName = "priority_messages.csv";

    public static readonly string[] Columns =
    [
        "strategy", "centre", "latency_s", "loss_probability", "replications", "requests", "relayed", "lost_on_link", "granted", "served_in_time", "wasted", "rejected",
        "bus_delay_diff_s", "bus_delay_diff_ci95_low_s", "bus_delay_diff_ci95_high_s", "partial",
    ];

    /// <summary>Rows per strategy × centre; empty without bus or tram lines, or when some finished run has no priority counts.</summary>
    public static IReadOnlyList<PriorityMessageRow> Build(ReplicationResults results, ComparisonTable table)
    {
        var rows = new List<PriorityMessageRow>();
        if (!results.Strategies.Any(s => s.Scenario.Lines.Count > 0)) return rows;
        for (var s = 0; s < results.Strategies.Count; s++)
        {
            var runs = Enumerable.Range(0, results.Seeds.Count).Select(k => results.Metrics(s, k)).OfType<RunMetrics>().ToList();
            if (runs.Any(r => r.PriorityCentres is null)) return [];
            var strategy = results.Strategies[s];
            var bus = table.Rows.FirstOrDefault(r => r.Strategy == strategy.Id && r.Mode == ReportMode.Bus.Word());
            foreach (var centre in strategy.Scenario.Centres)
            {
                var counts = runs.Select(r => r.PriorityCentres!.FirstOrDefault(c => c.Centre == centre.Id) ?? PriorityMessageCounts.Empty(centre.Id, null)).ToList();
                double Mean(Func<PriorityMessageCounts, int> pick) => counts.Count > 0 ? counts.Average(c => (double)pick(c)) : 0;
                var forwarding = centre.Forwarding is { Enabled: true } f ? f : null;
                rows.Add(new PriorityMessageRow(strategy.Id, centre.Id, forwarding?.LatencyS, forwarding?.LossProbability, counts.Count,
                    Mean(c => c.Requests), Mean(c => c.Relayed), Mean(c => c.LostOnLink), Mean(c => c.Granted), Mean(c => c.ServedInTime),
                    Mean(c => c.Wasted), Mean(c => c.Rejected), bus?.DelayDiff));
            }
        }
        return rows;
    }

    public static void Write(string outDir, ReplicationResults results, ComparisonTable table)
    {
        var rows = Build(results, table);
        if (rows.Count == 0) return;
        using var folder = StagedOutputFolder.Create(outDir);
        ComparisonOutput.WriteText(folder.PathFor(CsvFileName), w => WriteCsv(rows, results.Cancelled, w));
        folder.Commit([CsvFileName]);
    }

    public static void WriteCsv(IReadOnlyList<PriorityMessageRow> rows, bool partial, TextWriter writer)
    {
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        foreach (var r in rows)
        {
            csv.Text(r.Strategy);
            csv.Text(r.Centre);
            csv.Field(N(r.LatencyS, 3));
            csv.Field(N(r.LossProbability, 4));
            csv.Field(InvariantText.Integer(r.Replications));
            csv.Field(InvariantText.Fixed(r.Requests, 2));
            csv.Field(InvariantText.Fixed(r.Relayed, 2));
            csv.Field(InvariantText.Fixed(r.LostOnLink, 2));
            csv.Field(InvariantText.Fixed(r.Granted, 2));
            csv.Field(InvariantText.Fixed(r.ServedInTime, 2));
            csv.Field(InvariantText.Fixed(r.Wasted, 2));
            csv.Field(InvariantText.Fixed(r.Rejected, 2));
            csv.Field(N(r.BusDelayDiff?.Mean, 3));
            csv.Field(N(r.BusDelayDiff?.Ci95Low, 3));
            csv.Field(N(r.BusDelayDiff?.Ci95High, 3));
            csv.Field(partial ? "yes" : "no");
            csv.EndRow();
        }
    }

    private static string N(double? value, int decimals) => value is { } v ? InvariantText.Fixed(v, decimals) : "";
}
