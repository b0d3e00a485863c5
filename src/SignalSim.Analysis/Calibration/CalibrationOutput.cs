// The files of a calibration: the calibrated scenario (loads like any scenario), calibration.csv
// (one row per count site: counted, simulated before and after, GEH before and after) and
// calibration.md (the same with the acceptance rule: GEH < 5 on at least 85 % of the sites).
using System.Globalization;
using System.Text;
using SignalSim.Core.Output;

namespace SignalSim.Analysis.Calibration;

public static class CalibrationOutput
{
    public const string ScenarioFileName = "scenario.calibrated.json";
    public const string TableFileName = "calibration.csv";
    public const string ReportFileName = "calibration.md";

    /// <summary>The names <see cref="Write"/> writes (the scatter chart's files come beside them).</summary>
    public static readonly IReadOnlyList<string> FileNames = [ScenarioFileName, TableFileName, ReportFileName];

    public static void Write(string folder, CalibrationResult r, string scenarioName, string countsName, int hour)
    {
        using (var stream = new FileStream(Path.Combine(folder, ScenarioFileName), FileMode.CreateNew, FileAccess.Write))
            ScenarioJsonWriter.Write(r.Calibrated, stream);
        var utf8 = new UTF8Encoding(false);
        var csv = new StringBuilder("iu_ac,label,link,counted_veh_per_h,before_veh_per_h,after_veh_per_h,geh_before,geh_after\n");
        foreach (var s in r.Sites)
            csv.Append(Inv($"{Field(s.IuAc)},{Field(s.Label)},{Field(s.Link)},{s.CountedVehPerHour:0.0},{s.BeforeVehPerHour:0.0},{s.AfterVehPerHour:0.0},{s.GehBefore:0.00},{s.GehAfter:0.00}\n"));
        File.WriteAllText(Path.Combine(folder, TableFileName), csv.ToString(), utf8);

        var md = new StringBuilder();
        md.Append(Inv($"# Calibration of {scenarioName} from {countsName}\n\n"));
        md.Append(Inv($"Counted hour {hour:00}:00–{(hour + 1) % 24:00}:00 (t_1h = {(hour + 1) % 24:00}:00), mean over {r.Days} day(s); {r.Sites.Count} count sites.\n\n"));
        var below = r.Sites.Count(s => s.GehAfter < Geh.Threshold);
        md.Append(Inv($"GEH < {Geh.Threshold} at {below} of {r.Sites.Count} sites ({100 * r.ShareBelowThreshold:0} %): {(r.Accepted ? "accepted" : "not accepted")} by the usual rule (at least {100 * Geh.RequiredShare:0} %).\n\n"));
        md.Append("| site | link | counted (veh/h) | before (veh/h) | GEH before | after (veh/h) | GEH after |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var s in r.Sites)
            md.Append(Inv($"| {s.IuAc} {s.Label} | {s.Link} | {s.CountedVehPerHour:0} | {s.BeforeVehPerHour:0} | {s.GehBefore:0.0} | {s.AfterVehPerHour:0} | {s.GehAfter:0.0} |\n"));
        md.Append($"\nSimulated flows: cars and buses of the trips departing in the measured period whose route uses the link, per hour. The calibrated scenario is `{ScenarioFileName}`.\n");
        File.WriteAllText(Path.Combine(folder, ReportFileName), md.ToString(), utf8);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Field(string v) => v.Contains(',') || v.Contains('"') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
}
