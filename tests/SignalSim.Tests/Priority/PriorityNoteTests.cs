// The note's priority section. Its sensitivity sentence follows from the figures by its rule:
// on hand-made rows, a benefit that shrinks with latency or loss "falls", one that does not
// "does not fall", and overlapping intervals are said to be within the noise. On a short real
// comparison, priority_messages.csv with one replication holds exactly the counts of that
// replication's summary.json, and the note in each language carries the table and the verdicts
// the rule gives on the file's own figures.
using System.Globalization;
using System.Text.Json;
using SignalSim.Charts.Labels;
using SignalSim.Charts.Report;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Priority;

public sealed class PriorityNoteTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static PriorityRequestsRow Row(string strategy, double? latency, double? loss, double busDiff, double halfWidth) =>
        new(strategy, "paris", latency, loss, 10, 0, 5, 4, 1, 0, busDiff, busDiff - halfWidth, busDiff + halfWidth);

    [Fact]
    public void The_verdict_follows_the_figures_by_rule()
    {
        var en = ChartLabels.For("en");
        string[] order = ["base", "shared", "slow", "lossy"];
        // Benefit (minus the bus delay difference) 30 s at 2 s / 0 %, 20 s at 10 s, 31 s at 30 % lost; narrow intervals.
        var rows = new[] { Row("base", null, null, 0, 0), Row("shared", 2, 0, -30, 0.2), Row("slow", 10, 0, -20, 0.2), Row("lossy", 2, 0.3, -31, 0.2) };
        var s = PrioritySection.FromRows(en, rows, order).Sensitivity();
        Assert.NotNull(s);
        Assert.Equal(3, s.Rows.Count);
        var latency = Assert.Single(s.Verdicts, v => v.Contains("latency", StringComparison.Ordinal));
        Assert.Equal("As the latency grows from 2 s to 10 s, the bus benefit falls by 10.0 s per trip (+30.0 s → +20.0 s).", latency);
        var loss = Assert.Single(s.Verdicts, v => v.Contains("lost", StringComparison.Ordinal));
        Assert.Equal("As the share of messages lost grows from 0 % to 30 %, the bus benefit does not fall (+30.0 s → +31.0 s per trip).", loss);

        // Wide intervals: the same verdicts, said to be within the noise.
        var wide = new[] { Row("base", null, null, 0, 0), Row("shared", 2, 0, -30, 15), Row("slow", 10, 0, -20, 15) };
        var w = PrioritySection.FromRows(en, wide, order).Sensitivity();
        Assert.EndsWith(en["priority.within_noise"], Assert.Single(w!.Verdicts), StringComparison.Ordinal);

        // A single link: nothing to compare, no sentence.
        Assert.Null(PrioritySection.FromRows(en, [Row("base", null, null, 0, 0), Row("shared", 2, 0, -30, 0.2)], order).Sensitivity());
    }

    [Fact]
    public async Task A_comparison_writes_the_counts_and_the_note_states_the_rule_on_them()
    {
        var dir = _tmp["compare"];
        var run = await CliRunner.RunAsync("compare", CliRunner.ScenarioPath("porte-de-choisy.json"), "--strategies",
            "bus-priority-shared,bus-priority-shared-latency-10s,bus-priority-shared-loss-30pc", "--replications", "1", "--duration", "900", "--no-report", "--out", dir);
        Assert.True(run.ExitCode == 0, run.ToString());

        var csv = File.ReadAllLines(Path.Combine(dir, PriorityRequestsRow.FileName));
        var header = csv[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var rows = csv.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(4 * 2, rows.Count); // the baseline added, two centres each
        foreach (var strategy in rows.Select(r => r[0]).Distinct())
        {
            using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, strategy, "summary.json")));
            foreach (var c in summary.RootElement.GetProperty("priority_messages").GetProperty("centres").EnumerateArray())
            {
                var row = rows.Single(r => r[0] == strategy && r[1] == c.GetProperty("centre").GetString());
                foreach (var field in new[] { "requests", "relayed", "lost_on_link", "granted", "served_in_time", "wasted", "rejected" })
                    Assert.Equal(c.GetProperty(field).GetInt32(), double.Parse(row[Col(field)], CultureInfo.InvariantCulture));
            }
        }

        // The rule on the file's own figures: benefit = minus the bus delay difference.
        double Gain(string strategy) => -double.Parse(rows.First(r => r[0] == strategy)[Col("bus_delay_diff_s")], CultureInfo.InvariantCulture);
        var latencyFalls = Gain("bus-priority-shared-latency-10s") < Gain("bus-priority-shared");
        var lossFalls = Gain("bus-priority-shared-loss-30pc") < Gain("bus-priority-shared");
        foreach (var language in new[] { "fr", "en" })
        {
            var l = ChartLabels.For(language);
            var note = File.ReadAllText(ReportWriter.Write(dir, language).MarkdownPath);
            Assert.Contains("## " + l["priority.title"], note, StringComparison.Ordinal);
            // The words between the link settings and the figures: what tells "falls" from "does not fall".
            string Start(string key)
            {
                var text = l[key];
                var from = text.IndexOf("{1}", StringComparison.Ordinal) + 3;
                return text[from..text.IndexOf('{', from)];
            }
            Assert.Contains(Start(latencyFalls ? "priority.latency_falls" : "priority.latency_holds"), note, StringComparison.Ordinal);
            Assert.Contains(Start(lossFalls ? "priority.loss_falls" : "priority.loss_holds"), note, StringComparison.Ordinal);
        }
    }
}
