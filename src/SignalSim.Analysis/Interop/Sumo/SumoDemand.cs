// Demand, lines and vehicle types for SUMO: each class as an IDM vType (a class drawing its
// desired speed from a range becomes a distribution of five evenly spaced speeds), each demand
// period as flows over the demand's route distribution (Poisson → period="exp(rate)", uniform →
// a fixed period), each bus or tram departure as a vehicle with its stops.
using System.Xml.Linq;
using SignalSim.Core;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using static SignalSim.Analysis.Interop.Sumo.SumoXml;

namespace SignalSim.Analysis.Interop.Sumo;

internal static class SumoDemand
{
    /// <summary>Desired-speed bins of a class with a speed range (uniform draw in SignalSim).</summary>
    public const int SpeedBins = 5;

    // Vehicles leave the entry as SignalSim inserts them: rear on the entry line, at the
    // desired speed when the lane ahead is free, on the lane with most room.
    private static readonly XAttribute[] DepartAttributes =
    [
        new("departLane", "best"), new("departPos", "base"), new("departSpeed", "max"),
    ];

    public static XElement Routes(ScenarioFile s, SimulationModel model, IReadOnlyDictionary<(string Line, string Stop), string> stopIds)
    {
        var root = Root("routes", "routes_file.xsd");
        var usedClasses = s.Demand.Select(d => d.VehicleClass).Concat(s.Lines.Select(l => l.VehicleClass)).ToHashSet(StringComparer.Ordinal);
        foreach (var c in model.Classes)
        {
            if (!usedClasses.Contains(c.Id)) continue;
            if (c.MinSpeedMps < c.MaxSpeedMps)
            {
                var distribution = new XElement("vTypeDistribution", new XAttribute("id", c.Id));
                for (var b = 0; b < SpeedBins; b++)
                {
                    var speed = c.MinSpeedMps + (b + 0.5) * (c.MaxSpeedMps - c.MinSpeedMps) / SpeedBins;
                    distribution.Add(VType($"{c.Id}.speed{b + 1}", c, speed, 1.0 / SpeedBins, ClearingAfterAmberS(s, c)));
                }
                root.Add(distribution);
            }
            else
            {
                root.Add(VType(c.Id, c, c.MaxSpeedMps, probability: null, ClearingAfterAmberS(s, c)));
            }
        }

        foreach (var d in s.Demand)
        {
            var distribution = new XElement("routeDistribution", new XAttribute("id", $"demand.{d.Id}"));
            var total = d.Routes.Sum(r => r.Share);
            foreach (var r in d.Routes)
                distribution.Add(new XElement("route", new XAttribute("id", $"demand.{d.Id}.{r.Id}"), new XAttribute("edges", string.Join(' ', r.Links)),
                    new XAttribute("probability", Precise(r.Share / total))));
            root.Add(distribution);
        }
        foreach (var l in s.Lines)
            root.Add(new XElement("route", new XAttribute("id", $"line.{l.Id}"), new XAttribute("edges", string.Join(' ', l.Links))));

        // SUMO reads departures in time order: flows by their begin, line vehicles by departure.
        var departures = new List<(long Ticks, int Order, XElement Element)>();
        var endS = SimTime.ToSeconds(model.EndTicks);
        foreach (var d in s.Demand)
        {
            var periods = d.Periods.OrderBy(p => p.StartS).ToList();
            for (var p = 0; p < periods.Count; p++)
            {
                var flow = periods[p].FlowVehPerHour;
                var begin = periods[p].StartS;
                var end = Math.Min(endS, p + 1 < periods.Count ? periods[p + 1].StartS : endS);
                if (flow <= 0 || begin >= end) continue;
                var period = d.Arrivals == ArrivalProcess.Poisson ? $"exp({Precise(flow / 3600.0)})" : Precise(3600.0 / flow);
                departures.Add((SimTime.FromSeconds(begin), departures.Count, new XElement("flow",
                    new XAttribute("id", $"demand.{d.Id}.p{p}"), new XAttribute("type", d.VehicleClass), new XAttribute("route", $"demand.{d.Id}"),
                    new XAttribute("begin", Num(begin)), new XAttribute("end", Num(end)), new XAttribute("period", period), DepartAttributes)));
            }
        }
        for (var i = 0; i < s.Lines.Count; i++)
        {
            var spec = s.Lines[i];
            var line = model.Lines.First(l => l.Id == spec.Id);
            for (var k = 0; k < line.ScheduledDepartureTicks.Length; k++)
            {
                var vehicle = new XElement("vehicle",
                    new XAttribute("id", $"line.{spec.Id}.{k + 1}"), new XAttribute("type", spec.VehicleClass), new XAttribute("route", $"line.{spec.Id}"),
                    new XAttribute("depart", Num(SimTime.ToSeconds(line.ScheduledDepartureTicks[k]))), new XAttribute("line", spec.Id), DepartAttributes);
                foreach (var stop in spec.Stops)
                    vehicle.Add(new XElement("stop", new XAttribute("busStop", stopIds[(spec.Id, stop.Id)]), new XAttribute("duration", Num(ExpectedDwellS(stop, line.MeanHeadwayS)))));
                departures.Add((line.ScheduledDepartureTicks[k], departures.Count, vehicle));
            }
        }
        foreach (var (_, _, element) in departures.OrderBy(x => x.Ticks).ThenBy(x => x.Order)) root.Add(element);
        return root;
    }

