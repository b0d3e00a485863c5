// Pedestrian waits of summary.json: all crossings together, then each crossing in model order
// (crossings nobody used included, so that runs of one scenario list the same crossings), with
// the measured pedestrians still waiting at the end counted as unfinished.
using SignalSim.Core.Engine;

namespace SignalSim.Core.Output;

internal static class PedestrianSummaryBuilder
{
    public static PedestrianSummary Build(SimulationResult result)
    {
        var m = result.Model;
        var records = result.Records.Pedestrians;
        var unfinished = result.Records.UnfinishedPedestrians;
        var byCrossing = records.ToLookup(p => p.Crossing);
        var unfinishedByCrossing = unfinished.ToLookup(p => p.Crossing);
        var crossings = m.Crossings.Select((c, i) => new CrossingSummary(
            ModelNames.Intersection(m, c.Intersection),
            ModelNames.Centre(m, c.Intersection),
            c.Id,
            PedestrianMetrics.Summarise(byCrossing[i].Select(p => p.WaitS)) with { Unfinished = unfinishedByCrossing[i].Count() })).ToList();
        return new PedestrianSummary(PedestrianMetrics.Summarise(records.Select(p => p.WaitS)) with { Unfinished = unfinished.Count }, crossings);
    }
}
