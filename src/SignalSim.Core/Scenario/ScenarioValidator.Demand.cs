// Checks of the demand: classes, flow periods, routes that follow movements, and a warning
// when the demand on an approach is above what its greens can serve.
namespace SignalSim.Core.Scenario;

public sealed partial class ScenarioValidator
{
    private void CheckDemand()
    {
        var ids = new Dictionary<string, DemandSpec>(StringComparer.Ordinal);
        for (var i = 0; i < _s.Demand.Count; i++)
        {
            var d = _s.Demand[i];
            var p = $"$.demand[{i}]";
            Unique(ids, d.Id, d, $"{p}.id", "demand");
            if (!_classes.TryGetValue(d.VehicleClass, out var vehicleClass))
                Error($"{p}.vehicle_class", $"unknown vehicle class '{d.VehicleClass}'; known classes: {Known(_classes.Keys)}");
            if (d.Periods.Count == 0) Error($"{p}.periods", "no flow period; add one such as {\"start_s\": 0, \"flow_veh_per_h\": 600}");
            for (var k = 0; k < d.Periods.Count; k++)
            {
                var fp = $"{p}.periods[{k}]";
                var period = d.Periods[k];
                if (period.StartS < 0) Error($"{fp}.start_s", "start_s must be 0 or more");
                if (k > 0 && period.StartS <= d.Periods[k - 1].StartS) Error($"{fp}.start_s", "periods must be listed in increasing order of start_s");
            }
            if (d.Routes.Count == 0) Error($"{p}.routes", "no route; add at least one route with its links");
            var routeIds = new HashSet<string>(StringComparer.Ordinal);
            string? entry = null;
            for (var r = 0; r < d.Routes.Count; r++)
            {
                var route = d.Routes[r];
                var rp = $"{p}.routes[{r}]";
                if (!routeIds.Add(route.Id)) Error($"{rp}.id", $"route id '{route.Id}' is used twice in demand '{d.Id}'");
                if (!(route.Share > 0)) Error($"{rp}.share", $"share {route.Share} must be positive; remove the route instead of giving it 0");
                if (route.Links.Count == 0) { Error($"{rp}.links", "the route has no link"); continue; }
                entry ??= route.Links[0];
                if (route.Links[0] != entry) Error($"{rp}.links[0]", $"all routes of demand '{d.Id}' must start on the same entry link ('{entry}'); split it into several demand entries");
                CheckRoute(route.Id, route.Links, rp, vehicleClass);
            }
        }
    }

    /// <summary>
    /// Most vehicles, pedestrians and passengers a run may generate (warm-up included). Every trip
    /// is kept in memory until the run's files are written, so this bounds a run's memory by what
    /// a real corridor needs (at their peak flows the shipped Porte scenarios generate under two
    /// million in a week) instead of letting absurd demand exhaust the machine.
    /// </summary>
    public const double MaxGeneratedTravellers = 5_000_000;

    /// <summary>Expected arrivals of every demand, crossing and line over the whole run, against <see cref="MaxGeneratedTravellers"/>.</summary>
    private void CheckGeneratedVolume()
    {
        var endS = _s.Simulation.WarmupS + _s.Simulation.DurationS;
        var total = 0.0;
        foreach (var d in _s.Demand)
        {
            for (var k = 0; k < d.Periods.Count; k++)
            {
                var from = Math.Min(d.Periods[k].StartS, endS);
                var to = k + 1 < d.Periods.Count ? Math.Min(d.Periods[k + 1].StartS, endS) : endS;
                total += d.Periods[k].FlowVehPerHour * Math.Max(0, to - from) / 3600;
            }
        }
        foreach (var x in _s.Intersections)
        {
            foreach (var c in x.Crossings) total += (c.FlowForwardPedPerHour + c.FlowBackwardPedPerHour) * endS / 3600;
        }
        foreach (var line in _s.Lines)
        {
            total += line.TimetableS?.Count ?? 0;
            if (line.HeadwayS is > 0 and var headway) total += endS / headway;
            foreach (var stop in line.Stops) total += stop.PassengersPerHour * endS / 3600;
        }
        if (total > MaxGeneratedTravellers)
            Error("$.demand", $"the demand would generate about {PhysicalRangeAttribute.Number(Math.Round(total))} vehicles, pedestrians and passengers over the {PhysicalRangeAttribute.Number(endS)} s of warm-up and duration, more than the {PhysicalRangeAttribute.Number(MaxGeneratedTravellers)} a run can hold; shorten duration_s or warmup_s, or lower the flows");
    }

