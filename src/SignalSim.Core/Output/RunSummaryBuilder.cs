// Reduces a run's records to its summary: per-mode travel-time statistics, pedestrians, lines,
// the "points durs" diagnostic, per-approach totals and the longest wait at each signal group.
// Percentiles interpolate linearly between order statistics (the common "type 7", see
// SampleStatistics).
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Output;

public static class RunSummaryBuilder
{
    public static RunSummary Build(SimulationResult result, RunContext context)
    {
        var m = result.Model;
        return new RunSummary(
            Scenario: m.Scenario.Name.Default,
            Source: context.SourceName,
            ProgramVersion: context.ProgramVersion,
            Seed: m.Seed,
            DurationS: SimTime.ToSeconds(m.MeasuredEndTicks - m.WarmupTicks),
            StepS: SimTime.ToSeconds(m.StepTicks),
            WarmupS: SimTime.ToSeconds(m.WarmupTicks),
            CooldownS: SimTime.ToSeconds(m.EndTicks - m.MeasuredEndTicks),
            QueueSampleS: SimTime.ToSeconds(m.QueueSampleTicks),
            Vehicles: new VehicleTotals(result.VehiclesEntered, Enumerable.Range(0, m.Classes.Length).Sum(result.Records.Occupancy.Arrivals),
                result.Records.Trips.Count, result.Records.UnfinishedTrips.Count, result.VehiclesInNetworkAtEnd, result.VehiclesWaitingAtEntriesAtEnd),
            System: SystemTimeOf(result, _ => true),
            Modes: Modes(result),
            Pedestrians: PedestrianSummaryBuilder.Build(result),
            Lines: LineSummaryBuilder.Build(result),
            PointsDurs: PointsDursBuilder.Build(result),
            Approaches: Approaches(result),
            SignalWaits: SignalWaitMetrics.Build(result),
            Warnings: context.Warnings,
            Driving: result.Driving)
        {
            PriorityMessages = PriorityMessageMetrics.Build(result),
        };
    }

    /// <summary>Every mode that some demand or line uses, in the order of <see cref="TravelMode"/>, with or without trips.</summary>
    private static List<ModeSummary> Modes(SimulationResult result)
    {
        var m = result.Model;
        var used = m.Demands.Select(d => d.ClassIndex).Concat(m.Lines.Select(l => l.ClassIndex)).Select(c => m.Classes[c].Mode).ToHashSet();
        var summaries = new List<ModeSummary>();
        foreach (var mode in Enum.GetValues<TravelMode>())
        {
            if (!used.Contains(mode)) continue;
            var trips = result.Records.Trips.Where(t => m.Classes[t.ClassIndex].Mode == mode).ToList();
            var unfinished = result.Records.UnfinishedTrips.Where(t => m.Classes[t.ClassIndex].Mode == mode).ToList();
            var personDelayH = TripStatistics.PersonDelayH(trips, unfinished, m.Classes);
            var system = SystemTimeOf(result, c => m.Classes[c].Mode == mode);
            summaries.Add(TripStatistics.Of(trips) is { } st
                ? new ModeSummary(InvariantText.Word(mode), st.Trips, st.MeanTravelTimeS, st.P50TravelTimeS, st.P90TravelTimeS, st.P95TravelTimeS,
                    st.MeanDelayS, st.StopsPerTrip, personDelayH, unfinished.Count, system)
                : new ModeSummary(InvariantText.Word(mode), 0, null, null, null, null, null, null, personDelayH, unfinished.Count, system));
        }
        return summaries;
    }

    /// <summary>Time in the system over the measured period of the classes chosen.</summary>
    public static SystemTime SystemTimeOf(SimulationResult result, Func<int, bool> classes)
    {
        var m = result.Model;
        var o = result.Records.Occupancy;
        double inNetwork = 0, waiting = 0, persons = 0;
        for (var c = 0; c < m.Classes.Length; c++)
        {
            if (!classes(c)) continue;
            inNetwork += o.InNetworkVehicleHours(c);
            waiting += o.WaitingVehicleHours(c);
            persons += o.SystemVehicleHours(c) * m.Classes[c].Occupancy;
        }
        return new SystemTime(inNetwork, waiting, persons);
    }

    private static List<ApproachSummary> Approaches(SimulationResult result)
    {
        var m = result.Model;
        var totals = new Dictionary<int, ApproachTotals>();
        foreach (var link in m.ApproachLinks) totals[link] = new ApproachTotals();
        // Every crossing of a measured vehicle, also in the cool-down; queues over the measured period.
        foreach (var c in result.Records.Crossings)
        {
            var t = totals[c.ApproachLink];
            t.Departures++;
            t.DelaySumS += c.DelayS;
        }
        foreach (var s in result.Records.Queues)
        {
            var t = totals[s.ApproachLink];
            t.MaxQueuedVehicles = Math.Max(t.MaxQueuedVehicles, s.QueuedVehicles);
            t.MaxQueueLengthM = Math.Max(t.MaxQueueLengthM, s.QueueLengthM);
        }
        return m.ApproachLinks.Select(link =>
        {
            var t = totals[link];
            var intersection = m.LinkToIntersection[link];
            return new ApproachSummary(
                ModelNames.Intersection(m, intersection),
                ModelNames.Centre(m, intersection),
                m.LinkIds[link],
                t.Departures,
                t.Departures > 0 ? t.MeanDelayS : null,
                t.MaxQueuedVehicles,
                t.MaxQueueLengthM);
        }).ToList();
    }
}
