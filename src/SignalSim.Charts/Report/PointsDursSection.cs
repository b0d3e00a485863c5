// The note's "points durs" table, shown before the strategies so the committee sees where and
// when buses lose time before it reads any strategy: the baseline's worst (intersection,
// approach, cause, hour) first, from replication 1's crossings.csv. points_durs_hours.csv holds
// the whole ranking of every strategy, so nothing the table leaves out is lost.
using System.Globalization;
using System.Text;
using SignalSim.Charts.Charts;
using SignalSim.Charts.Labels;
using SignalSim.Charts.Model;
using SignalSim.Charts.Results;

namespace SignalSim.Charts.Report;

public sealed class PointsDursSection
{
    public const string FileName = "points_durs_hours.csv";

    /// <summary>Rows the note shows; the CSV has them all.</summary>
    public const int NoteRows = 12;

    public static readonly string[] Columns =
        ["strategy", "rank", "intersection", "approach", "cause", "day", "hour_start", "passages", "time_lost_per_bus_s", "time_lost_total_s"];

    private readonly ChartLabels _l;

    private readonly (double FromS, double ToS) _measured;

    private PointsDursSection(ChartLabels labels, string strategy, IReadOnlyList<HourlyTimeLost> ranking, IReadOnlyList<(string Strategy, IReadOnlyList<HourlyTimeLost> Ranking)> all, (double, double) measured)
    {
        _l = labels;
        _measured = measured;
        Strategy = strategy;
        Ranking = ranking;
        All = all;
    }

    /// <summary>The strategy the note's table shows: the baseline.</summary>
    public string Strategy { get; }

    /// <summary>The baseline's bus time lost per approach, cause and hour, worst first.</summary>
    public IReadOnlyList<HourlyTimeLost> Ranking { get; }

    /// <summary>Every strategy's ranking, baseline first, in the folder's order.</summary>
    public IReadOnlyList<(string Strategy, IReadOnlyList<HourlyTimeLost> Ranking)> All { get; }

    /// <summary>The section of a folder whose baseline run has crossings.csv with buses in it; null otherwise.</summary>
    public static PointsDursSection? Of(ResultsFolder folder, ChartLabels labels)
    {
        var all = folder.Runs.Where(r => r.Has(CrossingRow.FileName))
            .Select(r => (r.Name, (IReadOnlyList<HourlyTimeLost>)HourlyPointsDurs.Of(r))).ToList();
        if (all.Count == 0 || all[0].Name != folder.Baseline || all[0].Item2.Count == 0) return null;
        return new PointsDursSection(labels, folder.Baseline, all[0].Item2, all, HourlyPointsDurs.MeasuredWindow(folder.BaselineRun));
    }

    public string Title => _l["points-durs.title"];

    public string Intro => _l.Format("points-durs.intro", Strategy, FileName, NoteRows);

    public string[] Header() =>
        new[] { "points-durs.col.intersection", "points-durs.col.approach", "points-durs.col.cause", "points-durs.col.hour", "points-durs.col.passages", "points-durs.col.per_bus", "points-durs.col.total" }
            .Select(k => _l[k]).ToArray();

    public IEnumerable<string[]> Rows() => Ranking.Take(NoteRows).Select(r => new[]
    {
        r.Intersection, r.Approach, Cause(_l, r.Cause), Hour(_l, r.Hour, _measured), r.Passages.ToString(CultureInfo.InvariantCulture),
        _l.Number(r.PerBusS, 1), _l.Number(r.TotalS, 0),
    });

    public static string Cause(ChartLabels labels, TimeLostCause cause) =>
        labels[cause switch
        {
            TimeLostCause.Stop => "points-durs.cause.stop",
            TimeLostCause.Signal => "points-durs.cause.red",
            TimeLostCause.Queue => "points-durs.cause.queue",
            _ => "points-durs.cause.signal",
        }];

    /// <summary>An hour as the note writes it: "08 h–09 h" in French, "08:00–09:00" in English.</summary>
    public static string Hour(ChartLabels labels, int hour) =>
        labels.Format("points-durs.hour", (hour % 24).ToString("00", CultureInfo.InvariantCulture), ((hour + 1) % 24).ToString("00", CultureInfo.InvariantCulture));

    /// <summary>
    /// A clock hour as the measured period covers it: the whole hour, or, for an hour the period
    /// starts or ends inside (a 300 s warm-up from 08:00 measures 08:05-09:05), only its measured
    /// minutes, so that five minutes are never read as an hour.
    /// </summary>
    public static string Hour(ChartLabels labels, int hour, (double FromS, double ToS) measured)
    {
        var fromS = Math.Max(hour * HourlyPointsDurs.HourS, measured.FromS);
        var toS = Math.Min((hour + 1) * HourlyPointsDurs.HourS, measured.ToS);
        if (fromS <= hour * HourlyPointsDurs.HourS && toS >= (hour + 1) * HourlyPointsDurs.HourS) return Hour(labels, hour);
        static string Two(double v) => ((int)v).ToString("00", CultureInfo.InvariantCulture);
        static (string H, string M) Clock(double s) => (Two(Math.Round(s / 60) / 60 % 24), Two(Math.Round(s / 60) % 60));
        var (h1, m1) = Clock(fromS);
        var (h2, m2) = Clock(toS);
        return labels.Format("points-durs.hour_part", h1, m1, h2, m2);
    }

    /// <summary>Writes points_durs_hours.csv: every strategy's ranking, rank 1 its worst.</summary>
    public void Write(string path)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append('\n');
        foreach (var (strategy, ranking) in All)
        {
            for (var i = 0; i < ranking.Count; i++)
            {
                var r = ranking[i];
                csv.Append(string.Create(CultureInfo.InvariantCulture,
                    $"{Csv(strategy)},{i + 1},{Csv(r.Intersection)},{Csv(r.Approach)},{CauseWord(r.Cause)},{r.Hour / 24},{r.Hour % 24:00}:00,{r.Passages},{r.PerBusS:0.000},{r.TotalS:0.000}\n"));
            }
        }
        ChartFileWriter.WriteThenRename(path, temp => File.WriteAllText(temp, csv.ToString(), new UTF8Encoding(false)));
    }

    /// <summary>The cause as points_durs_hours.csv writes it.</summary>
    public static string CauseWord(TimeLostCause cause) => cause switch
    {
        TimeLostCause.Stop => "stop",
        TimeLostCause.Signal => "signal",
        TimeLostCause.Queue => "queue",
        _ => "signal_and_queue",
    };

    private static string Csv(string v) => v.Contains(',') || v.Contains('"') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
}
