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
            DurationS: SimTime.ToSeconds(m.EndTicks - m.WarmupTicks),
            StepS: SimTime.ToSeconds(m.StepTicks),
            WarmupS: SimTime.ToSeconds(m.WarmupTicks),
            QueueSampleS: SimTime.ToSeconds(m.QueueSampleTicks),
            Vehicles: new VehicleTotals(result.VehiclesEntered, result.Records.Trips.Count, result.VehiclesInNetworkAtEnd, result.VehiclesWaitingAtEntriesAtEnd),
            Modes: Modes(result),
            Pedestrians: PedestrianSummaryBuilder.Build(result),
            Lines: LineSummaryBuilder.Build(result),
            PointsDurs: PointsDursBuilder.Build(result),
            Approaches: Approaches(result),
            SignalWaits: SignalWaitMetrics.Build(result),
            Warnings: context.Warnings);
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
            summaries.Add(TripStatistics.Of(trips, m.Classes) is { } st
                ? new ModeSummary(InvariantText.Word(mode), st.Trips, st.MeanTravelTimeS, st.P50TravelTimeS, st.P90TravelTimeS, st.P95TravelTimeS,
                    st.MeanDelayS, st.StopsPerTrip, st.PersonDelayH)
                : new ModeSummary(InvariantText.Word(mode), 0, null, null, null, null, null, null, 0));
        }
        return summaries;
    }

    private static List<ApproachSummary> Approaches(SimulationResult result)
    {
        var m = result.Model;
        var totals = new Dictionary<int, ApproachTotals>();
        foreach (var link in m.ApproachLinks) totals[link] = new ApproachTotals();
        foreach (var s in result.Records.Queues)
        {
            var t = totals[s.ApproachLink];
            t.Departures += s.Departures;
            t.DelaySumS += s.DelaySumS;
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
