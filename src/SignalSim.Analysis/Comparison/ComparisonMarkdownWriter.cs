// comparison.md: the comparison as tables to paste into a committee note. First the person-delay
// summary (who gains, who pays, in person-hours), then the unfinished vehicles and the time spent
// in the system, then travel time and delay by mode, then bus and tram regularity and pedestrian
// waiting when the scenario has them. Numbers are rounded for
// reading; comparison.csv keeps more decimals.
using System.Globalization;
using SignalSim.Analysis.Metrics;
using SignalSim.Analysis.Statistics;
using SignalSim.Core.Output;

namespace SignalSim.Analysis.Comparison;

public static class ComparisonMarkdownWriter
{
    public const string FileName = "comparison.md";

    public static void Write(ComparisonTable table, StudyInfo info, TextWriter w, string title = "Strategy comparison")
    {
        var modes = table.Rows.Select(r => r.Mode).Where(m => m != ComparisonTable.AllModes).Distinct().ToList();
        w.WriteLine(table.Partial
            ? $"# {title} (partial: {table.CompletedRuns} of {table.TotalRuns} runs): {info.ScenarioName}"
            : $"# {title}: {info.ScenarioName}");
        w.WriteLine();
        if (table.Partial)
        {
            w.WriteLine($"**Partial result**: the study was interrupted after {table.CompletedRuns} of {table.TotalRuns} runs. " +
                "Figures cover the replications that finished (column *reps*); differences use the replications finished by both strategies.");
            w.WriteLine();
        }
        w.WriteLine(Invariant($"Scenario {info.Source}; {table.ReplicationsText} of {info.DurationS:0.###} s measured after {info.WarmupS:0.###} s of warm-up, measured vehicles followed through {info.CooldownS:0.###} s of cool-down; {info.SeedNote}, base seed {info.BaseSeed}. Baseline: **{table.Baseline}**."));
        w.WriteLine();
        w.WriteLine("Every strategy runs on the same random arrivals in each replication (common random numbers), so differences are due to the strategy. " +
            "Intervals are 95 % Student t intervals across replications; a difference is significant (*) when its interval excludes zero. Negative differences are gains.");
        w.WriteLine();
        Strategies(table, w);
        PersonDelay(table, modes, w);
        Unfinished(table, modes, w);
        ByMode(table, w);
        Regularity(table, w);
        PedestrianWaits(table, w);
    }

    private static void Strategies(ComparisonTable table, TextWriter w)
    {
        w.WriteLine("## Strategies");
        w.WriteLine();
        foreach (var s in table.Strategies)
        {
            var baseline = s.IsBaseline ? " (baseline)" : "";
            w.WriteLine($"- **{s.Id}**{baseline}: {s.Description ?? "no description"}");
        }
        w.WriteLine();
    }

    private static void PersonDelay(ComparisonTable table, List<string> modes, TextWriter w)
    {
        w.WriteLine("## Person-delay");
        w.WriteLine();
        w.WriteLine("Delay of every measured traveller (arrived in the measured period), in person-hours: vehicle delay (travel time minus free-flow time) times occupancy, plus pedestrians' waits at crossings; " +
            "vehicles and pedestrians that had not finished by the end of the cool-down count with the delay accumulated so far. " +
            $"The mode columns split the difference against {table.Baseline}.");
        w.WriteLine();
        var header = "| strategy | reps | person-delay (person-h) | 95 % CI | vs baseline | 95 % CI | " + string.Join(" | ", modes.Select(m => Enum.Parse<ReportMode>(m, ignoreCase: true).Plural())) + " |";
        w.WriteLine(header);
        w.WriteLine("|" + string.Concat(Enumerable.Repeat(" --- |", 6 + modes.Count)));
        foreach (var s in table.Strategies)
        {
            var all = table.Row(s.Id, ComparisonTable.AllModes);
            var cells = new List<string>
            {
                s.Id, Int(all.Replications), F(all.PersonDelay?.Mean, 2), Ci(all.PersonDelay?.Ci95Low, all.PersonDelay?.Ci95High, 2),
                Diff(all.PersonDelayDiff, 2), DiffCi(all.PersonDelayDiff, 2),
            };
            cells.AddRange(modes.Select(m => Diff(table.Row(s.Id, m).PersonDelayDiff, 2)));
            w.WriteLine("| " + string.Join(" | ", cells) + " |");
        }
        w.WriteLine();
    }

