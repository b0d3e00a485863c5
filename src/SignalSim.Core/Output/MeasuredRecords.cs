// Which records belong to the measured period, where the engine records from time 0. Trips,
// stop-line crossings, queue samples and pedestrians are already limited to it by the engine;
// priority events and stop events are not, because a request or a dwell straddles the warm-up.
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;

namespace SignalSim.Core.Output;

internal static class MeasuredRecords
{
    /// <summary>Priority events from the end of the warm-up on, in the order they happened.</summary>
    public static IEnumerable<PriorityEvent> Priority(SimulationResult result) =>
        result.Records.Priority.Where(e => e.Ticks >= result.Model.WarmupTicks);

    /// <summary>Stop events whose vehicle left the stop within the measured period.</summary>
    public static IEnumerable<StopEvent> DeparturesFrom(SimulationResult result, int stop) =>
        result.Records.StopEvents.Where(e => e.Stop == stop && e.DepartTicks >= result.Model.WarmupTicks && e.DepartTicks <= result.EndTicks);
}
