// What the note says, gathered once from the results folder and shared by the HTML and the
// Markdown writers: scenario, assumptions, strategies, comparison table, charts, seeds, version.
using System.Globalization;
using System.Reflection;
using SignalSim.Analysis.Comparison;
using SignalSim.Charts.Charts;
using SignalSim.Charts.Labels;
using SignalSim.Charts.Results;
using SignalSim.Core.Scenario;

namespace SignalSim.Charts.Report;

public sealed record ReportStrategy(string Id, LocalizedText? Description, bool IsBaseline, ulong Seed, string ProgramVersion);

/// <summary>A drawn chart (files) or one that could not be drawn: the reason in English for the console, and in the note's language.</summary>
public sealed record ReportChart(string Kind, string Title, ChartFiles? Files, string? MissingReason, string? NoteReason = null)
{
    public string NoteText => NoteReason ?? MissingReason ?? "";
}

public sealed class ReportContent
{
    public required ChartLabels Labels { get; init; }
    public required ResultsFolder Folder { get; init; }
    public required IReadOnlyList<ReportStrategy> Strategies { get; init; }
    public required IReadOnlyList<ReportChart> Charts { get; init; }

    /// <summary>The first page: who gains, who pays, the best strategy and what would change it.</summary>
    public required DecisionSummary Summary { get; init; }

    /// <summary>The priority requests per strategy and centre, and their sensitivity to the link; null without priority_messages.csv.</summary>
    public PrioritySection? Priority { get; init; }

    /// <summary>The baseline's bus time lost per place, cause and hour, worst first; null without bus crossings.</summary>
    public PointsDursSection? PointsDurs { get; init; }

    /// <summary>The validation appendix measured on the baseline's run; null when nothing saturates.</summary>
    public required ValidationAppendix? Validation { get; init; }

    /// <summary>The step-size check of step_check.csv; null when the folder has none.</summary>
    public StepSizeSummary? StepSize { get; init; }

    /// <summary>The appendix's paragraphs: where it was measured, how, and what the arrivals are.</summary>
    public IEnumerable<string> ValidationText()
    {
        // A failed step-size check comes first: it puts every figure of the note in doubt.
        if (StepSize is { Met: false } step)
        {
            yield return Labels.Format("validation.step_failed", Labels.Tick(step.StepS), Labels.Signed(step.TravelTimeDifferencePercent, 1),
                Labels.Tick(step.HalfStepS), Labels.Number(StepSizeCheck.TolerancePercent, 0));
        }
        if (Validation is not { } v)
        {
            yield return Labels["validation.none"];
            yield break;
        }
        yield return Labels.Format("validation.intro", v.Approach, v.Intersection, v.Group, v.Lanes, v.SaturatedGreens, v.Headways);
        yield return Labels[v.FedFromBoundary ? "validation.fed_boundary" : "validation.fed_signal"];
        yield return Labels["validation.method"];
    }

    /// <summary>The appendix's table: quantity, measured value, reference value.</summary>
    public IEnumerable<string[]> ValidationRows()
    {
        var l = Labels;
        if (UnfinishedRow() is { } unfinished) yield return unfinished;
        foreach (var row in StepSizeRows()) yield return row;
        if (Validation is not { } v) yield break;
        yield return [l["validation.saturation"], l.Number(v.SaturationFlowVehPerHourPerLane, 0), l["validation.saturation_ref"]];
        yield return [l["validation.lost"], l.Number(v.StartUpLostTimeS, 1), l["validation.lost_ref"]];
        yield return [l["validation.cycle"], l.Number(v.CycleS, 1), l.Format("validation.plan_cycles", string.Join(" ; ", v.PlanCyclesS.Select(c => l.Number(c, 0))))];
        yield return [l["validation.green"], $"{l.Number(v.DisplayedGreenS, 1)} / {l.Number(v.EffectiveGreenS, 1)}", l["validation.green_ref"]];
        yield return [l["validation.flow"], $"{l.Number(v.FlowVehPerHourPerLane, 0)} / {l.Number(v.DegreeOfSaturation, 2)}", l["validation.flow_ref"]];
        var webster = double.IsFinite(v.WebsterDelayS) ? l.Number(v.WebsterDelayS, 1) : "–";
        yield return [l["validation.delay"], l.Number(v.MeasuredDelayS, 1), l.Format("validation.delay_ref", l.Number(v.DeterministicDelayS, 1), webster)];
    }