    private static void Unfinished(ComparisonTable table, List<string> modes, TextWriter w)
    {
        w.WriteLine("## Unfinished trips and time in the system");
        w.WriteLine();
        w.WriteLine("Unfinished: measured vehicles still in the network or waiting at an entry (pedestrians: still waiting) at the end of the cool-down, per replication; travel-time figures cover finished trips only. " +
            "Time in the system: vehicle-hours and person-hours spent in the network and waiting to enter during the measured period by every vehicle present, per replication.");
        w.WriteLine();
        w.WriteLine("| strategy | unfinished | " + string.Join(" | ", modes.Select(m => Enum.Parse<ReportMode>(m, ignoreCase: true).Plural())) + " | vehicle-h in system | person-h in system |");
        w.WriteLine("|" + string.Concat(Enumerable.Repeat(" --- |", 4 + modes.Count)));
        foreach (var s in table.Strategies)
        {
            var all = table.Row(s.Id, ComparisonTable.AllModes);
            var cells = new List<string> { s.Id, F(all.UnfinishedPerReplication, 1) };
            cells.AddRange(modes.Select(m => F(table.Row(s.Id, m).UnfinishedPerReplication, 1)));
            cells.Add(F(all.SystemVehicleH, 2));
            cells.Add(F(all.SystemPersonH, 2));
            w.WriteLine("| " + string.Join(" | ", cells) + " |");
        }
        w.WriteLine();
    }

    private static void ByMode(ComparisonTable table, TextWriter w)
    {
        w.WriteLine("## Travel time and delay by mode");
        w.WriteLine();
        w.WriteLine("Finished trips per replication; times in seconds, averaged over replications (percentiles are per replication, then averaged). " +
            "For pedestrians the delay is the wait for the walk signal, and they have no travel time.");
        w.WriteLine();
        w.WriteLine("| strategy | mode | reps | trips | mean travel time | 95 % CI | median | p90 | p95 | mean delay | stops/trip | Δ travel time | 95 % CI | Δ delay | 95 % CI |");
        w.WriteLine("|" + string.Concat(Enumerable.Repeat(" --- |", 15)));
        foreach (var r in table.Rows.Where(r => r.Mode != ComparisonTable.AllModes))
        {
            var cells = new[]
            {
                r.Strategy, r.Mode, Int(r.Replications), F(r.TripsPerReplication, 0),
                F(r.TravelTime?.Mean, 1), Ci(r.TravelTime?.Ci95Low, r.TravelTime?.Ci95High, 1),
                F(r.MedianTravelTimeS, 1), F(r.P90TravelTimeS, 1), F(r.P95TravelTimeS, 1),
                F(r.Delay?.Mean, 1), F(r.StopsPerTrip, 2),
                Diff(r.TravelTimeDiff, 1), DiffCi(r.TravelTimeDiff, 1), Diff(r.DelayDiff, 1), DiffCi(r.DelayDiff, 1),
            };
            w.WriteLine("| " + string.Join(" | ", cells) + " |");
        }
        w.WriteLine();
    }

    private static void Regularity(ComparisonTable table, TextWriter w)
    {
        var rows = table.Rows.Where(r => r.HeadwayCv is not null).ToList();
        if (rows.Count == 0) return;
        w.WriteLine("## Bus and tram regularity");
        w.WriteLine();
        w.WriteLine("Coefficient of variation of headways at each line's regularity stop (standard deviation / mean; 0 is perfectly regular, bunching raises it).");
        w.WriteLine();
        w.WriteLine("| strategy | mode | headway CV |");
        w.WriteLine("| --- | --- | --- |");
        foreach (var r in rows) w.WriteLine($"| {r.Strategy} | {r.Mode} | {F(r.HeadwayCv, 3)} |");
        w.WriteLine();
    }

    private static void PedestrianWaits(ComparisonTable table, TextWriter w)
    {
        var rows = table.Rows.Where(r => r.Mode == ReportMode.Pedestrian.Word()).ToList();
        if (rows.Count == 0) return;
        w.WriteLine("## Pedestrian waiting");
        w.WriteLine();
        w.WriteLine("| strategy | pedestrians | mean wait (s) | 95 % CI | p90 wait (s) | Δ mean wait | 95 % CI |");
        w.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in rows)
        {
            w.WriteLine($"| {r.Strategy} | {F(r.TripsPerReplication, 0)} | {F(r.Delay?.Mean, 1)} | {Ci(r.Delay?.Ci95Low, r.Delay?.Ci95High, 1)} | {F(r.P90DelayS, 1)} | {Diff(r.DelayDiff, 1)} | {DiffCi(r.DelayDiff, 1)} |");
        }
        w.WriteLine();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Int(int value) => InvariantText.Integer(value);

    private static string F(double? value, int decimals) => value is { } v ? InvariantText.Fixed(v, decimals) : "–";

    private static string Ci(double? low, double? high, int decimals) =>
        low is { } l && high is { } h ? $"{InvariantText.Fixed(l, decimals)} to {InvariantText.Fixed(h, decimals)}" : "–";

    /// <summary>Signed difference, starred when significant.</summary>
    private static string Diff(PairedDifference? d, int decimals)
    {
        if (d is null) return "–";
        var text = InvariantText.Fixed(d.Mean, decimals);
        if (text[0] != '-' && text.Any(c => c is >= '1' and <= '9')) text = "+" + text;
        return d.Significant ? text + "*" : text;
    }

    private static string DiffCi(PairedDifference? d, int decimals) => Ci(d?.Ci95Low, d?.Ci95High, decimals);
}
