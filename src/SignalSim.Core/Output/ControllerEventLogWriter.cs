// controller_events.csv: the run as the Indiana hi-resolution controller event log that
// ATSPM-style tools read, one file for every intersection with a signal id column:
// signal_id,timestamp,event_code,event_param. Codes written (Indiana enumerations):
//   1 phase begin green, 8 begin yellow clearance, 9 end yellow clearance, 10 begin red clearance
//     (vehicle, bus, tram and cycle groups; param = phase);
//   21 pedestrian begin walk, 22 begin clearance (the walk ends), 23 begin solid don't walk (the
//     walk's end plus the longest intergreen from the group: the clearance SignalSim guarantees);
//   81 detector off, 82 detector on (param = channel);
//   112 TSP check in, 113 TSP early green, 114 TSP extend green, 115 TSP check out (param = 1 bus, 2 tram);
//   131 coordination pattern change (param = pattern number, see controller_events_map.csv).
// Timestamps are the centre-independent time of day (start_time_of_day_s + simulation time) on a
// nominal date, with milliseconds; SignalSim runs have no calendar date.
using System.Globalization;
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;

namespace SignalSim.Core.Output;

public static class ControllerEventLogWriter
{
    public const string FileName = "controller_events.csv";

    public static readonly string[] Columns = ["signal_id", "timestamp", "event_code", "event_param"];

    /// <summary>The nominal date of the timestamps.</summary>
    public static readonly DateTime NominalDate = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Unspecified);

    public readonly record struct Event(long Ticks, int Intersection, int Code, int Param);

    /// <summary>Every event of the run, in time order (ties: intersection, code, parameter).</summary>
    public static List<Event> Events(SimulationResult result, ControllerEventMap map)
    {
        var m = result.Model;
        var events = new List<Event>();
        var walkClearance = new long[m.GroupCount];
        foreach (var c in m.Controllers)
            foreach (var conflict in c.Conflicts)
                walkClearance[c.FirstGroup + conflict.From] = Math.Max(walkClearance[c.FirstGroup + conflict.From], conflict.IntergreenTicks);

        void Signal(long ticks, int g, SignalState state, bool initial)
        {
            var x = m.GroupIntersection[g];
            var phase = map.GroupPhase[g];
            if (m.GroupKinds[g] == SignalGroupKind.Pedestrian)
            {
                if (state == SignalState.Green) events.Add(new(ticks, x, 21, phase));
                else if (initial) events.Add(new(ticks, x, 23, phase));
                else
                {
                    events.Add(new(ticks, x, 22, phase));
                    if (ticks + walkClearance[g] <= result.EndTicks) events.Add(new(ticks + walkClearance[g], x, 23, phase));
                }
                return;
            }
            switch (state)
            {
                case SignalState.Green: events.Add(new(ticks, x, 1, phase)); break;
                case SignalState.Amber: events.Add(new(ticks, x, 8, phase)); break;
                default:
                    if (!initial) events.Add(new(ticks, x, 9, phase));
                    events.Add(new(ticks, x, 10, phase));
                    break;
            }
        }

        var initialStates = result.Records.InitialSignals;
        for (var g = 0; g < initialStates.Count; g++) Signal(0, g, initialStates[g], initial: true);
        foreach (var change in result.Records.SignalChanges) Signal(change.Ticks, change.Group, change.State, initial: false);
        foreach (var d in result.Records.DetectorEvents)
            events.Add(new(d.Ticks, map.DetectorIntersection[d.Detector], d.On ? 82 : 81, map.DetectorChannel[d.Detector]));
        foreach (var p in result.Records.Priority)
        {
            var code = p.Action switch
            {
                PriorityAction.Requested => 112,
                PriorityAction.EarlyGreen => 113,
                PriorityAction.Extension => 114,
                PriorityAction.CheckedOut => 115,
                _ => 0,
            };
            if (code != 0) events.Add(new(p.Ticks, p.Intersection, code, p.Mode == TravelMode.Tram ? 2 : 1));
        }
        // The pattern each centre's schedule calls for, at the start and at every change.
        for (var i = 0; i < m.Controllers.Length; i++)
        {
            var clock = m.Controllers[i].Centre;
            var slot = -1;
            for (var t = 0L; t < result.EndTicks; t += SimTime.TicksPerSecond)
            {
                var now = clock.PlanSlotAt(clock.LocalTicks(t));
                if (now == slot) continue;
                slot = now;
                events.Add(new(t, i, 131, ControllerEventMap.PatternNumber(m, i, slot)));
            }
        }
        events.Sort((a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks)
            : a.Intersection != b.Intersection ? a.Intersection.CompareTo(b.Intersection)
            : a.Code != b.Code ? a.Code.CompareTo(b.Code) : a.Param.CompareTo(b.Param));
        return events;
    }

    public static void Write(SimulationResult result, TextWriter writer, CancellationToken cancellation = default)
    {
        var map = ControllerEventMap.Of(result.Model);
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        var startTicks = SimTime.FromSeconds(result.Model.Scenario.Simulation.StartTimeOfDayS);
        var events = Events(result, map);
        for (var i = 0; i < events.Count; i++)
        {
            if ((i & 0xFFF) == 0) cancellation.ThrowIfCancellationRequested();
            var e = events[i];
            csv.Text(result.Model.IntersectionIds[e.Intersection]);
            csv.Field(Timestamp(startTicks + e.Ticks));
            csv.Field(InvariantText.Integer(e.Code));
            csv.Field(InvariantText.Integer(e.Param));
            csv.EndRow();
        }
    }

    public static string Timestamp(long ticksOfDay) =>
        NominalDate.AddMilliseconds(ticksOfDay).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