    /// <summary>A chain of links from a boundary to a boundary, joined by movements whose lanes admit the class.</summary>
    private bool CheckRoute(string routeId, IReadOnlyList<string> links, string rp, VehicleClassSpec? vehicleClass)
    {
        var errorsBefore = _diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        CheckRouteLinks(routeId, links, rp, vehicleClass);
        return _diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) == errorsBefore;
    }

    private void CheckRouteLinks(string routeId, IReadOnlyList<string> links, string rp, VehicleClassSpec? vehicleClass)
    {
        if (links.Count == 0)
        {
            Error($"{rp}.links", $"'{routeId}' has no link");
            return;
        }
        for (var k = 0; k < links.Count; k++)
        {
            if (!_links.ContainsKey(links[k]))
            {
                Error($"{rp}.links[{k}]", $"unknown link '{links[k]}'; known links: {Known(_links.Keys)}");
                return;
            }
        }
        var first = _links[links[0]];
        var last = _links[links[^1]];
        if (!_boundaries.Contains(first.From)) Error($"{rp}.links[0]", $"'{routeId}' must start on a link leaving a boundary; '{first.Id}' leaves '{first.From}'");
        if (!_boundaries.Contains(last.To)) Error($"{rp}.links[{links.Count - 1}]", $"'{routeId}' must end on a link reaching a boundary; '{last.Id}' reaches '{last.To}'");
        for (var k = 0; k + 1 < links.Count; k++)
        {
            var a = _links[links[k]];
            var b = _links[links[k + 1]];
            if (a.To != b.From)
            {
                Error($"{rp}.links[{k + 1}]", $"link '{b.Id}' does not start where '{a.Id}' ends ('{a.To}'); routes must be continuous");
                return;
            }
            var x = _intersections[a.To];
            var movement = x.Movements.FirstOrDefault(m => m.From == a.Id && m.To == b.Id);
            if (movement is null)
            {
                Error($"{rp}.links[{k + 1}]", $"intersection '{x.Id}' has no movement {a.Id}→{b.Id}; add it to its movements or change the route");
                return;
            }
            if (vehicleClass is not null && !ScenarioRules.MovementLanes(a, movement).Any(lane => ScenarioRules.LanePermits(a, lane, vehicleClass.Mode)))
                Error($"{rp}.links[{k}]", $"no lane of '{a.Id}' allowed for movement {a.Id}→{b.Id} admits {vehicleClass.Mode.ToString().ToLowerInvariant()} traffic");
        }
    }

    /// <summary>The plans a centre runs at some point of the simulated period (warm-up and cool-down included), by its clock without drift.</summary>
    private HashSet<string> PlansInForce(CentreSpec centre)
    {
        var start = _s.Simulation.StartTimeOfDayS + centre.Clock.OffsetS;
        var end = start + _s.Simulation.WarmupS + _s.Simulation.DurationS + _s.Simulation.CooldownS;
        var result = new HashSet<string>(StringComparer.Ordinal) { PlanAt(centre, start) };
        for (var day = Math.Floor(start / 86400) * 86400; day < end; day += 86400)
        {
            foreach (var period in centre.Periods)
            {
                var t = day + period.StartS;
                if (t > start && t < end) result.Add(period.Plan);
            }
        }
        return result;
    }

    private static string PlanAt(CentreSpec centre, double localS)
    {
        var timeOfDay = ((localS % 86400) + 86400) % 86400;
        var plan = centre.Periods[^1].Plan;
        foreach (var period in centre.Periods)
        {
            if (period.StartS <= timeOfDay) plan = period.Plan;
        }
        return plan;
    }

    /// <summary>
    /// Degree of saturation of each movement with a standard 1,800 veh/h/lane and an effective
    /// green of green + amber − 4 s of lost time: the peak flow routed through the movement (its
    /// share of the lanes it shares with other movements) against its lanes × s × g/C.
    /// </summary>
    private void WarnAboutCapacity()
    {
        var flowByMovement = new Dictionary<(string, string), double>();
        foreach (var d in _s.Demand)
        {
            var peak = d.Periods.Max(period => period.FlowVehPerHour);
            var totalShare = d.Routes.Sum(r => r.Share);
            foreach (var route in d.Routes)
            {
                for (var k = 0; k + 1 < route.Links.Count; k++)
                {
                    var key = (route.Links[k], route.Links[k + 1]);
                    flowByMovement[key] = flowByMovement.GetValueOrDefault(key) + peak * route.Share / totalShare;
                }
            }
        }
        for (var i = 0; i < _s.Intersections.Count; i++)
        {
            var x = _s.Intersections[i];
            var inForce = PlansInForce(_centres[x.Centre]);
            var amber = x.SignalGroups.ToDictionary(g => g.Id, g => g.AmberS, StringComparer.Ordinal);
            for (var k = 0; k < x.Movements.Count; k++)
            {
                var m = x.Movements[k];
                var flow = flowByMovement.GetValueOrDefault((m.From, m.To));
                if (flow <= 0) continue;
                var approach = _links[m.From];
                // Lanes shared with other loaded movements count in proportion to this movement's flow.
                var laneShare = 0.0;
                var lanes = ScenarioRules.MovementLanes(approach, m).ToList();
                foreach (var lane in lanes)
                {
                    var laneFlow = x.Movements.Where(o => o.From == m.From && ScenarioRules.MovementLanes(approach, o).Contains(lane))
                        .Sum(o => flowByMovement.GetValueOrDefault((o.From, o.To)) / ScenarioRules.MovementLanes(approach, o).Count());
                    laneShare += laneFlow > 0 ? flow / lanes.Count / laneFlow : 1;
                }
                foreach (var (planName, plan) in x.Plans)
                {
                    if (!inForce.Contains(planName)) continue; // demand is only compared with the plans that run
                    var windows = ScenarioRules.Windows(plan);
                    var greenS = windows.TryGetValue(m.Group, out var w) ? SimTime.ToSeconds(w.GreenTicks) : 0;
                    var effectiveGreenS = Math.Max(0, greenS + amber[m.Group] - 4);
                    var capacity = laneShare * SaturationFlowPerLaneVehPerHour * effectiveGreenS / plan.CycleS;
                    if (flow > capacity)
                    {
                        var ratio = capacity > 0 ? $"{flow / capacity:0.00}" : "∞";
                        Warning(JsonLocationIndex.Child($"$.intersections[{i}].plans", planName), $"demand for movement {m.From}→{m.To} at '{x.Id}' is {flow:0} veh/h against a capacity of about {capacity:0} veh/h in plan '{planName}' (degree of saturation {ratio}); its queue will grow without bound: give it more green or lanes, or check the flows");
                    }
                }
            }
        }
    }
}
