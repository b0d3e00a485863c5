// The short report `compare` prints on stdout: what ran, and each strategy's person-delay with
// its difference against the baseline. comparison.md holds the full tables.
using System.Globalization;
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Replications;

namespace SignalSim.Cli.Commands;

internal static class CompareReport
{
    /// <param name="headline">Replaces the first line (what ran, in how long), e.g. for a merge of shards.</param>
    public static void Write(TextWriter w, ComparisonTable table, ReplicationResults results, TimeSpan elapsed, string folder, string? headline = null)
    {
        var c = CultureInfo.InvariantCulture;
        var partial = table.Partial ? $" (partial: {table.CompletedRuns} of {table.TotalRuns} runs)" : "";
        w.WriteLine(headline ?? string.Create(c, $"{results.Strategies.Count} strategies × {table.ReplicationsRequested} replications = {table.TotalRuns} runs in {elapsed.TotalSeconds:0.0} s{partial}"));
        foreach (var s in table.Strategies)
        {
            var all = table.Row(s.Id, ComparisonTable.AllModes);
            var delay = all.PersonDelay is { } p ? string.Create(c, $"person-delay {p.Mean:0.00} person-h") : "no finished run";
            if (s.IsBaseline)
            {
                w.WriteLine($"  {s.Id} (baseline): {delay}");
                continue;
            }
            var diff = all.PersonDelayDiff is { } d
                ? string.Create(c, $", {d.Mean:+0.00;-0.00;0.00} vs baseline") + (d.Ci95Low is { } lo && d.Ci95High is { } hi
                    ? string.Create(c, $" (95 % CI {lo:0.00} to {hi:0.00}{(d.Significant ? ", significant" : "")})")
                    : "")
                : "";
            w.WriteLine($"  {s.Id}: {delay}{diff}");
        }
        w.WriteLine($"results in {folder}: {ComparisonCsvWriter.FileName}, {ComparisonMarkdownWriter.FileName} and one folder per strategy (replication 1)");
    }

    /// <summary>
    /// One line per line a strategy adds (one the baseline does not run): its running time and
    /// regularity against the baseline's lines on the same route, as lines.csv gives them.
    /// </summary>
    public static void WriteNewLines(TextWriter w, IReadOnlyList<LineComparisonRow> rows)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var r in rows.Where(r => r.Reference is not ("itself" or "")))
        {
            // One replication has no interval: the difference alone, saying so.
            var diff = r.RunningTimeDiff is not { } d ? ""
                : d.Ci95Low is { } lo && d.Ci95High is { } hi ? string.Create(c, $" (Δ {d.Mean:+0.0;-0.0;0.0} s, 95 % CI {lo:0.0} to {hi:0.0})")
                : string.Create(c, $" (Δ {d.Mean:+0.0;-0.0;0.0} s, no interval from one replication)");
            w.WriteLine(string.Create(c, $"  new line {r.Line} in {r.Strategy}: running time {r.RunningTime?.Mean:0.0} s, headway CV {r.HeadwayCv:0.000}; today's {r.Reference}: headway CV {r.ReferenceHeadwayCv:0.000}{diff}"));
        }
    }
}
