// `signalsim chart purdue|split-monitor --events FILE [--compare-with RESULTS_DIR] ...`: charts
// drawn from a controller event log (a real controller's or SignalSim's own), with a results
// folder's run on the same axes when asked. The phase's group and the detector's place come from
// controller_events_map.csv beside the log when there is one, else from the options. The field
// side's arrivals are always measured by the detector method; the run's side by the method asked
// (--arrivals), by default the detector method whenever the run wrote its own event log with an
// advance detector on the approach, so that both sides are measured the same way.
using SignalSim.Analysis.Interop.EventLogs;
using SignalSim.Charts.Charts;
using SignalSim.Charts.FieldData;
using SignalSim.Charts.Labels;
using SignalSim.Charts.Results;
using SignalSim.Core.Model;
using SignalSim.Core.Output;

namespace SignalSim.Cli.Commands;

internal sealed record EventLogChartRequest(string Kind, string EventsPath, string? Signal, int? Phase, int? Detector, double? DistanceM, double? SpeedKmh,
    string? CompareWith, string? Strategy, string? Approach, ArrivalsMethod? Arrivals, string Language, string? Out);

internal static class EventLogChart
{
    public static IReadOnlyList<string> Draw(EventLogChartRequest r)
    {
        if (r.CompareWith is null && r.Arrivals == ArrivalsMethod.Undelayed)
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --arrivals undelayed: a controller event log has only detector arrivals; undelayed arrivals come from a results folder (--compare-with RESULTS_DIR)");
        List<LoggedEvent> log;
        EventLogMap? map;
        try
        {
            log = ControllerEventLog.Read(r.EventsPath);
            map = EventLogMap.Beside(r.EventsPath);
        }
        catch (EventLogException e)
        {
            throw new InvalidInputException(e.Message);
        }
        var signals = log.Select(e => e.SignalId).Distinct().ToList();
        if (signals.Count == 0) throw new InvalidInputException($"{r.EventsPath}: error: the log holds no event");
        var signal = r.Signal ?? (signals.Count == 1 ? signals[0]
            : throw new InvalidInputException($"{CliConsole.ProgramName}: error: --signal: the log holds several signals ({string.Join(", ", signals)}); choose one"));
        if (!signals.Contains(signal)) throw new InvalidInputException($"{CliConsole.ProgramName}: error: --signal: no event of '{signal}' in {r.EventsPath}; signals: {string.Join(", ", signals)}");

        var run = r.CompareWith is null ? null : ChartOptions.Guard(() => ResultsFolder.Open(r.CompareWith).Run(r.Strategy));
        var simulationMap = run is null ? null : ControllerEventMap.Of(SimulationModelBuilder.Build(run.Scenario));
        var labels = ChartLabels.For(r.Language);
        var outDir = r.Out ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(r.EventsPath)) ?? ".", "charts");
        var fieldName = Path.GetFileName(r.EventsPath);
        var simulationName = run is null ? "" : $"{run.Name} ({CliConsole.ProgramName})";

        if (r.Kind == FieldCharts.SplitMonitorKind)
        {
            var field = log.Where(e => e.SignalId == signal && e.Code == 1).Select(e => e.Param).Distinct().Order()
                .ToDictionary(p => p, p => EventLogMetrics.Greens(log, signal, p));
            var sources = new List<(string, IReadOnlyDictionary<int, List<GreenInterval>>)> { (fieldName, field) };
            if (run is not null)
            {
                var sim = new Dictionary<int, List<GreenInterval>>();
                foreach (var (group, phase) in GroupsOf(run, simulationMap!, signal))
                    sim[phase] = PurdueData.GreensOf(run.Signals, signal, group, run.Scenario.Simulation.StartTimeOfDayS);
                sources.Add((simulationName, sim));
            }
            var files = ChartOptions.WriteInto(outDir, () => FieldCharts.DrawSplitMonitor(sources, signal, labels, outDir));
            return [files.PngPath, files.SvgPath];
        }

        var phaseNumber = r.Phase ?? throw new InvalidInputException($"{CliConsole.ProgramName}: error: --phase: give the phase of the approach (phases in the log: {string.Join(", ", log.Where(e => e.SignalId == signal && e.Code == 1).Select(e => e.Param).Distinct().Order())})");
        var channel = r.Detector ?? throw new InvalidInputException($"{CliConsole.ProgramName}: error: --detector: give the channel of the approach's advance detector");
        var mapped = map?.Detectors.FirstOrDefault(d => d.Signal == signal && d.Channel == channel);
        var distance = r.DistanceM ?? mapped?.DistanceToStopLineM
            ?? throw new InvalidInputException($"{CliConsole.ProgramName}: error: --distance: no {EventLogMap.FileName} beside the log names detector {channel}; give its distance from its upstream edge to the stop line in metres");
        var approach = r.Approach ?? mapped?.Link;
        var speedKmh = r.SpeedKmh
            ?? (run is not null && approach is not null ? run.Scenario.Links.FirstOrDefault(l => l.Id == approach)?.SpeedLimitKmh : null)
            ?? throw new InvalidInputException($"{CliConsole.ProgramName}: error: --speed: give the approach speed in km/h used to project detector arrivals to the stop line");
        // Beside a run, both count the arrivals of the run's measured period (crossings.csv starts after the warm-up).
        var (fromS, toS) = run is null ? (double.MinValue, double.MaxValue)
            : (run.Scenario.Simulation.StartTimeOfDayS + run.Summary.WarmupS, run.Scenario.Simulation.StartTimeOfDayS + run.Summary.WarmupS + run.Summary.DurationS);
        var purdue = new List<PurdueData> { PurdueData.FromEventLog(fieldName, log, signal, phaseNumber, channel, distance, speedKmh / 3.6, fromS, toS) };
        if (run is not null)
        {
            var group = GroupsOf(run, simulationMap!, signal).FirstOrDefault(g => g.Phase == phaseNumber).Group
                ?? throw new InvalidInputException($"{CliConsole.ProgramName}: error: --phase: intersection '{signal}' of {r.CompareWith} has no group with phase {phaseNumber}");
            if (approach is null) throw new InvalidInputException($"{CliConsole.ProgramName}: error: --approach: give the approach link of the detector in {r.CompareWith}");
            if (!run.Scenario.Links.Any(l => l.Id == approach && l.To == signal))
                throw new InvalidInputException($"{CliConsole.ProgramName}: error: --approach: '{approach}' is not an approach of '{signal}' in {r.CompareWith}");
            // Same method on both sides when the run can give it: its own log, read as the field's is, projected at the same speed.
            var method = r.Arrivals ?? (ChartOptions.Guard(() => RunEventLog.HasAdvanceDetector(run, signal, approach)) ? ArrivalsMethod.Detector : ArrivalsMethod.Undelayed);
            purdue.Add(ChartOptions.Guard(() => PurdueData.FromRun(simulationName, run, signal, group, phaseNumber, approach, fromS, toS, method, speedKmh, channel)));
        }
        var drawn = ChartOptions.WriteInto(outDir, () =>
        {
            var files = FieldCharts.DrawPurdue(purdue, labels, outDir);
            FieldCharts.WriteArrivalsOnGreen(purdue, outDir);
            return files;
        });
        return [drawn.PngPath, drawn.SvgPath, Path.Combine(outDir, FieldCharts.ArrivalsOnGreenFileName)];
    }

    /// <summary>The groups of an intersection with their phase numbers in SignalSim's log.</summary>
    private static IEnumerable<(string Group, int Phase)> GroupsOf(RunFolder run, ControllerEventMap map, string signal)
    {
        var index = run.Scenario.Intersections.ToList().FindIndex(x => x.Id == signal);
        if (index < 0) yield break;
        var x = run.Scenario.Intersections[index];
        var first = 0;
        for (var i = 0; i < index; i++) first += run.Scenario.Intersections[i].SignalGroups.Count;
        for (var g = 0; g < x.SignalGroups.Count; g++) yield return (x.SignalGroups[g].Id, map.GroupPhase[first + g]);
    }
}
