// Compiles a validated scenario into a SimulationModel. Assumes ScenarioValidator passed:
// references resolve and values are in range.
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;

namespace SignalSim.Core.Model;

public static class SimulationModelBuilder
{
    public static SimulationModel Build(ScenarioFile s, ulong? seedOverride = null, double? durationOverrideS = null)
    {
        var classes = VehicleClassDefaults.Resolve(s.VehicleClasses);
        var classIndex = classes.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var classParams = classes.Select(c => new VehicleClassParameters(c)).ToArray();
        var minVehicleLengthM = classParams.Min(c => c.LengthM);

        var startOfDay = SimTime.FromSeconds(s.Simulation.StartTimeOfDayS);
        var centres = s.Centres.Select(c =>
        {
            var planNames = c.Periods.Select(p => p.Plan).Distinct(StringComparer.Ordinal).ToArray();
            return new CentreClock(c.Id, c.Name ?? c.Id, startOfDay, SimTime.FromSeconds(c.Clock.OffsetS), c.Clock.DriftSPerHour,
                c.Periods.Select(p => SimTime.FromSeconds(p.StartS)).ToArray(),
                c.Periods.Select(p => Array.IndexOf(planNames, p.Plan)).ToArray(),
                planNames);
        }).ToArray();
        var centreIndex = centres.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        // Signal groups and controllers.
        var groupIds = new List<string>();
        var groupIntersection = new List<int>();
        var groupIndex = new Dictionary<(string, string), int>();
        var controllers = new SignalController[s.Intersections.Count];
        for (var i = 0; i < s.Intersections.Count; i++)
        {
            var x = s.Intersections[i];
            var first = groupIds.Count;
            foreach (var g in x.SignalGroups)
            {
                groupIndex[(x.Id, g.Id)] = groupIds.Count;
                groupIds.Add($"{x.Id}/{g.Id}");
                groupIntersection.Add(i);
            }
            var centre = centres[centreIndex[x.Centre]];
            var plans = centre.PlanNames.Select(name => CompilePlan(name, x.Plans[name], x.SignalGroups)).ToArray();
            controllers[i] = new SignalController(x.Id, centre, first, x.SignalGroups.Select(g => g.Id).ToArray(),
                x.SignalGroups.Select(g => SimTime.FromSeconds(g.AmberS)).ToArray(), plans);
        }
        var intersectionIndex = s.Intersections.Select((x, i) => (x.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        // Links and lanes.
        var linkIndex = s.Links.Select((l, i) => (l.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var linkFirstLane = new int[s.Links.Count];
        var laneLink = new List<int>();
        var laneKinds = new List<LaneKind>();
        var laneCapacity = new List<int>();
        for (var l = 0; l < s.Links.Count; l++)
        {
            var link = s.Links[l];
            linkFirstLane[l] = laneLink.Count;
            for (var k = 0; k < link.Lanes; k++)
            {
                laneLink.Add(l);
                laneKinds.Add(ScenarioValidator.KindOf(link, k));
                laneCapacity.Add((int)(link.LengthM / minVehicleLengthM) + 2);
            }
        }
        var linkToIntersection = s.Links.Select(l => intersectionIndex.TryGetValue(l.To, out var x) ? x : -1).ToArray();

        // Routes and demand.
        var routeIds = new List<string>();
        var routeDemand = new List<int>();
        var routeFirstStep = new List<int>();
        var routeStepCount = new List<int>();
        var routeFreeFlow = new List<double>();
        var stepLink = new List<int>();
        var stepGroup = new List<int>();
        var stepMask = new List<ulong>();
        var demands = new DemandModel[s.Demand.Count];
        for (var d = 0; d < s.Demand.Count; d++)
        {
            var spec = s.Demand[d];
            var cls = classParams[classIndex[spec.VehicleClass]];
            var routes = new int[spec.Routes.Count];
            var cumulative = new double[spec.Routes.Count];
            var totalShare = spec.Routes.Sum(r => r.Share);
            var running = 0.0;
            for (var r = 0; r < spec.Routes.Count; r++)
            {
                var route = spec.Routes[r];
                routes[r] = routeIds.Count;
                running += route.Share / totalShare;
                cumulative[r] = r == spec.Routes.Count - 1 ? 1.0 : running;
                routeIds.Add($"{spec.Id}/{route.Id}");
                routeDemand.Add(d);
                routeFirstStep.Add(stepLink.Count);
                routeStepCount.Add(route.Links.Count);
                var freeFlow = -cls.LengthM / FreeSpeed(cls, s.Links[linkIndex[route.Links[0]]]); // inserted with its front one length in
                for (var k = 0; k < route.Links.Count; k++)
                {
                    var link = s.Links[linkIndex[route.Links[k]]];
                    freeFlow += link.LengthM / FreeSpeed(cls, link);
                    stepLink.Add(linkIndex[link.Id]);
                    IEnumerable<int> lanes = Enumerable.Range(0, link.Lanes);
                    if (k + 1 < route.Links.Count)
                    {
                        var movement = s.Intersections[intersectionIndex[link.To]].Movements.First(m => m.From == link.Id && m.To == route.Links[k + 1]);
                        stepGroup.Add(groupIndex[(link.To, movement.Group)]);
                        lanes = ScenarioValidator.MovementLanes(link, movement);
                    }
                    else
                    {
                        stepGroup.Add(-1);
                    }
                    var mask = 0UL;
                    foreach (var lane in lanes)
                    {
                        if (ScenarioValidator.LanePermits(link, lane, cls.Mode)) mask |= 1UL << lane;
                    }
                    stepMask.Add(mask);
                }
                routeFreeFlow.Add(freeFlow);
            }
            demands[d] = new DemandModel
            {
                Id = spec.Id,
                ClassIndex = classIndex[spec.VehicleClass],
                Process = spec.Arrivals,
                PeriodStartTicks = spec.Periods.Select(p => SimTime.FromSeconds(p.StartS)).ToArray(),
                PeriodFlowVehPerHour = spec.Periods.Select(p => p.FlowVehPerHour).ToArray(),
                Routes = routes,
                CumulativeShares = cumulative,
            };
        }

        var warmup = SimTime.FromSeconds(s.Simulation.WarmupS);
        return new SimulationModel
        {
            Scenario = s,
            Seed = seedOverride ?? s.Simulation.Seed,
            StepTicks = SimTime.FromSeconds(s.Simulation.StepS),
            WarmupTicks = warmup,
            EndTicks = warmup + SimTime.FromSeconds(durationOverrideS ?? s.Simulation.DurationS),
            QueueSampleTicks = SimTime.FromSeconds(s.Simulation.QueueSampleS),
            Classes = classParams,
            Centres = centres,
            IntersectionIds = s.Intersections.Select(x => x.Id).ToArray(),
            IntersectionCentre = s.Intersections.Select(x => centreIndex[x.Centre]).ToArray(),
            Controllers = controllers,
            GroupIds = groupIds.ToArray(),
            GroupIntersection = groupIntersection.ToArray(),
            LinkIds = s.Links.Select(l => l.Id).ToArray(),
            LinkLengthM = s.Links.Select(l => l.LengthM).ToArray(),
            LinkSpeedLimitMps = s.Links.Select(l => l.SpeedLimitKmh / 3.6).ToArray(),
            LinkFirstLane = linkFirstLane,
            LinkLaneCount = s.Links.Select(l => l.Lanes).ToArray(),
            LinkToIntersection = linkToIntersection,
            LaneLink = laneLink.ToArray(),
            LaneKinds = laneKinds.ToArray(),
            LaneCapacity = laneCapacity.ToArray(),
            RouteIds = routeIds.ToArray(),
            RouteDemand = routeDemand.ToArray(),
            RouteFirstStep = routeFirstStep.ToArray(),
            RouteStepCount = routeStepCount.ToArray(),
            RouteFreeFlowS = routeFreeFlow.ToArray(),
            StepLink = stepLink.ToArray(),
            StepGroup = stepGroup.ToArray(),
            StepLaneMask = stepMask.ToArray(),
            Demands = demands,
            ApproachLinks = Enumerable.Range(0, s.Links.Count).Where(l => linkToIntersection[l] >= 0).ToArray(),
        };
    }

    private static double FreeSpeed(VehicleClassParameters cls, LinkSpec link) => Math.Min(cls.MaxSpeedMps, link.SpeedLimitKmh / 3.6);

    private static FixedTimePlan CompilePlan(string name, PlanSpec plan, IReadOnlyList<SignalGroupSpec> groups)
    {
        var cycle = SimTime.FromSeconds(plan.CycleS);
        var windows = ScenarioValidator.Windows(plan);
        var perGroup = groups.Select(g => windows.TryGetValue(g.Id, out var w) ? w : GreenWindow.Never(cycle)).ToArray();
        return new FixedTimePlan(name, cycle, SimTime.Mod(SimTime.FromSeconds(plan.OffsetS), cycle), perGroup);
    }
}
