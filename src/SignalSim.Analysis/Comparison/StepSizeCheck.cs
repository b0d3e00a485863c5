// The step-size check of the note's validation appendix: the baseline's mean car travel time and
// mean car delay at the study's step against the same at half the step, on the seeds of the
// study's first replications (the same seeds both ways, so the arrivals are the same). The runs
// at the study's step are the study's own (no extra cost); only the half-step runs are extra.
// step_check.csv holds one row per replication and step, every double in its shortest round-trip
// form, so that a shard can write its half-step rows and `merge` rebuild the file byte for byte.
// The criterion is the one docs/validation.md establishes for the default scenario: the mean
// travel time within 3 % of the one at half the step.
using System.Globalization;
using SignalSim.Analysis.Metrics;
using SignalSim.Analysis.Replications;
using SignalSim.Core.Output;

namespace SignalSim.Analysis.Comparison;

/// <param name="Replication">1-based replication of the study whose seed the run used.</param>
/// <param name="Trips">Finished car trips measured in the run.</param>
public sealed record StepSizeRow(int Replication, ulong Seed, double StepS, int Trips, double MeanTravelTimeS, double MeanDelayS);

/// <summary>The check over its replications: means of the replications' means at each step.</summary>
public sealed record StepSizeSummary(double StepS, double HalfStepS, int Replications, double MeanTravelTimeS, double HalfStepMeanTravelTimeS,
    double MeanDelayS, double HalfStepMeanDelayS)
{
    /// <summary>(step − half step) / half step, in percent.</summary>
    public double TravelTimeDifferencePercent => 100 * (MeanTravelTimeS - HalfStepMeanTravelTimeS) / HalfStepMeanTravelTimeS;

    public double DelayDifferencePercent => 100 * (MeanDelayS - HalfStepMeanDelayS) / HalfStepMeanDelayS;

    /// <summary>Judged on the travel time, as the claim of docs/validation.md is.</summary>
    public bool Met => Math.Abs(TravelTimeDifferencePercent) <= StepSizeCheck.TolerancePercent;
}

public static class StepSizeCheck
{
    public const string FileName = "step_check.csv";

    /// <summary>Replications (from the first) run again at half the step: few, since each costs two runs.</summary>
    public const int MaxReplications = 3;

    /// <summary>docs/validation.md: the default step (0.5 s) gives mean travel times within 3 % of 0.25 s.</summary>
    public const double TolerancePercent = 3;

    public static readonly string[] Columns = ["replication", "seed", "step_s", "mode", "trips", "mean_travel_time_s", "mean_delay_s"];

    /// <summary>How many of the study's first replications the check uses.</summary>
    public static int ReplicationCount(int replications) => Math.Min(MaxReplications, replications);

    /// <summary>The baseline with its step halved.</summary>
    public static StrategyRun HalfStep(StrategyRun baseline) =>
        baseline with { Scenario = baseline.Scenario with { Simulation = baseline.Scenario.Simulation with { StepS = baseline.Scenario.Simulation.StepS / 2 } } };

    /// <summary>
    /// The half-step runs: the baseline at half the step on the seeds of the study's first
    /// replications, for the study's runner to run beside the study (<see cref="ReplicationRequest.ExtraRuns"/>).
    /// </summary>
    public static IReadOnlyList<ExtraRun> HalfStepRuns(IReadOnlyList<StrategyRun> strategies, IReadOnlyList<ulong> seeds)
    {
        var half = HalfStep(strategies.First(s => s.IsBaseline));
        return seeds.Take(ReplicationCount(seeds.Count)).Select(seed => new ExtraRun(half, seed)).ToList();
    }

