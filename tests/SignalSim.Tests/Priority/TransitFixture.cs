// Variants of scenarios/isolated-intersection.json with public transport: a bus line on the
// main road (a stop on the approach), optionally a tram line crossing on the side road, and the
// priority each centre grants.
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Priority;

internal static class TransitFixture
{
    private static readonly Lazy<ScenarioFile> Shipped = new(() => ScenarioLoader.LoadFile(Path.Combine("scenarios", "isolated-intersection.json")).Scenario);

    public static LineSpec BusLine(double headwayS = 240, double jitterS = 0, double? scheduledRunTimeS = null) => new()
    {
        Id = "bus-east",
        VehicleClass = "bus",
        Links = ["west-in", "east-out"],
        HeadwayS = headwayS,
        FirstDepartureS = 30,
        DepartureJitterS = jitterS,
        ScheduledRunTimeS = scheduledRunTimeS,
        Stops = [new StopSpec { Id = "halfway", Link = "west-in", PositionM = 200, DwellFixedS = 10, BoardingSPerPassenger = 2, PassengersPerHour = 60 }],
    };

    public static LineSpec TramLine(double headwayS = 300) => new()
    {
        Id = "tram-north",
        VehicleClass = "tram",
        Links = ["south-in", "north-out"],
        HeadwayS = headwayS,
        FirstDepartureS = 45,
    };

    public static ScenarioFile With(PrioritySpec? priority, IReadOnlyList<LineSpec> lines, double mainFlow = 600, double sideFlow = 400,
        double durationS = 3600, double warmupS = 300)
    {
        var s = Shipped.Value;
        var withTram = lines.Any(l => l.VehicleClass == "tram");
        return s with
        {
            Simulation = s.Simulation with { DurationS = durationS, WarmupS = warmupS },
            // A tram track beside the side road's traffic lane, under the side road's signal group.
            Links = withTram
                ? s.Links.Select(l => l.Id is "south-in" or "north-out" ? l with { Lanes = 2, LaneKinds = [LaneKind.General, LaneKind.Tram] } : l).ToList()
                : s.Links,
            Centres = [s.Centres[0] with { Priority = priority }],
            Demand = s.Demand.Select(d => d with { Periods = [new FlowPeriodSpec { FlowVehPerHour = d.Id == "main" ? mainFlow : sideFlow }] }).ToList(),
            Lines = lines,
        };
    }

    public static SimulationResult Run(ScenarioFile s, ulong seed) => ScenarioAssert.Run(s, seed);

    /// <summary>Mean delay at the main stop line of the given mode's vehicles, dwell at stops excluded.</summary>
    public static double MeanSignalDelayS(SimulationResult r, string approach, TravelMode mode)
    {
        var link = Array.IndexOf(r.Model.LinkIds, approach);
        var delays = r.Records.Crossings.Where(c => c.ApproachLink == link && r.Model.Classes[c.ClassIndex].Mode == mode).Select(c => c.DelayS - c.DwellS).ToList();
        Assert.NotEmpty(delays);
        return delays.Average();
    }
}