    /// <summary>
    /// The baseline's mean car travel time and delay at the study's step and at half the step
    /// (same seeds), their difference and the criterion; in a comparison without the check, a
    /// row saying it was not made.
    /// </summary>
    private IEnumerable<string[]> StepSizeRows()
    {
        var l = Labels;
        if (StepSize is not { } s)
        {
            if (Folder.IsComparison) yield return [l["validation.step_absent"], l["validation.step_absent_value"], l.Format("validation.step_absent_ref", StepSizeCheck.FileName)];
            yield break;
        }
        var verdict = l[s.Met ? "validation.step_met" : "validation.step_not_met"];
        yield return
        [
            l.Format("validation.step", l.Tick(s.StepS), l.Tick(s.HalfStepS), s.Replications),
            l.Format("validation.step_value", l.Number(s.MeanTravelTimeS, 1), l.Number(s.HalfStepMeanTravelTimeS, 1), l.Signed(s.TravelTimeDifferencePercent, 1), verdict),
            l.Format("validation.step_ref", l.Number(StepSizeCheck.TolerancePercent, 0)),
        ];
        yield return
        [
            l.Format("validation.step_delay", l.Tick(s.StepS), l.Tick(s.HalfStepS)),
            l.Format("validation.step_delay_value", l.Number(s.MeanDelayS, 1), l.Number(s.HalfStepMeanDelayS, 1), l.Signed(s.DelayDifferencePercent, 1)),
            l["validation.step_delay_ref"],
        ];
    }

    /// <summary>
    /// Vehicles still in the network or waiting at an entry at the end of the run, per
    /// replication: the baseline's with its share of the vehicles measured, and the range over
    /// the strategies; they are counted in person-delay, so that a strategy that traps vehicles
    /// does not look better. Null without the figures in comparison.csv.
    /// </summary>
    private string[]? UnfinishedRow()
    {
        var l = Labels;
        var byStrategy = new List<(string Strategy, double Unfinished, double Trips)>();
        foreach (var group in Folder.Comparison.Where(r => r.Mode is not ("all" or "pedestrian")).GroupBy(r => r.Strategy))
        {
            if (group.Any(r => r.UnfinishedPerReplication is null || r.TripsPerReplication is null)) return null;
            byStrategy.Add((group.Key, group.Sum(r => r.UnfinishedPerReplication!.Value), group.Sum(r => r.TripsPerReplication!.Value)));
        }
        var baseline = byStrategy.FirstOrDefault(b => b.Strategy == Folder.Baseline);
        if (baseline.Strategy is null) return null;
        var share = baseline.Unfinished + baseline.Trips > 0 ? 100 * baseline.Unfinished / (baseline.Unfinished + baseline.Trips) : 0;
        var measured = l.Format("validation.unfinished_value", l.Number(baseline.Unfinished, 1), l.Number(share, 1),
            l.Number(byStrategy.Min(b => b.Unfinished), 1), l.Number(byStrategy.Max(b => b.Unfinished), 1));
        return [l["validation.unfinished"], measured, l["validation.unfinished_ref"]];
    }

