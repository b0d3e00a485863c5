// Hourly link counts in the layout of Paris's permanent-count open data ("Comptage routier -
// données trafic issues des capteurs permanents"): iu_ac (arc id), libelle (label), t_1h (end of
// the hour counted, YYYY-MM-DD HH:MM:SS), q (flow, vehicles in the hour), k (occupancy, % of the
// hour), etat_trafic (0 unknown, 1 free, 2 pre-saturated, 3 saturated, 4 blocked). Other columns
// of the export (nodes, geometry) are ignored. The portal's exports use ';'; ',' works too.
// Rows with an empty q (the station did not count that hour) are kept as missing.
using System.Globalization;
using System.Text;

namespace SignalSim.Analysis.Calibration;

public readonly record struct CountRow(string IuAc, string Label, DateTime EndOfHour, double? FlowVehPerHour, double? OccupancyPercent, int? TrafficState, int Line);

public sealed class CountsFileException(string message) : Exception(message);

public static class CountsFile
{
    public static readonly string[] RequiredColumns = ["iu_ac", "libelle", "t_1h", "q", "k", "etat_trafic"];

    private static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ssK"];

    public static List<CountRow> Read(string path)
    {
        if (!File.Exists(path)) throw new CountsFileException($"{path}: error: no such file; give a counts file with the columns {string.Join(", ", RequiredColumns)}");
        var rows = new List<CountRow>();
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new CountsFileException($"{path}:1: error: the file is empty; it starts with a header naming {string.Join(", ", RequiredColumns)}");
        var separator = lines[0].Contains(';') ? ';' : ',';
        var header = Split(lines[0].TrimStart('\uFEFF'), separator).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var index = new Dictionary<string, int>();
        foreach (var c in RequiredColumns)
        {
            var i = header.IndexOf(c);
            if (i < 0) throw new CountsFileException($"{path}:1: error: no column '{c}'; the counts need {string.Join(", ", RequiredColumns)} (Paris open data layout)");
            index[c] = i;
        }
        for (var n = 1; n < lines.Length; n++)
        {
            var line = n + 1;
            if (lines[n].Trim().Length == 0) continue;
            var f = Split(lines[n], separator);
            if (f.Count < header.Count) throw new CountsFileException($"{path}:{line}: error: {f.Count} fields, the header has {header.Count}; check the separator ('{separator}') and quotes");
            string Get(string c) => f[index[c]].Trim();
            var id = Get("iu_ac");
            if (id.Length == 0) throw new CountsFileException($"{path}:{line}: error: iu_ac is empty");
            if (!DateTime.TryParseExact(Get("t_1h"), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
                throw new CountsFileException($"{path}:{line}: error: t_1h '{Get("t_1h")}' is not a date and time such as 2025-03-11 09:00:00 (the end of the hour counted)");
            var q = Number(Get("q"), path, line, "q", "the flow in vehicles per hour");
            if (q < 0) throw new CountsFileException($"{path}:{line}: error: q {q} is negative");
            var k = Number(Get("k"), path, line, "k", "the occupancy in %");
            if (k is < 0 or > 100) throw new CountsFileException($"{path}:{line}: error: k {k} is not an occupancy between 0 and 100 %");
            int? state = null;
            if (Get("etat_trafic").Length > 0)
            {
                if (!int.TryParse(Get("etat_trafic"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s > 4)
                    throw new CountsFileException($"{path}:{line}: error: etat_trafic '{Get("etat_trafic")}' is not 0 to 4 (0 unknown, 1 free, 2 pre-saturated, 3 saturated, 4 blocked)");
                state = s;
            }
            rows.Add(new CountRow(id, Get("libelle"), end, q, k, state, line));
        }
        return rows;
    }

    private static double? Number(string text, string path, int line, string column, string what)
    {
        if (text.Length == 0) return null;
        if (!double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new CountsFileException($"{path}:{line}: error: {column} '{text}' is not a number ({what})");
        return v;
    }

    /// <summary>Splits one CSV line, honouring double quotes (the export quotes its geometry columns).</summary>
    private static List<string> Split(string line, char separator)
    {
        var fields = new List<string>();
        var b = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { b.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else b.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { fields.Add(b.ToString()); b.Clear(); }
            else b.Append(c);
        }
        fields.Add(b.ToString());
        return fields;
    }
}