    /// <summary>
    /// The half-step rows from those runs' metrics, the k-th run being replication k + 1's seed:
    /// null when one did not finish (interrupted), empty when the baseline has no finished car trip.
    /// </summary>
    public static IReadOnlyList<StepSizeRow>? HalfStepRows(IReadOnlyList<ExtraRun> runs, IReadOnlyList<RunMetrics?> metrics)
    {
        if (metrics.Count != runs.Count || metrics.Any(m => m is null)) return null;
        var rows = new List<StepSizeRow>();
        for (var k = 0; k < runs.Count; k++)
        {
            if (Row(metrics[k]!, k, runs[k].Seed, runs[k].Strategy.Scenario.Simulation.StepS) is not { } row) return [];
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The half-step runs on their own (the study's runner, no study grid); null when interrupted.</summary>
    public static IReadOnlyList<StepSizeRow>? RunHalfStep(IReadOnlyList<StrategyRun> strategies, IReadOnlyList<ulong> seeds, double? durationS, int threads,
        CancellationToken cancellation)
    {
        var runs = HalfStepRuns(strategies, seeds);
        var results = ReplicationRunner.Run(new ReplicationRequest([], [], durationS, threads, ExtraRuns: runs), cancellation: cancellation);
        return HalfStepRows(runs, results.ExtraMetrics);
    }

    /// <summary>
    /// The rows of the check: the study's baseline runs at its step, then the half-step rows, by
    /// replication. Null when the study lacks one of those baseline runs or the half-step rows
    /// are not those of its first replications; empty when the scenario has no finished car trip.
    /// </summary>
    public static IReadOnlyList<StepSizeRow>? Rows(ReplicationResults results, IReadOnlyList<StepSizeRow> halfStep)
    {
        var s = Enumerable.Range(0, results.Strategies.Count).First(i => results.Strategies[i].IsBaseline);
        var stepS = results.Strategies[s].Scenario.Simulation.StepS;
        var count = ReplicationCount(results.Seeds.Count);
        if (halfStep.Count == 0) return [];
        if (halfStep.Count != count) return null;
        var rows = new List<StepSizeRow>();
        for (var k = 0; k < count; k++)
        {
            var h = halfStep[k];
            if (results.Metrics(s, k) is not { } m || h.Replication != k + 1 || h.Seed != results.Seeds[k] || h.StepS != stepS / 2) return null;
            if (Row(m, k, results.Seeds[k], stepS) is not { } row) return [];
            rows.Add(row);
            rows.Add(h);
        }
        return rows;
    }

    private static StepSizeRow? Row(RunMetrics metrics, int replication, ulong seed, double stepS) =>
        metrics.Modes.TryGetValue(ReportMode.Car, out var car) && car.MeanTravelTimeS is { } tt && car.MeanDelayS is { } delay
            ? new StepSizeRow(replication + 1, seed, stepS, car.Trips, tt, delay)
            : null;

    /// <summary>The check over the rows: the coarser step against the finer; null without both.</summary>
    public static StepSizeSummary? Summarise(IReadOnlyList<StepSizeRow> rows)
    {
        var steps = rows.Select(r => r.StepS).Distinct().Order().ToList();
        if (steps.Count != 2) return null;
        var fine = rows.Where(r => r.StepS == steps[0]).ToList();
        var coarse = rows.Where(r => r.StepS == steps[1]).ToList();
        return new StepSizeSummary(steps[1], steps[0], coarse.Count, coarse.Average(r => r.MeanTravelTimeS), fine.Average(r => r.MeanTravelTimeS),
            coarse.Average(r => r.MeanDelayS), fine.Average(r => r.MeanDelayS));
    }

    public static void Write(string path, IReadOnlyList<StepSizeRow> rows) => ComparisonOutput.WriteText(path, w =>
    {
        var csv = new CsvTable(w);
        csv.Header(Columns);
        foreach (var r in rows)
        {
            csv.Field(InvariantText.Integer(r.Replication));
            csv.Field(r.Seed.ToString(CultureInfo.InvariantCulture));
            csv.Field(RoundTrip(r.StepS));
            csv.Field(ReportMode.Car.Word());
            csv.Field(InvariantText.Integer(r.Trips));
            csv.Field(RoundTrip(r.MeanTravelTimeS));
            csv.Field(RoundTrip(r.MeanDelayS));
            csv.EndRow();
        }
    });

    private static string RoundTrip(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Reads step_check.csv.</summary>
    /// <exception cref="FormatException">The file is not one this class writes; the message names the line and column (not the file).</exception>
    public static IReadOnlyList<StepSizeRow> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != string.Join(",", Columns))
            throw new FormatException($"line 1, column 1: expected the header {string.Join(",", Columns)}; the file is not a step-size check written by SignalSim");
        var rows = new List<StepSizeRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split(',');
            if (f.Length != Columns.Length)
                throw new FormatException($"line {i + 1}: {f.Length} fields where the header has {Columns.Length}; the file is truncated or damaged: run the comparison again");
            int Int(int c) => int.TryParse(f[c], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(c);
            double Number(int c) => double.TryParse(f[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : throw Bad(c);
            FormatException Bad(int c) => new($"line {i + 1}, column {Column(f, c)}: '{f[c]}' is not a valid {Columns[c]}; the file is damaged: run the comparison again");
            if (f[3] != ReportMode.Car.Word()) throw Bad(3);
            var seed = ulong.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : throw Bad(1);
            rows.Add(new StepSizeRow(Int(0), seed, Number(2), Int(4), Number(5), Number(6)));
        }
        return rows;
    }

    /// <summary>1-based column of field <paramref name="index"/> in its line.</summary>
    private static int Column(string[] fields, int index) => fields.Take(index).Sum(x => x.Length + 1) + 1;
}
