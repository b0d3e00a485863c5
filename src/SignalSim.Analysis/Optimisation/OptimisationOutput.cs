// Writes an optimisation's folder: strategy.json (the result, ready to paste into the scenario's
// "strategies"), search.csv (every candidate evaluated), evaluation.csv and evaluation.md (start
// against result on fresh seeds, as a comparison) and optimisation.md, the summary, committed
// last as the marker of a complete folder.
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SignalSim.Analysis.Comparison;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;

namespace SignalSim.Analysis.Optimisation;

public static class OptimisationOutput
{
    public const string StrategyFileName = "strategy.json";
    public const string SearchFileName = "search.csv";
    public const string EvaluationCsvFileName = "evaluation.csv";
    public const string EvaluationMdFileName = "evaluation.md";
    public const string SummaryFileName = "optimisation.md";

    private static readonly JsonSerializerOptions StrategyJson = new(ScenarioJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // The text goes into a file people read and edit, not into HTML: keep quotes and accents as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The strategy as the JSON object a scenario's "strategies" list takes.</summary>
    public static string StrategyJsonText(StrategySpec strategy) => JsonSerializer.Serialize(strategy, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<StrategySpec>)StrategyJson.GetTypeInfo(typeof(StrategySpec))).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    /// <returns>The names of the files written, in order.</returns>
    public static IReadOnlyList<string> Write(string outDir, OptimisationResult result, OptimisationRequest request, StudyInfo info)
    {
        using var folder = StagedOutputFolder.Create(outDir);
        var files = new List<string> { StrategyFileName, SearchFileName };
        File.WriteAllText(folder.PathFor(StrategyFileName), StrategyJsonText(result.Optimised));
        ComparisonOutput.WriteText(folder.PathFor(SearchFileName), w => WriteSearch(result.IntersectionIds, result.Trace, w));
        ComparisonTable? table = null;
        if (result.Evaluation is { CompletedRuns: > 0 } evaluation)
        {
            table = ComparisonTable.Build(evaluation);
            ComparisonOutput.WriteText(folder.PathFor(EvaluationCsvFileName), w => ComparisonCsvWriter.Write(table, w));
            ComparisonOutput.WriteText(folder.PathFor(EvaluationMdFileName), w => ComparisonMarkdownWriter.Write(table, info, w, "Optimised strategy against its start, on fresh seeds"));
            files.Add(EvaluationCsvFileName);
            files.Add(EvaluationMdFileName);
        }
        ComparisonOutput.WriteText(folder.PathFor(SummaryFileName), w => WriteSummary(result, request, info, table, w));
        files.Add(SummaryFileName);
        folder.Commit(files);
        return files;
    }

    /// <summary>search.csv: every candidate evaluated, in order.</summary>
    internal static void WriteSearch(IReadOnlyList<string> intersectionIds, IReadOnlyList<SearchStep> trace, TextWriter w)
    {
        var csv = new CsvTable(w);
        csv.Header(["evaluation", "phase", "change", "cycle_s", .. intersectionIds.Select(id => $"offset_{id}_s"), "objective", "accepted"]);
        foreach (var step in trace)
        {
            csv.Field(InvariantText.Integer(step.Evaluation));
            csv.Text(step.Phase);
            csv.Text(step.Change);
            csv.Field(InvariantText.Fixed(step.CycleS, 1));
            foreach (var o in step.OffsetsS) csv.Field(InvariantText.Fixed(o, 3));
            csv.Field(step.ObjectiveValue is { } v ? InvariantText.Fixed(v, 4) : "invalid");
            csv.Field(step.Accepted ? "yes" : "no");
            csv.EndRow();
        }
    }

