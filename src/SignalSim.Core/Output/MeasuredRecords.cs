// Which records are measured, where the engine records some from time 0. The engine already
// keeps trips, stop-line crossings and pedestrians of measured vehicles and pedestrians (those
// arriving in the measured period, followed through the cool-down) and queue samples of the
// measured period. Priority events are recorded for every vehicle and kept here for measured
// vehicles, and so are priority messages; stop events, behind headway regularity (a measure at a stop, by time), are kept
// for departures within the measured period.
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;

namespace SignalSim.Core.Output;

internal static class MeasuredRecords
{
    /// <summary>Priority events of measured vehicles (finished or not), in the order they happened.</summary>
    public static IEnumerable<PriorityEvent> Priority(SimulationResult result)
    {
        var measured = new HashSet<int>();
        foreach (var t in result.Records.Trips) measured.Add(t.VehicleId);
        foreach (var t in result.Records.UnfinishedTrips) measured.Add(t.VehicleId);
        return result.Records.Priority.Where(e => measured.Contains(e.VehicleId));
    }

    /// <summary>Priority messages of measured vehicles (finished or not), in the order they were sent.</summary>
    public static IEnumerable<PriorityMessage> PriorityMessages(SimulationResult result)
    {
        var measured = MeasuredVehicles(result);
        return result.Records.PriorityMessages.Where(m => measured.Contains(m.VehicleId));
    }

    private static HashSet<int> MeasuredVehicles(SimulationResult result)
    {
        var measured = new HashSet<int>();
        foreach (var t in result.Records.Trips) measured.Add(t.VehicleId);
        foreach (var t in result.Records.UnfinishedTrips) measured.Add(t.VehicleId);
        return measured;
    }

    /// <summary>Stop events whose vehicle left the stop within the measured period.</summary>
    public static IEnumerable<StopEvent> DeparturesFrom(SimulationResult result, int stop) =>
        result.Records.StopEvents.Where(e => e.Stop == stop && e.DepartTicks >= result.Model.WarmupTicks && e.DepartTicks < result.Model.MeasuredEndTicks);
}
