// controller_events_map.csv read back: which group each phase number is and where each detector
// lies. SignalSim writes it beside its event log; for a real controller's log, the user gives
// the detector's distance on the command line instead.
using System.Globalization;
using SignalSim.Analysis.Interop.EventLogs;

namespace SignalSim.Charts.FieldData;

public sealed record MappedDetector(string Signal, int Channel, string Id, string Kind, string Link, int Lane, double PositionM, double LengthM)
{
    /// <summary>Distance a vehicle's front covers from switching the loop on to the stop line.</summary>
    public double DistanceToStopLineM => PositionM + LengthM;
}

public sealed record EventLogMap(IReadOnlyList<(string Signal, int Phase, string Group)> Phases, IReadOnlyList<MappedDetector> Detectors)
{
    public const string FileName = "controller_events_map.csv";
    private static readonly string[] Columns = ["signal_id", "kind", "number", "name", "type", "link", "lane", "position_m", "length_m"];

    /// <summary>The map beside the log, or null when there is none.</summary>
    public static EventLogMap? Beside(string logPath)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(logPath)) ?? ".", FileName);
        return File.Exists(path) ? Read(path) : null;
    }

    public static EventLogMap Read(string path)
    {
        var phases = new List<(string, int, string)>();
        var detectors = new List<MappedDetector>();
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            var f = line.Split(',');
            if (n == 1)
            {
                if (!f.SequenceEqual(Columns)) throw new EventLogException($"{path}:1: error: the header is '{line}'; the map starts with '{string.Join(',', Columns)}'");
                continue;
            }
            if (line.Length == 0) continue;
            if (f.Length != Columns.Length || !int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                throw new EventLogException($"{path}:{n}: error: expected {Columns.Length} fields with a whole number in 'number'");
            if (f[1] == "phase") phases.Add((f[0], number, f[3]));
            else if (f[1] == "detector")
            {
                if (!int.TryParse(f[6], NumberStyles.None, CultureInfo.InvariantCulture, out var lane)
                    || !double.TryParse(f[7], NumberStyles.Float, CultureInfo.InvariantCulture, out var position)
                    || !double.TryParse(f[8], NumberStyles.Float, CultureInfo.InvariantCulture, out var length))
                    throw new EventLogException($"{path}:{n}: error: a detector row needs lane, position_m and length_m as numbers");
                detectors.Add(new MappedDetector(f[0], number, f[3], f[4], f[5], lane, position, length));
            }
        }
        return new EventLogMap(phases, detectors);
    }
}
