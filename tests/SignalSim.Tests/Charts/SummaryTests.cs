// The note's first page agrees with comparison.csv: for every strategy and mode, the sentence's
// direction (gain or loss) is the sign of the person-delay difference, its significance the
// file's person_delay_diff_significant, its figures the file's; the best strategy is the one
// with the lowest person-delay. Checked on the default scenario's fixture (where one strategy
// wins) and on a fixture where no strategy is significantly better. comparison.csv is read
// here with a plain split, independently of the note's reader.
using System.Globalization;
using System.Net;
using SignalSim.Charts.Labels;
using SignalSim.Charts.Report;
using SignalSim.Charts.Results;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Charts;

[Collection(ComparisonCollection.Name)]
public sealed class SummaryTests(ComparisonFixture fixture, NoGainFixture noGainFixture) : IClassFixture<NoGainFixture>
{
    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void Summary_OfTheDefaultScenario_AgreesWithComparisonCsv(string language)
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        var summary = CheckAgainstCsv(dir, language);
        Assert.Equal(ComparisonFixture.StrategyIds.Length - 1, summary.Strategies.Count);
    }

    [Theory]
    [InlineData("fr", "Aucune stratégie")]
    [InlineData("en", "No strategy")]
    public void Summary_WhenNoStrategyIsSignificantlyBetter_SaysSo(string language, string opening)
    {
        var noGain = noGainFixture.Root;
        using var temp = new TempDirectory();
        var dir = Copy(noGain, temp["results"]);
        var rows = Csv(Path.Combine(dir, "comparison.csv"));
        // The fixture's premise, read from the file: no total difference is a significant gain.
        Assert.DoesNotContain(rows, r => r["mode"] == "all" && r["person_delay_diff_significant"] == "yes" && Num(r["person_delay_diff_h"]) < 0);
        var summary = CheckAgainstCsv(dir, language);
        Assert.False(summary.BestIsSignificant);
        Assert.StartsWith(opening, summary.Conclusion, StringComparison.Ordinal);
    }

    private static DecisionSummary CheckAgainstCsv(string dir, string language)
    {
        var labels = ChartLabels.For(language);
        var rows = Csv(Path.Combine(dir, "comparison.csv"));
        var folder = ResultsFolder.Open(dir);
        var summary = DecisionSummary.Build(folder, labels);
        var baseline = rows.First(r => r["mode"] == "all" && r["person_delay_diff_h"] == "")["strategy"];

        foreach (var row in rows.Where(r => r["strategy"] != baseline && r["mode"] != "all" && r["person_delay_diff_h"] != ""))
        {
            var strategy = summary.Strategies.Single(s => s.Strategy == row["strategy"]);
            var verdict = strategy.Modes.Single(m => m.Mode == row["mode"]);
            var diff = Num(row["person_delay_diff_h"]);
            var expected = diff < 0 ? Effect.Gains : diff > 0 ? Effect.Pays : Effect.Unchanged;
            Assert.True(expected == verdict.Effect, $"{row["strategy"]}/{row["mode"]}: {diff} h but the summary says {verdict.Effect}: {verdict.Sentence}");
            Assert.Equal(row["person_delay_diff_significant"] == "yes", verdict.Significant);
            if (expected == Effect.Unchanged) continue;
            Assert.Contains(labels.Number(Math.Abs(diff), 2), verdict.Sentence, StringComparison.Ordinal);
            Assert.Contains(labels.Signed(Num(row["delay_diff_vs_baseline_s"]), 1) + " s", verdict.Sentence, StringComparison.Ordinal);
            Assert.Contains($"[{labels.Signed(Num(row["person_delay_diff_ci95_low_h"]), 2)} ; {labels.Signed(Num(row["person_delay_diff_ci95_high_h"]), 2)}]", verdict.Sentence, StringComparison.Ordinal);
            var word = labels[row["person_delay_diff_significant"] == "yes" ? "summary.significant" : "summary.not_significant"];
            Assert.EndsWith(word + ".", verdict.Sentence, StringComparison.Ordinal);
            Assert.StartsWith(char.ToUpperInvariant(labels.Mode(row["mode"])[0]) + labels.Mode(row["mode"])[1..], verdict.Sentence, StringComparison.Ordinal);
        }
        foreach (var total in rows.Where(r => r["strategy"] != baseline && r["mode"] == "all"))
        {
            var strategy = summary.Strategies.Single(s => s.Strategy == total["strategy"]);
            Assert.Equal(Num(total["person_delay_diff_h"]), strategy.TotalDiffH.Mean, 4);
            Assert.Equal(total["person_delay_diff_significant"] == "yes", strategy.TotalDiffH.Significant);
            Assert.Contains(labels.Signed(Num(total["person_delay_diff_h"]), 2), strategy.Headline, StringComparison.Ordinal);
        }

        var all = rows.Where(r => r["mode"] == "all").ToList();
        var best = all.OrderBy(r => Num(r["person_delay_h"])).First();
        Assert.Equal(best["strategy"], summary.Best);
        var bestGains = best["strategy"] != baseline && best["person_delay_diff_significant"] == "yes" && Num(best["person_delay_diff_h"]) < 0;
        Assert.Equal(bestGains, summary.BestIsSignificant);
        Assert.Contains(best["strategy"], summary.Conclusion, StringComparison.Ordinal);

        // The note opens with these sentences, before the scenario and its assumptions.
        var files = ReportWriter.Write(dir, language);
        var html = File.ReadAllText(files.HtmlPath);
        var at = html.IndexOf("id=\"summary\"", StringComparison.Ordinal);
        Assert.True(at > 0 && at < html.IndexOf(WebUtility.HtmlEncode(labels["report.assumptions"]), StringComparison.Ordinal), "the summary comes first");
        Assert.Contains(WebUtility.HtmlEncode(summary.Conclusion), html, StringComparison.Ordinal);
        foreach (var sentence in summary.Strategies.SelectMany(s => s.Modes).Select(m => m.Sentence).Concat(summary.Caveats))
            Assert.Contains(WebUtility.HtmlEncode(sentence), html, StringComparison.Ordinal);
        Assert.Contains(summary.Conclusion, File.ReadAllText(files.MarkdownPath), StringComparison.Ordinal);
        return summary;
    }

    private static double Num(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split(',');
            return header.Select((h, i) => (h, v: f[i])).ToDictionary(p => p.h, p => p.v);
        }).ToList();
    }

    private static string Copy(string from, string to)
    {
        foreach (var d in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, d)));
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(f, Path.Combine(to, Path.GetRelativePath(from, f)));
        return to;
    }
}
