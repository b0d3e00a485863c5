// Reads the CSV files of a results folder (RFC 4180: comma-separated, optional quotes, header
// row) into typed rows. Every problem names the file, the line and the column, so a truncated
// or hand-edited file is reported precisely instead of drawing a wrong chart.
using System.Globalization;
using System.Text;

namespace SignalSim.Charts.Results;

public sealed class CsvFile
{
    private readonly Dictionary<string, int> _columns;
    private readonly int _headerLength;
    private string[] _fields = [];

    private CsvFile(string path, string[] header)
    {
        Path = path;
        _headerLength = header.Length;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++) _columns.TryAdd(header[i], i);
    }

    public string Path { get; }

    /// <summary>1-based line number of the current row.</summary>
    public int Line { get; private set; }

    /// <summary>Reads every row of a file; <paramref name="read"/> turns the current row into a value.</summary>
    /// <param name="required">Columns the file must have; checked before any row is read.</param>
    public static List<T> ReadAll<T>(string path, IReadOnlyList<string> required, Func<CsvFile, T> read)
    {
        if (!File.Exists(path)) throw ResultsFileException.Missing(path, "the results folder does not hold this file");
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            var headerLine = reader.ReadLine();
            if (headerLine is null) throw new ResultsFileException(path, "the file is empty; expected a header row with " + string.Join(",", required));
            var csv = new CsvFile(path, Split(headerLine, path, 1)) { Line = 1 };
            var missing = required.Where(c => !csv._columns.ContainsKey(c)).ToList();
            if (missing.Count > 0)
                throw new ResultsFileException(path, $"line 1: column(s) {string.Join(", ", missing)} missing; expected at least {string.Join(",", required)}");
            var rows = new List<T>();
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                csv.Line++;
                if (line.Length == 0) continue;
                csv._fields = Split(line, path, csv.Line);
                if (csv._fields.Length != csv._headerLength)
                    throw new ResultsFileException(path, $"line {csv.Line}: {csv._fields.Length} field(s) where the header has {csv._headerLength}; the file is truncated or corrupt");
                rows.Add(read(csv));
            }
            return rows;
        }
        catch (IOException e)
        {
            throw new ResultsFileException(path, "cannot be read: " + e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ResultsFileException(path, "cannot be read: " + e.Message);
        }
    }

    public string Text(string column) => _fields[Index(column)];

    /// <summary>The text of an optional column, or null when the file has no such column.</summary>
    public string? OptionalText(string column) => _columns.TryGetValue(column, out var i) && i < _fields.Length ? _fields[i] : null;

    public double Number(string column)
    {
        var text = Text(column);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        throw Bad(column, text, "a number");
    }

    /// <summary>A number, or null when the field is empty (e.g. the baseline's difference with itself).</summary>
    public double? OptionalNumber(string column)
    {
        var text = OptionalText(column);
        if (string.IsNullOrEmpty(text)) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        throw Bad(column, text, "a number or nothing");
    }

    public int Integer(string column)
    {
        var text = Text(column);
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        throw Bad(column, text, "a whole number");
    }

    public ResultsFileException Bad(string column, string text, string expected) =>
        new(Path, $"line {Line}: column '{column}': '{text}' is not {expected}");

    private int Index(string column) =>
        _columns.TryGetValue(column, out var i) ? i : throw new ResultsFileException(Path, $"line 1: column '{column}' missing");

    /// <summary>Splits one line; quoted fields may hold commas and doubled quotes (not line breaks: the writers never emit them).</summary>
    private static string[] Split(string line, string path, int lineNumber)
    {
        if (!line.Contains('"')) return line.Split(',');
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted) throw new ResultsFileException(path, $"line {lineNumber}: a quoted field is not closed");
        fields.Add(field.ToString());
        return [.. fields];
    }
}
