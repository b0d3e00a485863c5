// Reduces a simulation result to RunMetrics: per mode, finished trips, travel-time mean and
// percentiles, delay, stops, unfinished vehicles, person-delay (occupancy-weighted, unfinished
// vehicles' accumulated delay included), time in the system over the measured period and, for
// buses and trams, headway regularity; per line its running time, and per centre what became of
// the priority requests. Only measured vehicles and pedestrians count (the engine
// records them that way; stop events are filtered by MeasuredRecords).
using SignalSim.Analysis.Statistics;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using MeasuredRecords = SignalSim.Core.Output.MeasuredRecords;
using RunSummaryBuilder = SignalSim.Core.Output.RunSummaryBuilder;
using TransitMetrics = SignalSim.Core.Output.TransitMetrics;
using TripStatistics = SignalSim.Core.Output.TripStatistics;

namespace SignalSim.Analysis.Metrics;

public static class MetricsExtractor
{
    public static RunMetrics Extract(SimulationResult result)
    {
        var m = result.Model;
        var used = UsedModes(result);
        var trips = new List<TripRecord>[ReportModes.All.Count];
        var unfinished = new List<TripRecord>[ReportModes.All.Count];
        for (var i = 0; i < trips.Length; i++)
        {
            trips[i] = [];
            unfinished[i] = [];
        }
        foreach (var t in result.Records.Trips) trips[(int)ReportModes.Of(m.Classes[t.ClassIndex].Mode)].Add(t);
        foreach (var t in result.Records.UnfinishedTrips) unfinished[(int)ReportModes.Of(m.Classes[t.ClassIndex].Mode)].Add(t);

        var modes = new SortedDictionary<ReportMode, ModeMetrics>();
        var vehicleDelayS = 0.0;
        foreach (var mode in ReportModes.All)
        {
            if (!used.Contains(mode)) continue;
            if (mode == ReportMode.Pedestrian)
            {
                modes[mode] = Pedestrians(result.Records.Pedestrians, result.Records.UnfinishedPedestrians);
                continue;
            }
            var list = trips[(int)mode];
            modes[mode] = Vehicles(result, mode, list, unfinished[(int)mode]);
            foreach (var t in list) vehicleDelayS += t.DelayS;
            foreach (var t in unfinished[(int)mode]) vehicleDelayS += t.DelayS;
        }
        return new RunMetrics(modes)
        {
            VehicleDelayH = vehicleDelayS / 3600,
            Lines = LineMetricsExtractor.Extract(result),
            PriorityCentres = Core.Output.PriorityMessageMetrics.Build(result).Centres,
        };
    }

    /// <summary>Modes that some demand, line or crossing of the scenario produces, whether or not a trip completed.</summary>
    public static HashSet<ReportMode> UsedModes(SimulationResult result)
    {
        var m = result.Model;
        var used = new HashSet<ReportMode>();
        foreach (var d in m.Demands) used.Add(ReportModes.Of(m.Classes[d.ClassIndex].Mode));
        foreach (var l in m.Lines) used.Add(ReportModes.Of(m.Classes[l.ClassIndex].Mode));
        if (m.Crossings.Any(c => c.FlowForwardPedPerHour + c.FlowBackwardPedPerHour > 0)) used.Add(ReportMode.Pedestrian);
        return used;
    }

    private static ModeMetrics Vehicles(SimulationResult result, ReportMode mode, List<TripRecord> trips, List<TripRecord> unfinished)
    {
        var m = result.Model;
        var headwayCv = mode.IsTransit() ? HeadwayCv(result, mode) : null;
        var personDelayH = TripStatistics.PersonDelayH(trips, unfinished, m.Classes);
        var system = RunSummaryBuilder.SystemTimeOf(result, c => ReportModes.Of(m.Classes[c].Mode) == mode);
        if (TripStatistics.Of(trips) is not { } st)
            return new ModeMetrics(0, null, null, null, null, null, null, null, personDelayH, headwayCv, unfinished.Count, system.VehicleH, system.PersonH);
        return new ModeMetrics(st.Trips, st.MeanTravelTimeS, st.P50TravelTimeS, st.P90TravelTimeS, st.P95TravelTimeS,
            st.MeanDelayS, st.P90DelayS, st.StopsPerTrip, personDelayH, headwayCv, unfinished.Count, system.VehicleH, system.PersonH);
    }

    /// <summary>Waits of the pedestrians served; person-delay adds the waits so far of those still at the kerb.</summary>
    private static ModeMetrics Pedestrians(IReadOnlyList<PedestrianRecord> pedestrians, IReadOnlyList<PedestrianRecord> unfinished)
    {
        var unfinishedS = 0.0;
        foreach (var p in unfinished) unfinishedS += p.WaitS;
        if (pedestrians.Count == 0) return new ModeMetrics(0, null, null, null, null, null, null, null, unfinishedS / 3600, null, unfinished.Count, null, null);
        var waits = new double[pedestrians.Count];
        for (var i = 0; i < waits.Length; i++) waits[i] = pedestrians[i].WaitS;
        var sum = waits.Sum();
        Array.Sort(waits);
        return new ModeMetrics(pedestrians.Count, null, null, null, null, sum / waits.Length, SampleStatistics.Percentile(waits, 0.90), null,
            (sum + unfinishedS) / 3600, null, unfinished.Count, null, null);
    }

    /// <summary>
    /// Coefficient of variation (standard deviation / mean) of the headways between successive
    /// departures of a line from its regularity stop, as summary.json reports it per line, pooled
    /// over the mode's lines weighted by their number of headways; 0 is a perfectly regular
    /// service. Null when no line had enough vehicles in the measured period.
    /// </summary>
    private static double? HeadwayCv(SimulationResult result, ReportMode mode)
    {
        var m = result.Model;
        var weighted = 0.0;
        var count = 0;
        for (var l = 0; l < m.Lines.Length; l++)
        {
            var line = m.Lines[l];
            if (line.RegularityStop < 0 || ReportModes.Of(m.Classes[line.ClassIndex].Mode) != mode) continue;
            var departures = MeasuredRecords.DeparturesFrom(result, line.RegularityStop).Select(e => SimTime.ToSeconds(e.DepartTicks)).ToList();
            if (TransitMetrics.HeadwayCv(departures) is not { } cv) continue;
            weighted += cv * (departures.Count - 1);
            count += departures.Count - 1;
        }
        return count > 0 ? weighted / count : null;
    }
}