    /// <summary>The mean dwell: fixed part plus boarding for the passengers expected over one headway.</summary>
    public static double ExpectedDwellS(StopSpec stop, double meanHeadwayS) =>
        stop.DwellFixedS + stop.BoardingSPerPassenger * stop.PassengersPerHour * meanHeadwayS / 3600.0;

    /// <summary>
    /// How far into red a vehicle of the class may still be crossing in SignalSim: one committed at
    /// the start of amber (it could not stop at its comfortable deceleration b) is at most v²/2b
    /// from the line and needs up to v/2b seconds, of which the shortest amber covers part.
    /// </summary>
    private static double ClearingAfterAmberS(ScenarioFile s, VehicleClassParameters c)
    {
        var fastestLinkMps = s.Links.Max(l => l.SpeedLimitKmh) / 3.6;
        var v = Math.Min(c.MaxSpeedMps, fastestLinkMps);
        var shortestAmberS = s.Intersections.SelectMany(x => x.SignalGroups).Where(g => g.Kind != SignalGroupKind.Pedestrian).Select(g => g.AmberS).DefaultIfEmpty(3).Min();
        return Math.Max(0, v / (2 * c.ComfortableDecelerationMps2) - shortestAmberS);
    }

    private static XElement VType(string id, VehicleClassParameters c, double maxSpeedMps, double? probability, double clearingAfterAmberS)
    {
        var e = new XElement("vType",
            new XAttribute("id", id),
            new XAttribute("vClass", SumoNetwork.VehicleClass(c.Mode)),
            new XAttribute("carFollowModel", "IDM"),
            new XAttribute("accel", Num(c.AccelerationMps2)),
            new XAttribute("decel", Num(c.ComfortableDecelerationMps2)),
            new XAttribute("emergencyDecel", Num(Math.Max(9, c.ComfortableDecelerationMps2))),
            new XAttribute("tau", Num(c.TimeHeadwayS)),
            new XAttribute("minGap", Num(c.MinGapM)),
            new XAttribute("length", Num(c.LengthM)),
            new XAttribute("maxSpeed", Precise(Math.Round(maxSpeedMps, 4))),
            // Every vehicle of a class keeps the class's desired speed, as in SignalSim.
            new XAttribute("speedFactor", "1"),
            new XAttribute("speedDev", "0"),
            new XAttribute("delta", "4"),
            // SignalSim lets a vehicle that passed the amber point of no return clear the stop
            // line in the first moments of red; SUMO's equivalent is jmDriveAfterRedTime.
            new XAttribute("jmDriveAfterRedTime", Num(clearingAfterAmberS)));
        if (probability is { } p) e.Add(new XAttribute("probability", Precise(p)));
        return e;
    }
}
