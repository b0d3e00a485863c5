// Reading a controller event log in the Indiana hi-resolution layout SignalSim writes
// (signal_id,timestamp,event_code,event_param), from SignalSim or from a real controller's
// export. Every malformed line is reported with the file and line number.
using System.Globalization;

namespace SignalSim.Analysis.Interop.EventLogs;

public readonly record struct LoggedEvent(string SignalId, double TimeOfDayS, int Code, int Param, int Line);

public sealed class EventLogException(string message) : Exception(message);

public static class ControllerEventLog
{
    public static readonly string[] Columns = ["signal_id", "timestamp", "event_code", "event_param"];

    private static readonly string[] TimestampFormats =
        ["yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd HH:mm:ss.ff", "yyyy-MM-dd HH:mm:ss.f", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fff", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>Reads the log; times are seconds after midnight of the first event's date (later dates add a day each).</summary>
    /// <exception cref="EventLogException">The file is missing or a line is malformed; the message says file:line and how to fix it.</exception>
    public static List<LoggedEvent> Read(string path)
    {
        if (!File.Exists(path)) throw new EventLogException($"{path}: error: no such file; give the path of a controller event log (CSV: {string.Join(',', Columns)})");
        var events = new List<LoggedEvent>();
        DateTime? firstDate = null;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (lineNumber == 1)
            {
                var header = line.TrimStart('\uFEFF').Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
                if (!header.SequenceEqual(Columns))
                    throw new EventLogException($"{path}:1: error: the header is '{line}'; an event log starts with '{string.Join(',', Columns)}'");
                continue;
            }
            if (line.Length == 0) continue;
            var f = line.Split(',');
            if (f.Length != 4) throw new EventLogException($"{path}:{lineNumber}: error: {f.Length} fields; each line holds {string.Join(',', Columns)}");
            if (f[0].Length == 0) throw new EventLogException($"{path}:{lineNumber}: error: the signal id is empty");
            if (!DateTime.TryParseExact(f[1].Trim(), TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                throw new EventLogException($"{path}:{lineNumber}: error: timestamp '{f[1]}' is not a date and time such as 2026-01-05 08:00:00.000");
            if (!int.TryParse(f[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code > 255)
                throw new EventLogException($"{path}:{lineNumber}: error: event code '{f[2]}' is not a whole number from 0 to 255");
            if (!int.TryParse(f[3].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var param) || param > 255)
                throw new EventLogException($"{path}:{lineNumber}: error: event parameter '{f[3]}' is not a whole number from 0 to 255");
            firstDate ??= time.Date;
            var seconds = (time - firstDate.Value).TotalSeconds;
            if (events.Count > 0 && seconds < events[^1].TimeOfDayS)
                throw new EventLogException($"{path}:{lineNumber}: error: timestamp {f[1]} is earlier than the line before; sort the log by time");
            events.Add(new LoggedEvent(f[0], seconds, code, param, lineNumber));
        }
        return events;
    }
}
