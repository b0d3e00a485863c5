// Writes a Pareto search's folder: strategies.json (the points of the front, a list ready to add
// to the scenario's "strategies"), front.csv (every point found, its weights and both figures on
// the search and fresh seeds, and whether it is on the front), search.csv (every candidate
// evaluated, weight by weight), evaluation.csv and evaluation.md (the start and the points
// checked, on fresh seeds, as a comparison) and optimisation.md, the summary, committed last as
// the marker of a complete folder.
using System.Globalization;
using SignalSim.Analysis.Comparison;
using SignalSim.Core.Output;

namespace SignalSim.Analysis.Optimisation;

public static class ParetoOutput
{
    public const string StrategiesFileName = "strategies.json";
    public const string FrontFileName = "front.csv";

    /// <summary>Every file a Pareto search may write, for the output-folder checks.</summary>
    public static readonly IReadOnlyList<string> FileNames =
        [StrategiesFileName, FrontFileName, OptimisationOutput.SearchFileName, OptimisationOutput.EvaluationCsvFileName, OptimisationOutput.EvaluationMdFileName, OptimisationOutput.SummaryFileName];

    /// <returns>The names of the files written, in order.</returns>
    public static IReadOnlyList<string> Write(string outDir, ParetoResult result, OptimisationRequest request, StudyInfo info)
    {
        using var folder = StagedOutputFolder.Create(outDir);
        var files = new List<string> { StrategiesFileName, FrontFileName, OptimisationOutput.SearchFileName };
        File.WriteAllText(folder.PathFor(StrategiesFileName), StrategiesJson(result.Front));
        ComparisonOutput.WriteText(folder.PathFor(FrontFileName), w => WriteFront(result, w));
        ComparisonOutput.WriteText(folder.PathFor(OptimisationOutput.SearchFileName), w => OptimisationOutput.WriteSearch(result.IntersectionIds, result.Trace, w));
        if (result.Evaluation is { CompletedRuns: > 0 } evaluation)
        {
            var table = ComparisonTable.Build(evaluation);
            ComparisonOutput.WriteText(folder.PathFor(OptimisationOutput.EvaluationCsvFileName), w => ComparisonCsvWriter.Write(table, w));
            ComparisonOutput.WriteText(folder.PathFor(OptimisationOutput.EvaluationMdFileName), w => ComparisonMarkdownWriter.Write(table, info, w, "Points of the front against their start, on fresh seeds"));
            files.Add(OptimisationOutput.EvaluationCsvFileName);
            files.Add(OptimisationOutput.EvaluationMdFileName);
        }
        ComparisonOutput.WriteText(folder.PathFor(OptimisationOutput.SummaryFileName), w => WriteSummary(result, request, info, w));
        files.Add(OptimisationOutput.SummaryFileName);
        folder.Commit(files);
        return files;
    }

    /// <summary>The strategies as the JSON list a scenario's "strategies" takes (its items can be pasted one by one).</summary>
    public static string StrategiesJson(IReadOnlyList<ParetoPoint> front)
    {
        if (front.Count == 0) return "[]\n";
        var items = front.Select(p => Indent(OptimisationOutput.StrategyJsonText(p.Strategy).TrimEnd('\n')));
        return "[\n" + string.Join(",\n", items) + "\n]\n";
    }

    private static string Indent(string text) => "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);

    private static void WriteFront(ParetoResult result, TextWriter w)
    {
        var csv = new CsvTable(w);
        csv.Header("strategy", "transit_weights", "on_front", "search_transit_person_delay_h", "search_car_person_delay_h", "fresh_transit_person_delay_h", "fresh_car_person_delay_h");
        Row(csv, result.Start.Id, "start", "", result.StartSearch, result.StartFresh);
        foreach (var p in result.Points)
        {
            Row(csv, p.Strategy.Id, string.Join(' ', p.TransitWeights.Select(x => InvariantText.Fixed(x, 2))), p.OnFront ? "yes" : "no", p.Search, p.Fresh);
        }
    }

