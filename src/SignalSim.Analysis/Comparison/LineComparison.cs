// Running time and regularity of every bus and tram line, strategy by strategy: lines.csv and
// lines.md of a comparison. A line the baseline also runs is compared with itself there (paired
// over the replications); a line only a strategy adds (a new high-level-of-service bus, say) is
// compared with the baseline's lines on the same route (same first and last link: today's lines
// it would replace), their running times pooled over their trips, replication by replication.
using System.Globalization;
using SignalSim.Analysis.Metrics;
using SignalSim.Analysis.Replications;
using SignalSim.Analysis.Statistics;
using SignalSim.Core.Output;
using SampleStatistics = SignalSim.Analysis.Statistics.SampleStatistics;

namespace SignalSim.Analysis.Comparison;

/// <param name="Reference">"itself" (the same line in the baseline), the baseline's same-route lines joined by spaces, or "" when there is none.</param>
public sealed record LineComparisonRow(
    string Strategy,
    string Line,
    string Mode,
    double TripsPerReplication,
    MeanEstimate? RunningTime,
    double? HeadwayCv,
    string Reference,
    PairedDifference? RunningTimeDiff,
    double? ReferenceHeadwayCv);

public static class LineComparison
{
    public const string CsvFileName = "lines.csv", MarkdownFileName = "lines.md";

    public static readonly string[] Columns =
    [
        "strategy", "line", "mode", "trips_per_replication", "mean_running_time_s", "ci95_low_s", "ci95_high_s", "headway_cv",
        "compared_with", "diff_running_time_s", "diff_ci95_low_s", "diff_ci95_high_s", "diff_significant", "compared_headway_cv", "partial",
    ];

    public static IReadOnlyList<LineComparisonRow> Build(ReplicationResults results)
    {
        var baseline = results.Strategies.Select((s, i) => (s, i)).Single(p => p.s.IsBaseline).i;
        var baseLines = results.Strategies[baseline].Scenario.Lines;
        var rows = new List<LineComparisonRow>();
        for (var s = 0; s < results.Strategies.Count; s++)
        {
            foreach (var line in results.Strategies[s].Scenario.Lines)
            {
                var own = PerReplication(results, s, [line.Id]);
                string reference;
                string[] referenceIds;
                if (baseLines.Any(l => l.Id == line.Id)) (reference, referenceIds) = ("itself", [line.Id]);
                else
                {
                    referenceIds = baseLines.Where(l => l.Links.Count > 0 && l.Links[0] == line.Links[0] && l.Links[^1] == line.Links[^1]).Select(l => l.Id).ToArray();
                    reference = string.Join(' ', referenceIds);
                }
                var diff = s == baseline && reference == "itself" || referenceIds.Length == 0 ? null : Paired(results, s, baseline, line.Id, referenceIds);
                var mode = own.Select(v => v.Metrics.Mode).FirstOrDefault() ?? "";
                var times = own.Select(v => v.Metrics.MeanTravelTimeS).OfType<double>().ToList();
                rows.Add(new LineComparisonRow(results.Strategies[s].Id, line.Id, mode,
                    own.Count > 0 ? own.Average(v => (double)v.Metrics.Trips) : 0,
                    times.Count > 0 ? SampleStatistics.Mean(times) : null,
                    MeanOrNull(own.Select(v => v.Metrics.HeadwayCv)),
                    reference, diff,
                    referenceIds.Length == 0 || reference == "itself" ? null
                        : MeanOrNull(PerReplication(results, baseline, referenceIds).Select(v => v.Metrics.HeadwayCv))));
            }
        }
        return rows;
    }

    public static void Write(string outDir, ReplicationResults results)
    {
        var rows = Build(results);
        if (rows.Count == 0) return;
        using var folder = StagedOutputFolder.Create(outDir);
        ComparisonOutput.WriteText(folder.PathFor(CsvFileName), w => WriteCsv(rows, results.Cancelled, w));
        ComparisonOutput.WriteText(folder.PathFor(MarkdownFileName), w => WriteMarkdown(rows, results, w));
        folder.Commit([CsvFileName, MarkdownFileName]);
    }

