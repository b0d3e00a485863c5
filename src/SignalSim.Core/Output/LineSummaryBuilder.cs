// Per-line figures of summary.json from a run's trips and stop events: travel time, dwell,
// lateness at the last stop (or at the exit), headway regularity and person-delay.
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;

namespace SignalSim.Core.Output;

internal static class LineSummaryBuilder
{
    public static List<LineSummary> Build(SimulationResult result)
    {
        var m = result.Model;
        var tripsByLine = result.Records.Trips.Where(t => m.RouteLine[t.Route] >= 0).ToLookup(t => m.RouteLine[t.Route]);
        var unfinishedByLine = result.Records.UnfinishedTrips.Where(t => m.RouteLine[t.Route] >= 0).ToLookup(t => m.RouteLine[t.Route]);
        var dwellByVehicle = new Dictionary<int, double>();
        var lastStopLateness = new Dictionary<int, double>();
        foreach (var e in result.Records.StopEvents)
        {
            dwellByVehicle[e.VehicleId] = dwellByVehicle.GetValueOrDefault(e.VehicleId) + SimTime.ToSeconds(e.DepartTicks - e.ArriveTicks);
            var line = m.Lines[e.Line];
            if (e.Stop == line.FirstStop + line.StopCount - 1) lastStopLateness[e.VehicleId] = e.LatenessS;
        }

        var summaries = new List<LineSummary>(m.Lines.Length);
        for (var l = 0; l < m.Lines.Length; l++)
        {
            var line = m.Lines[l];
            var cls = m.Classes[line.ClassIndex];
            var trips = tripsByLine[l].ToList();
            var unfinished = unfinishedByLine[l].ToList();
            var times = trips.Select(t => t.TravelTimeS).Order().ToArray();
            var lateness = line.StopCount > 0
                ? trips.Where(t => lastStopLateness.ContainsKey(t.VehicleId)).Select(t => lastStopLateness[t.VehicleId]).ToList()
                : trips.Select(t => ExitLatenessS(line, t)).ToList();
            var departures = line.RegularityStop >= 0
                ? MeasuredRecords.DeparturesFrom(result, line.RegularityStop).Select(e => SimTime.ToSeconds(e.DepartTicks)).ToList()
                : [];
            var headways = TransitMetrics.Headways(departures);
            summaries.Add(new LineSummary(
                Line: line.Id,
                Mode: InvariantText.Word(cls.Mode),
                VehicleClass: cls.Id,
                EntryLink: ModelNames.EntryLink(m, line.Route),
                ExitLink: ModelNames.ExitLink(m, line.Route),
                Trips: trips.Count,
                Unfinished: unfinished.Count,
                MeanTravelTimeS: SampleStatistics.MeanOrNull(times),
                P50TravelTimeS: times.Length > 0 ? SampleStatistics.Percentile(times, 0.50) : null,
                P90TravelTimeS: times.Length > 0 ? SampleStatistics.Percentile(times, 0.90) : null,
                MeanDelayS: SampleStatistics.MeanOrNull(trips.Select(t => t.DelayS)),
                MeanDwellS: SampleStatistics.MeanOrNull(trips.Select(t => dwellByVehicle.GetValueOrDefault(t.VehicleId))),
                LatenessStop: line.StopCount > 0 ? m.Stops.Ids[line.FirstStop + line.StopCount - 1] : null,
                MeanLatenessS: SampleStatistics.MeanOrNull(lateness),
                P90LatenessS: SampleStatistics.PercentileOrNull(lateness, 0.90),
                RegularityStop: line.RegularityStop >= 0 ? m.Stops.Ids[line.RegularityStop] : null,
                Headways: headways.Length,
                MeanHeadwayS: SampleStatistics.MeanOrNull(headways),
                HeadwayCv: TransitMetrics.HeadwayCv(departures),
                PersonDelayH: TransitMetrics.PersonDelayH(cls.Occupancy, trips.Concat(unfinished).Select(t => t.DelayS))));
        }
        return summaries;
    }

    private static double ExitLatenessS(Model.LineModel line, TripRecord trip) =>
        TransitMetrics.ExitLatenessS(trip.ScheduledTicks, trip.ArriveTicks, line.ScheduledRunTimeS);
}