    private static void Row(CsvTable csv, string id, string weights, string onFront, CandidateMeans search, CandidateMeans? fresh)
    {
        csv.Text(id);
        csv.Text(weights);
        csv.Field(onFront);
        csv.Field(InvariantText.Fixed(search.TransitPersonDelayH, 4));
        csv.Field(InvariantText.Fixed(search.CarPersonDelayH, 4));
        csv.Field(fresh is null ? "" : InvariantText.Fixed(fresh.TransitPersonDelayH, 4));
        csv.Field(fresh is null ? "" : InvariantText.Fixed(fresh.CarPersonDelayH, 4));
        csv.EndRow();
    }

    private static void WriteSummary(ParetoResult r, OptimisationRequest request, StudyInfo info, TextWriter w)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine($"# Pareto front: {info.ScenarioName}");
        w.WriteLine();
        if (r.Cancelled)
        {
            w.WriteLine(r.Evaluation is null
                ? "**Partial result**: the search was interrupted; front.csv lists the points found so far, none checked on fresh seeds, and strategies.json is empty."
                : "**Partial result**: the check on fresh seeds was interrupted; no point is on the front until it is checked, so strategies.json is empty.");
            w.WriteLine();
        }
        w.WriteLine(string.Create(c, $"Started from **{r.Start.Id}** in {info.Source}. Each point minimises w × T / T₀ + (1 − w) × C / C₀, T the bus and tram passengers' person-delay, C the car occupants', T₀ and C₀ the start's on the search replications ({r.StartSearch.TransitPersonDelayH:0.00} and {r.StartSearch.CarPersonDelayH:0.00} person-h), for w = {string.Join(", ", r.Points.SelectMany(p => p.TransitWeights).Order().Select(x => x.ToString("0.##", c)))}."));
        w.WriteLine(string.Create(c, $"Every figure is a mean over {request.SearchReplications} search replications of {info.DurationS:0.###} s after {info.WarmupS:0.###} s of warm-up on common random numbers (base seed {info.BaseSeed}), then over {request.EvaluationReplications} fresh replications the search never used."));
        w.WriteLine("A point is on the front when neither another point nor the start is as good on both figures and better on one, on the search seeds and again on the fresh seeds; weighted sums find the convex part of the front.");
        w.WriteLine();
        w.WriteLine("| strategy | weight on public transport | public transport (person-h, fresh) | cars (person-h, fresh) | on the front |");
        w.WriteLine("| --- | --- | --- | --- | --- |");
        w.WriteLine(string.Create(c, $"| {r.Start.Id} (start) | | {Figure(r.StartFresh?.TransitPersonDelayH)} | {Figure(r.StartFresh?.CarPersonDelayH)} | |"));
        foreach (var p in r.Points)
        {
            var why = p.OnFront ? "yes" : p.Fresh is null ? "no (dominated on the search seeds)" : "no (dominated on the fresh seeds)";
            w.WriteLine(string.Create(c, $"| {p.Strategy.Id} | {string.Join(", ", p.TransitWeights.Select(x => x.ToString("0.##", c)))} | {Figure(p.Fresh?.TransitPersonDelayH)} | {Figure(p.Fresh?.CarPersonDelayH)} | {why} |"));
        }
        w.WriteLine();
        w.WriteLine($"Details by mode, with intervals, in {OptimisationOutput.EvaluationMdFileName}; every candidate in {OptimisationOutput.SearchFileName}.");
        w.WriteLine();
        w.WriteLine("## Using the result");
        w.WriteLine();
        w.WriteLine($"{StrategiesFileName} holds the points of the front as strategies: add them to the scenario's \"strategies\" list and compare them; the trade-off chart of the comparison draws the front through them, e.g.");
        w.WriteLine();
        w.WriteLine($"    signalsim compare SCENARIO --strategies {string.Join(',', new[] { r.Start.Id }.Concat(r.Front.Select(p => p.Strategy.Id)))}");
        w.WriteLine();
        w.WriteLine($"Every centre runs the new plan \"{TimingSpace.PlanName}\" all day; clocks, priority and forwarding are those of {r.Start.Id}.");
    }

    private static string Figure(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";
}
