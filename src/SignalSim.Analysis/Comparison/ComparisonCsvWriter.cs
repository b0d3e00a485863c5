// comparison.csv: one row per strategy × mode, with the columns engineers paste into notes first
// (strategy … diff_ci95_high_s) and the rest after. Empty fields mean "does not apply" (e.g. travel
// time of pedestrians, differences on the baseline's rows). Invariant culture, fixed decimals and
// LF line endings, so the same study gives the same bytes whatever the machine or thread count.
using SignalSim.Analysis.Statistics;
using SignalSim.Core.Output;

namespace SignalSim.Analysis.Comparison;

public static class ComparisonCsvWriter
{
    public const string FileName = "comparison.csv";

    public static readonly string[] Columns =
    [
        "strategy", "mode", "trips", "mean_travel_time_s", "ci95_low_s", "ci95_high_s", "p90_travel_time_s", "mean_delay_s",
        "diff_vs_baseline_s", "diff_ci95_low_s", "diff_ci95_high_s", "diff_significant", "diff_p_value",
        "replications", "trips_per_replication", "median_travel_time_s", "p95_travel_time_s",
        "delay_ci95_low_s", "delay_ci95_high_s", "p90_delay_s",
        "delay_diff_vs_baseline_s", "delay_diff_ci95_low_s", "delay_diff_ci95_high_s", "delay_diff_significant",
        "stops_per_trip",
        "person_delay_h", "person_delay_ci95_low_h", "person_delay_ci95_high_h",
        "person_delay_diff_h", "person_delay_diff_ci95_low_h", "person_delay_diff_ci95_high_h", "person_delay_diff_significant",
        "headway_cv", "unfinished_per_replication", "system_vehicle_h", "system_person_h", "partial",
    ];

    public static void Write(ComparisonTable table, TextWriter writer)
    {
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        var partial = table.Partial ? "yes" : "no";
        foreach (var r in table.Rows)
        {
            csv.Text(r.Strategy);
            csv.Text(r.Mode);
            csv.Field(InvariantText.Integer(r.Trips));
            csv.Field(S(r.TravelTime?.Mean));
            csv.Field(S(r.TravelTime?.Ci95Low));
            csv.Field(S(r.TravelTime?.Ci95High));
            csv.Field(S(r.P90TravelTimeS));
            csv.Field(S(r.Delay?.Mean));
            Difference(csv, r.TravelTimeDiff, S, withPValue: true);
            csv.Field(InvariantText.Integer(r.Replications));
            csv.Field(InvariantText.Fixed(r.TripsPerReplication, 1));
            csv.Field(S(r.MedianTravelTimeS));
            csv.Field(S(r.P95TravelTimeS));
            csv.Field(S(r.Delay?.Ci95Low));
            csv.Field(S(r.Delay?.Ci95High));
            csv.Field(S(r.P90DelayS));
            Difference(csv, r.DelayDiff, S, withPValue: false);
            csv.Field(Number(r.StopsPerTrip, 3));
            csv.Field(H(r.PersonDelay?.Mean));
            csv.Field(H(r.PersonDelay?.Ci95Low));
            csv.Field(H(r.PersonDelay?.Ci95High));
            Difference(csv, r.PersonDelayDiff, H, withPValue: false);
            csv.Field(Number(r.HeadwayCv, 3));
            csv.Field(InvariantText.Fixed(r.UnfinishedPerReplication, 1));
            csv.Field(H(r.SystemVehicleH));
            csv.Field(H(r.SystemPersonH));
            csv.Field(partial);
            csv.EndRow();
        }
    }

    private static void Difference(CsvTable csv, PairedDifference? d, Func<double?, string> format, bool withPValue)
    {
        csv.Field(format(d?.Mean));
        csv.Field(format(d?.Ci95Low));
        csv.Field(format(d?.Ci95High));
        csv.Field(d is null || d.Ci95Low is null ? "" : d.Significant ? "yes" : "no");
        if (withPValue) csv.Field(Number(d?.PValue, 4));
    }

    private static string S(double? seconds) => Number(seconds, 3);

    private static string H(double? hours) => Number(hours, 4);

    private static string Number(double? value, int decimals) => value is { } v ? InvariantText.Fixed(v, decimals) : "";
}
