// The "points durs" diagnostic: the delay buses and trams lose at each signal (stop-line delay
// minus dwell at stops on the approach), per line along its route and per intersection, beside
// the priority requests each intersection received and what it did with them.
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Output;

internal static class PointsDursBuilder
{
    public static PointsDurs Build(SimulationResult result)
    {
        var m = result.Model;
        var transit = result.Records.Crossings.Where(c => m.Classes[c.ClassIndex].Mode is TravelMode.Bus or TravelMode.Tram).ToList();

        var lines = new List<LineSignalDelay>(m.Lines.Length);
        for (var l = 0; l < m.Lines.Length; l++)
        {
            var line = m.Lines[l];
            var ofLine = transit.Where(c => m.RouteLine[c.Route] == l).ToLookup(c => c.ApproachLink);
            var approaches = new List<ApproachSignalDelay>();
            var first = m.RouteFirstStep[line.Route];
            for (var step = first; step < first + m.RouteStepCount[line.Route]; step++)
            {
                var link = m.StepLink[step];
                var intersection = m.LinkToIntersection[link];
                if (intersection < 0) continue;
                approaches.Add(new ApproachSignalDelay(
                    ModelNames.Intersection(m, intersection), ModelNames.Centre(m, intersection), m.LinkIds[link], Delay(ofLine[link])));
            }
            lines.Add(new LineSignalDelay(line.Id, InvariantText.Word(m.Classes[line.ClassIndex].Mode),
                TransitMetrics.SignalDelayPerTripS(approaches.Select(a => a.Delay.MeanS)), approaches));
        }

        var byIntersection = transit.ToLookup(c => m.LinkToIntersection[c.ApproachLink]);
        var priority = MeasuredRecords.Priority(result).ToLookup(e => e.Intersection);
        var intersections = new List<IntersectionTransit>(m.IntersectionIds.Length);
        for (var i = 0; i < m.IntersectionIds.Length; i++)
        {
            var here = byIntersection[i].ToList();
            intersections.Add(new IntersectionTransit(
                ModelNames.Intersection(m, i),
                ModelNames.Centre(m, i),
                Delay(here.Where(c => m.Classes[c.ClassIndex].Mode == TravelMode.Bus)),
                Delay(here.Where(c => m.Classes[c.ClassIndex].Mode == TravelMode.Tram)),
                PriorityMetrics.Count(priority[i])));
        }
        return new PointsDurs(lines, intersections);
    }

    private static SignalDelay Delay(IEnumerable<StopLineCrossing> crossings)
    {
        var delays = crossings.Select(c => TransitMetrics.SignalDelayS(c)).ToList();
        return new SignalDelay(delays.Count, SampleStatistics.MeanOrNull(delays));
    }
}
