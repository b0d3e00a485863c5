using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using Xunit.Abstractions;

namespace SignalSim.Tests;

public class Smoke(ITestOutputHelper output)
{
    [Fact]
    public void Runs()
    {
        var loaded = ScenarioLoader.LoadFile("scenarios/isolated-intersection.json");
        foreach (var w in loaded.Warnings) output.WriteLine(w.Format("x"));
        var sim = new Simulation(SimulationModelBuilder.Build(loaded.Scenario));
        var r = sim.Run();
        var trips = r.Records.Trips;
        output.WriteLine($"trips {trips.Count} mean tt {trips.Average(t => t.TravelTimeS):0.0} delay {trips.Average(t => t.DelayS):0.0} stops {trips.Average(t => t.Stops):0.00} inNet {r.VehiclesInNetworkAtEnd} waiting {r.VehiclesWaitingAtEntriesAtEnd} updates {sim.VehicleUpdates}");
        foreach (var g in r.Records.Queues.GroupBy(q => q.ApproachLink))
            output.WriteLine($"approach {g.Key}: dep {g.Sum(q => q.Departures)} delay {g.Sum(q => q.DelaySumS) / g.Sum(q => q.Departures):0.0} maxq {g.Max(q => q.QueuedVehicles)}");
    }
}