    private static void WriteSummary(OptimisationResult r, OptimisationRequest request, StudyInfo info, ComparisonTable? table, TextWriter w)
    {
        var c = CultureInfo.InvariantCulture;
        var unit = request.Objective.Unit();
        w.WriteLine($"# Optimisation: {info.ScenarioName}");
        w.WriteLine();
        if (r.Cancelled)
        {
            w.WriteLine(r.Evaluation is null
                ? "**Partial result**: the search was interrupted; strategy.json holds the best timings found so far, not checked on fresh seeds."
                : "**Partial result**: the check on fresh seeds was interrupted; the figures below cover the replications that finished.");
            w.WriteLine();
        }
        w.WriteLine(string.Create(c, $"Started from **{r.Start.Id}** in {info.Source}. Objective: {request.Objective.Word()} ({unit}), the mean over {request.SearchReplications} search replications of {info.DurationS:0.###} s after {info.WarmupS:0.###} s of warm-up on common random numbers (base seed {info.BaseSeed})."));
        w.WriteLine(request.VaryCycle
            ? string.Create(c, $"Searched: the common cycle ({request.MinCycleS:0.###} to {request.MaxCycleS:0.###} s), the offsets relative to the first intersection") + (request.VarySplits ? ", and the green splits." : "; splits kept.")
            : "Searched: the offsets relative to the first intersection" + (request.VarySplits ? " and the green splits; cycle kept." : "; cycle and splits kept."));
        var invalid = r.Trace.Count(s => s.ObjectiveValue is null);
        w.WriteLine(string.Create(c, $"{r.Trace.Count} candidates evaluated ({invalid} rejected by the scenario checks or unfinished); every step is in {SearchFileName}."));
        w.WriteLine();
        w.WriteLine("## Timings");
        w.WriteLine();
        w.WriteLine("| intersection | start cycle (s) | start offset (s) | optimised cycle (s) | optimised offset (s) | optimised greens (s) |");
        w.WriteLine("| --- | --- | --- | --- | --- | --- |");
        for (var i = 0; i < r.IntersectionIds.Count; i++)
        {
            var id = r.IntersectionIds[i];
            var plan = r.Optimised.Intersections[id].Plans!.Values.Single();
            var greens = string.Join(", ", plan.Greens.Select(g => string.Create(c, $"{g.Key} {g.Value.StartS:0.#}–{g.Value.EndS:0.#}")));
            w.WriteLine(string.Create(c, $"| {id} | {r.StartPlans[i].CycleS:0.###} | {r.StartPlans[i].OffsetS:0.###} | {plan.CycleS:0.###} | {plan.OffsetS:0.###} | {greens} |"));
        }
        w.WriteLine();
        w.WriteLine("## Gain");
        w.WriteLine();
        w.WriteLine(string.Create(c, $"On the search replications: {r.StartObjective:0.00} {unit} at the start, {r.BestObjective:0.00} {unit} optimised."));
        if (r.Gain is { } g && table is not null)
        {
            var ci = g.Ci95Low is { } lo && g.Ci95High is { } hi ? string.Create(c, $" (95 % CI {lo:0.00} to {hi:0.00})") : "";
            var verdict = g.Ci95Low is null ? "too few replications for an interval" : g.Significant ? (g.Mean < 0 ? "a significant gain" : "a significant loss") : "not significant";
            w.WriteLine(string.Create(c, $"On {g.Count} fresh replications, seeds the search never used: optimised minus start = {g.Mean:+0.00;-0.00;0.00} {unit}{ci}, {verdict}. Details by mode in {EvaluationMdFileName}."));
        }
        else
        {
            w.WriteLine("Not checked on fresh seeds (interrupted).");
        }
        w.WriteLine();
        w.WriteLine("## Using the result");
        w.WriteLine();
        w.WriteLine($"{StrategyFileName} is a strategy: add it to the scenario's \"strategies\" list and compare it with the others, e.g.");
        w.WriteLine();
        w.WriteLine($"    signalsim compare SCENARIO --strategies {r.Start.Id},{r.Optimised.Id}");
        w.WriteLine();
        w.WriteLine($"Every centre runs the new plan \"{TimingSpace.PlanName}\" all day; clocks, priority and forwarding are those of {r.Start.Id}.");
    }
}
