// The note's section on priority requests, from a comparison's priority_messages.csv: a table,
// strategy by strategy and centre by centre, of the requests made, granted, served in time,
// wasted, rejected and lost on the link (means per replication), then, when the scenario has
// strategies that differ only in how good the link between the centres is, how the bus benefit
// of shared priority moves as its latency and loss grow. That sentence follows from the figures
// by a fixed rule (see Sensitivity), never from a text written for one result. Texts come from
// the labels (priority.*), so the French note stays French.
using SignalSim.Charts.Labels;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Report;

/// <summary>One row of priority_messages.csv (a comparison's).</summary>
public sealed record PriorityRequestsRow(string Strategy, string Centre, double? LatencyS, double? LossProbability, double Requests, double LostOnLink,
    double Granted, double ServedInTime, double Wasted, double Rejected, double? BusDelayDiffS, double? BusDelayDiffLowS, double? BusDelayDiffHighS)
{
    public const string FileName = "priority_messages.csv";

    public static readonly string[] Columns =
        ["strategy", "centre", "latency_s", "loss_probability", "requests", "lost_on_link", "granted", "served_in_time", "wasted", "rejected", "bus_delay_diff_s"];

    public static List<PriorityRequestsRow> Read(string path) => CsvFile.ReadAll(path, Columns, c => new PriorityRequestsRow(
        c.Text("strategy"), c.Text("centre"), c.OptionalNumber("latency_s"), c.OptionalNumber("loss_probability"), c.Number("requests"), c.Number("lost_on_link"),
        c.Number("granted"), c.Number("served_in_time"), c.Number("wasted"), c.Number("rejected"), c.OptionalNumber("bus_delay_diff_s"),
        c.OptionalNumber("bus_delay_diff_ci95_low_s"), c.OptionalNumber("bus_delay_diff_ci95_high_s")));
}

public sealed class PrioritySection
{
    private readonly ChartLabels _l;
    private readonly IReadOnlyList<PriorityRequestsRow> _rows;
    private readonly IReadOnlyList<string> _strategyOrder;

    private PrioritySection(ChartLabels labels, IReadOnlyList<PriorityRequestsRow> rows, IReadOnlyList<string> strategyOrder)
    {
        _l = labels;
        _rows = rows;
        _strategyOrder = strategyOrder;
    }

    /// <summary>The section of a comparison folder that has priority_messages.csv with requests in it; null otherwise.</summary>
    public static PrioritySection? Of(ResultsFolder folder, ChartLabels labels)
    {
        var path = Path.Combine(folder.Path, PriorityRequestsRow.FileName);
        if (!folder.IsComparison || !File.Exists(path)) return null;
        var rows = PriorityRequestsRow.Read(path);
        if (rows.All(r => r.Requests == 0)) return null;
        return new PrioritySection(labels, rows, folder.Runs.Select(r => r.Name).ToList());
    }

    /// <summary>The section for given rows (tests of the rule).</summary>
    internal static PrioritySection FromRows(ChartLabels labels, IReadOnlyList<PriorityRequestsRow> rows, IReadOnlyList<string> strategyOrder) =>
        new(labels, rows, strategyOrder);

    public string Title => _l["priority.title"];

    public string Intro => _l["priority.intro"];

    public string[] Header() =>
        new[] { "priority.col.strategy", "priority.col.centre", "priority.col.requests", "priority.col.granted", "priority.col.served", "priority.col.wasted", "priority.col.rejected", "priority.col.lost" }
            .Select(k => _l[k]).ToArray();

    /// <summary>Strategies with requests, in the note's order, each centre in the scenario's order.</summary>
    public IEnumerable<string[]> Rows()
    {
        foreach (var group in _rows.GroupBy(r => r.Strategy).OrderBy(g => Order(g.Key)))
        {
            if (group.All(r => r.Requests == 0)) continue;
            foreach (var r in group)
            {
                yield return
                [
                    r.Strategy, r.Centre, _l.Number(r.Requests, 1), _l.Number(r.Granted, 1), _l.Number(r.ServedInTime, 1), _l.Number(r.Wasted, 1),
                    _l.Number(r.Rejected, 1), r.LatencyS is null ? "–" : _l.Number(r.LostOnLink, 1),
                ];
            }
        }
    }