    /// <summary>Version of the program writing the note.</summary>
    public static string ReportVersion { get; } =
        typeof(ReportContent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The note's title; an interrupted study says "partial" first, with the replications it has.</summary>
    public string Title => Folder.Metadata is { Partial: true } m
        ? Labels.Format("report.title_partial", Labels.Text(Folder.Scenario.Scenario.Name), m.Replications ?? 0, m.ReplicationsRequested ?? m.Replications ?? 0)
        : Labels.Format("report.title", Labels.Text(Folder.Scenario.Scenario.Name));

    /// <summary>
    /// A prose text of the scenario in the note's language, marked when it is not: "(text
    /// available in French only)", or "(text given in one language only)" for a plain string,
    /// whose language the scenario does not declare.
    /// </summary>
    public string Prose(LocalizedText text)
    {
        var shown = Labels.Text(text);
        if (text.IsPlain) return $"{shown} {Labels["report.one_language"]}";
        if (!text.Has(Labels.Language)) return $"{shown} {Labels.Format("report.only_in", Labels["language." + text.LanguageOf(Labels.Language)])}";
        return shown;
    }

    /// <summary>A strategy's description in the note's language, or "(no description)".</summary>
    public string Describe(ReportStrategy s) => s.Description is { } d ? Prose(d) : Labels["report.no_description"];

    /// <summary>The simulation settings sentence: durations and the start time of day.</summary>
    public string Settings()
    {
        var s = Folder.BaselineRun.Summary;
        var start = Folder.Scenario.Scenario.Simulation.StartTimeOfDayS;
        var clock = TimeSpan.FromSeconds(start).ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return Labels.Format("report.settings", Labels.Number(s.DurationS, 0), Labels.Number(s.WarmupS, 0), Labels.Number(s.StepS, 1), clock);
    }

    public IEnumerable<string> CentreLines()
    {
        var scenario = Folder.Scenario.Scenario;
        foreach (var c in scenario.Centres)
        {
            var count = scenario.Intersections.Count(x => x.Centre == c.Id);
            yield return Labels.Format("report.centre_row", c.Name is { } name ? Labels.Text(name) : c.Id, c.Id, count, Labels.Signed(c.Clock.OffsetS, 1), Labels.Signed(c.Clock.DriftSPerHour, 1));
        }
    }

    /// <summary>Rows of the comparison table, formatted: strategy, mode, trips, unfinished per replication, mean, CI, P90, delay, difference, CI of the difference.</summary>
    public IEnumerable<string[]> ComparisonRows()
    {
        var l = Labels;
        foreach (var r in Folder.Comparison.OrderBy(r => Folder.Runs.ToList().FindIndex(x => x.Name == r.Strategy)).ThenBy(r => ChartStyle.ModeOrder(r.Mode)))
        {
            string N(double v) => double.IsFinite(v) ? l.Number(v, 1) : "–";
            var diff = r.DiffVsBaselineS is { } d ? l.Signed(d, 1) : "–";
            var diffCi = r.DiffCi95LowS is { } lo && r.DiffCi95HighS is { } hi ? $"[{l.Signed(lo, 1)} ; {l.Signed(hi, 1)}]" : "–";
            yield return
            [
                r.Strategy == Folder.Baseline ? $"{r.Strategy} ({l["report.baseline"]})" : r.Strategy,
                l.Mode(r.Mode), r.Trips.ToString(CultureInfo.InvariantCulture), r.UnfinishedPerReplication is { } u ? l.Number(u, 1) : "–",
                N(r.MeanTravelTimeS), $"[{N(r.Ci95LowS)} ; {N(r.Ci95HighS)}]", N(r.P90TravelTimeS), N(r.MeanDelayS), diff, diffCi,
            ];
        }
    }

    public string[] ComparisonHeader() =>
        new[] { "report.col.strategy", "report.col.mode", "report.col.trips", "report.col.unfinished", "report.col.mean", "report.col.ci", "report.col.p90", "report.col.delay", "report.col.diff", "report.col.diff_ci" }
            .Select(k => Labels[k]).ToArray();

    public IEnumerable<string> ReproducibilityLines()
    {
        var l = Labels;
        var versions = Strategies.Select(s => s.ProgramVersion).Distinct().ToList();
        if (Folder.Metadata?.ProgramVersion is { } v && !versions.Contains(v)) versions.Insert(0, v);
        yield return l.Format("report.version", string.Join(", ", versions));
        if (Folder.Metadata is { Partial: true, Replications: { } done } partial)
            yield return l.Format("report.replications_partial", done, partial.ReplicationsRequested ?? done);
        else if (Folder.Metadata?.Replications is { } n) yield return l.Format("report.replications", n);
        if (Folder.Metadata is { Seeds.Count: > 0 } m) yield return l.Format("report.seeds", string.Join(", ", m.Seeds));
        foreach (var s in Strategies) yield return l.Format("report.seed_row", s.Id, s.Seed);
        var files = Directory.EnumerateFiles(Folder.Path).Select(Path.GetFileName).Where(f => f is not null && !f.StartsWith("report.", StringComparison.Ordinal) && !f.StartsWith('.'))
            .Order(StringComparer.Ordinal);
        yield return l.Format("report.files", string.Join(", ", files));
    }
}