    public static void WriteCsv(IReadOnlyList<LineComparisonRow> rows, bool partial, TextWriter writer)
    {
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        foreach (var r in rows)
        {
            csv.Text(r.Strategy);
            csv.Text(r.Line);
            csv.Text(r.Mode);
            csv.Field(InvariantText.Fixed(r.TripsPerReplication, 1));
            csv.Field(N(r.RunningTime?.Mean, 3));
            csv.Field(N(r.RunningTime?.Ci95Low, 3));
            csv.Field(N(r.RunningTime?.Ci95High, 3));
            csv.Field(N(r.HeadwayCv, 3));
            csv.Text(r.Reference);
            csv.Field(N(r.RunningTimeDiff?.Mean, 3));
            csv.Field(N(r.RunningTimeDiff?.Ci95Low, 3));
            csv.Field(N(r.RunningTimeDiff?.Ci95High, 3));
            csv.Field(r.RunningTimeDiff is not { Ci95Low: not null } d ? "" : d.Significant ? "yes" : "no");
            csv.Field(N(r.ReferenceHeadwayCv, 3));
            csv.Field(partial ? "yes" : "no");
            csv.EndRow();
        }
    }

    private static void WriteMarkdown(IReadOnlyList<LineComparisonRow> rows, ReplicationResults results, TextWriter w)
    {
        w.WriteLine("# Lines: running time and regularity" + (results.Cancelled ? " (partial)" : ""));
        w.WriteLine();
        w.WriteLine("Running time from entry to exit of finished trips, mean over the replications with its 95 % interval; headway regularity as the coefficient of variation of headways at the line's regularity stop (0: perfectly regular). "
            + "Δ is the paired difference against the baseline: the same line there, or, for a line only the strategy runs, the baseline's lines on the same route (\"compared with\").");
        w.WriteLine();
        w.WriteLine("| strategy | line | trips per replication | running time (s) | 95 % interval | headway CV | compared with | Δ running time (s) | Δ 95 % interval | their headway CV |");
        w.WriteLine("| --- | --- | ---: | ---: | --- | ---: | --- | ---: | --- | ---: |");
        foreach (var r in rows)
        {
            var ci = r.RunningTime is { Ci95Low: { } lo, Ci95High: { } hi } ? $"{F(lo, 1)} – {F(hi, 1)}" : "";
            var dci = r.RunningTimeDiff is { Ci95Low: { } dlo, Ci95High: { } dhi } ? $"{F(dlo, 1)} – {F(dhi, 1)}" : "";
            var star = r.RunningTimeDiff?.Significant == true ? " *" : "";
            w.WriteLine($"| {r.Strategy} | {r.Line} | {F(r.TripsPerReplication, 1)} | {N(r.RunningTime?.Mean, 1)} | {ci} | {N(r.HeadwayCv, 3)} | {r.Reference} | {N(r.RunningTimeDiff?.Mean, 1)}{star} | {dci} | {N(r.ReferenceHeadwayCv, 3)} |");
        }
    }

    private readonly record struct Sample(int Replication, LineMetrics Metrics);

    /// <summary>The lines' figures pooled per replication: trips added, running times weighted by trips, headway CVs averaged.</summary>
    private static List<Sample> PerReplication(ReplicationResults results, int s, string[] lineIds)
    {
        var list = new List<Sample>();
        for (var k = 0; k < results.Seeds.Count; k++)
        {
            if (results.Metrics(s, k) is not { } m) continue;
            var parts = lineIds.Select(id => m.Lines.GetValueOrDefault(id)).OfType<LineMetrics>().ToList();
            if (parts.Count == 0) continue;
            var trips = parts.Sum(p => p.Trips);
            double? time = trips > 0 ? parts.Where(p => p.MeanTravelTimeS is not null).Sum(p => p.MeanTravelTimeS!.Value * p.Trips) / trips : null;
            list.Add(new Sample(k, new LineMetrics(parts[0].Mode, trips, time, MeanOrNull(parts.Select(p => p.HeadwayCv)))));
        }
        return list;
    }

    private static PairedDifference? Paired(ReplicationResults results, int s, int baseline, string lineId, string[] referenceIds)
    {
        var own = PerReplication(results, s, [lineId]).ToDictionary(v => v.Replication);
        var a = new List<double>();
        var b = new List<double>();
        foreach (var r in PerReplication(results, baseline, referenceIds))
        {
            if (!own.TryGetValue(r.Replication, out var o) || o.Metrics.MeanTravelTimeS is not { } x || r.Metrics.MeanTravelTimeS is not { } y) continue;
            a.Add(x);
            b.Add(y);
        }
        return a.Count > 0 ? SampleStatistics.Paired(a, b) : null;
    }

    private static double? MeanOrNull(IEnumerable<double?> values)
    {
        var list = values.OfType<double>().ToList();
        return list.Count > 0 ? list.Average() : null;
    }

    private static string N(double? value, int decimals) => value is { } v ? InvariantText.Fixed(v, decimals) : "";

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
