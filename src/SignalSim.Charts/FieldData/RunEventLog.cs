// A run's own controller event log (controller_events.csv and its map, written by `run --events`
// or `compare --events`) and the advance detector of one approach in it: what the detector
// method of the Purdue diagram needs to measure a simulated approach as a field log measures the
// street. When the run wrote no log, or the approach has no advance detector, the error says how
// to get one.
using SignalSim.Analysis.Interop.EventLogs;
using SignalSim.Charts.Results;
using SignalSim.Core.Output;

namespace SignalSim.Charts.FieldData;

public sealed record RunEventLog(string LogPath, IReadOnlyList<LoggedEvent> Events, EventLogMap Map)
{
    /// <summary>True when the run wrote a log whose map has an advance detector on the approach of the intersection.</summary>
    public static bool HasAdvanceDetector(RunFolder run, string intersection, string approach)
    {
        if (!run.Has(ControllerEventLogWriter.FileName) || !run.Has(EventLogMap.FileName)) return false;
        return EventLogMap.Read(run.PathOf(EventLogMap.FileName)).Detectors.Any(d => IsAdvanceOf(d, intersection, approach));
    }

    /// <summary>The run's log and map; a run without them is refused with the option that writes them.</summary>
    public static RunEventLog Read(RunFolder run)
    {
        var logPath = run.PathOf(ControllerEventLogWriter.FileName);
        if (!run.Has(ControllerEventLogWriter.FileName) || !run.Has(EventLogMap.FileName))
            throw new ChartOptionException(
                $"--arrivals detector: {run.Path} holds no controller event log ({ControllerEventLogWriter.FileName} and {EventLogMap.FileName}); "
                + "run the scenario again with --events (signalsim run SCENARIO --events, or signalsim compare SCENARIO --events) to write it, or use --arrivals undelayed");
        return new RunEventLog(logPath, ControllerEventLog.Read(logPath), EventLogMap.Read(run.PathOf(EventLogMap.FileName)));
    }

    /// <summary>
    /// The advance detector of the approach: the one on <paramref name="preferredChannel"/> when
    /// the approach has it (the channel a field log was read with), else the approach's only one.
    /// </summary>
    public MappedDetector AdvanceDetector(string intersection, string approach, int? preferredChannel)
    {
        var advance = Map.Detectors.Where(d => IsAdvanceOf(d, intersection, approach)).ToList();
        if (advance.Count == 0)
            throw new ChartOptionException(
                $"--arrivals detector: intersection '{intersection}' has no advance detector on approach '{approach}' in {Path.Combine(Path.GetDirectoryName(LogPath) ?? ".", EventLogMap.FileName)}; "
                + $"declare one in the scenario's intersection (\"detectors\": [{{ \"id\": \"{approach}-advance\", \"link\": \"{approach}\", \"position_m\": 150, \"length_m\": 2, \"kind\": \"advance\", \"channel\": N }}]) "
                + "and run it again with --events, or use --arrivals undelayed");
        var same = advance.FirstOrDefault(d => d.Channel == preferredChannel);
        if (same is not null) return same;
        if (advance.Count == 1) return advance[0];
        throw new ChartOptionException(
            $"--arrivals detector: approach '{approach}' of '{intersection}' has several advance detectors (channels {string.Join(", ", advance.Select(d => d.Channel))}); "
            + "give the one to use with --detector CHANNEL");
    }

    private static bool IsAdvanceOf(MappedDetector d, string intersection, string approach) =>
        d.Signal == intersection && d.Link == approach && d.Kind == "advance";
}