    /// <summary>
    /// How the bus benefit moves with the link, when at least two strategies forward between the
    /// centres over links that differ. The link of a strategy is the worst of its centres' (largest
    /// latency, largest loss); the bus benefit is minus its paired bus delay difference against the
    /// baseline. The reference is the strategy with the best link (least loss, then least latency).
    /// Along each axis (latency at the reference's loss, loss at the reference's latency) with at
    /// least two links, the benefit at the worst link is compared with the reference's: it "falls"
    /// when lower, "does not fall" otherwise; the note adds that the change lies within the 95 %
    /// intervals when those of the two strategies overlap.
    /// </summary>
    public SensitivityText? Sensitivity()
    {
        var links = _rows.GroupBy(r => r.Strategy)
            .Where(g => g.Any(r => r.LatencyS is not null) && g.First().BusDelayDiffS is not null)
            .Select(g => new Link(g.Key, g.Max(r => r.LatencyS ?? 0), g.Max(r => r.LossProbability ?? 0), -g.First().BusDelayDiffS!.Value,
                -(g.First().BusDelayDiffHighS ?? g.First().BusDelayDiffS!.Value), -(g.First().BusDelayDiffLowS ?? g.First().BusDelayDiffS!.Value)))
            .OrderBy(k => k.Loss).ThenBy(k => k.LatencyS).ThenBy(k => Order(k.Strategy))
            .ToList();
        if (links.Select(k => (k.LatencyS, k.Loss)).Distinct().Count() < 2) return null;
        var rows = links.Select(k => _l.Format("priority.sensitivity_row", k.Strategy, _l.Number(k.LatencyS, 0), _l.Number(100 * k.Loss, 0), _l.Signed(k.GainS, 1),
                _l.Signed(k.LowS, 1), _l.Signed(k.HighS, 1))).ToList();
        var verdicts = new List<string>();
        var reference = links[0];
        var byLatency = links.Where(k => k.Loss == reference.Loss).OrderBy(k => k.LatencyS).ToList();
        var byLoss = links.Where(k => k.LatencyS == reference.LatencyS).OrderBy(k => k.Loss).ToList();
        if (byLatency.Select(k => k.LatencyS).Distinct().Count() >= 2)
            verdicts.Add(Verdict("priority.latency", reference, byLatency[^1], _l.Number(reference.LatencyS, 0), _l.Number(byLatency[^1].LatencyS, 0)));
        if (byLoss.Select(k => k.Loss).Distinct().Count() >= 2)
            verdicts.Add(Verdict("priority.loss", reference, byLoss[^1], _l.Number(100 * reference.Loss, 0), _l.Number(100 * byLoss[^1].Loss, 0)));
        return new SensitivityText(_l["priority.sensitivity_intro"], rows, verdicts);
    }

    private string Verdict(string axis, Link from, Link to, string fromText, string toText)
    {
        var change = to.GainS - from.GainS;
        var key = change < 0 ? axis + "_falls" : axis + "_holds";
        var text = _l.Format(key, fromText, toText, _l.Signed(from.GainS, 1), _l.Signed(to.GainS, 1), _l.Number(Math.Abs(change), 1));
        var overlap = from.LowS <= to.HighS && to.LowS <= from.HighS;
        return overlap ? text + " " + _l["priority.within_noise"] : text;
    }

    private int Order(string strategy)
    {
        var i = -1;
        for (var k = 0; k < _strategyOrder.Count && i < 0; k++)
        {
            if (_strategyOrder[k] == strategy) i = k;
        }
        return i < 0 ? int.MaxValue : i;
    }

    /// <summary>The sensitivity paragraph: its introduction, one line per strategy, and the verdict along each axis.</summary>
    public sealed record SensitivityText(string Intro, IReadOnlyList<string> Rows, IReadOnlyList<string> Verdicts);

    /// <param name="GainS">Bus benefit: seconds of bus delay saved per trip against the baseline; LowS and HighS its 95 % interval.</param>
    private sealed record Link(string Strategy, double LatencyS, double Loss, double GainS, double LowS, double HighS);
}
