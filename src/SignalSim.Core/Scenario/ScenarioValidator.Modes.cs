// Checks of what the other modes add: pedestrian crossings and their clearance, public-transport
// lines and stops, priority settings that must be servable safely, and green waves.
using SignalSim.Core.Signals;

namespace SignalSim.Core.Scenario;

public sealed partial class ScenarioValidator
{
    /// <summary>French rule: pedestrians clear the crossing at 1.0 m/s.</summary>
    public const double PedestrianClearanceSpeedMps = 1.0;

    private void CheckCrossings(IntersectionSpec x, string p, Dictionary<string, SignalGroupSpec> groups, Dictionary<(string, string), double> intergreen)
    {
        var ids = new Dictionary<string, CrossingSpec>(StringComparer.Ordinal);
        for (var i = 0; i < x.Crossings.Count; i++)
        {
            var c = x.Crossings[i];
            var cp = $"{p}.crossings[{i}]";
            Unique(ids, c.Id, c, $"{cp}.id", "crossing");
            Positive(c.LengthM, $"{cp}.length_m", "the crossing length");
            Positive(c.WalkingSpeedMps, $"{cp}.walking_speed_mps", "the walking speed");
            if (string.IsNullOrWhiteSpace(c.Group) || !groups.TryGetValue(c.Group, out var group))
            {
                var pedestrianGroups = groups.Values.Where(g => g.Kind == SignalGroupKind.Pedestrian).Select(g => g.Id).ToList();
                Error($"{cp}.group", pedestrianGroups.Count > 0
                    ? $"crossing '{c.Id}' has no valid signal group ('{c.Group}'); give it a pedestrian group of intersection '{x.Id}': {Known(pedestrianGroups)}"
                    : $"crossing '{c.Id}' has no valid signal group ('{c.Group}'), and intersection '{x.Id}' has no pedestrian group; add one with \"kind\": \"pedestrian\" and its intergreens");
                continue;
            }
            if (group.Kind != SignalGroupKind.Pedestrian)
            {
                Error($"{cp}.group", $"group '{c.Group}' controlling crossing '{c.Id}' is a {group.Kind.ToString().ToLowerInvariant()} group; set \"kind\": \"pedestrian\" on it or use a pedestrian group");
                continue;
            }
            if (!(c.LengthM > 0)) continue;
            var clearanceS = c.LengthM / PedestrianClearanceSpeedMps;
            foreach (var (name, plan) in x.Plans)
            {
                if (!(plan.CycleS > 0) || !plan.Greens.ContainsKey(c.Group)) continue;
                var windows = ScenarioRules.Windows(plan);
                var green = SimTime.ToSeconds(windows[c.Group].GreenTicks);
                foreach (var ((from, to), seconds) in intergreen)
                {
                    if (from != c.Group) continue;
                    if (green + seconds < clearanceS - 1e-9)
                        Error(JsonLocationIndex.Child($"{p}.plans", name), $"in plan '{name}', crossing '{c.Id}' ({c.LengthM} m) needs {clearanceS:0.#} s to clear at 1.0 m/s, but green of '{c.Group}' ({green:0.#} s) plus its intergreen to '{to}' ({seconds:0.#} s) is shorter; lengthen the pedestrian green or the intergreen");
                }
            }
            if (!intergreen.Keys.Any(k => k.Item1 == c.Group))
                Warning($"{cp}.group", $"pedestrian group '{c.Group}' has no conflicting group in the intergreen matrix; declare its conflicts so that its clearance is checked");
        }
    }

    private void CheckLines()
    {
        var ids = new Dictionary<string, LineSpec>(StringComparer.Ordinal);
        for (var i = 0; i < _s.Lines.Count; i++)
        {
            var line = _s.Lines[i];
            var p = $"$.lines[{i}]";
            Unique(ids, line.Id, line, $"{p}.id", "line");
            if (!_classes.TryGetValue(line.VehicleClass, out var cls))
            {
                Error($"{p}.vehicle_class", $"unknown vehicle class '{line.VehicleClass}'; known classes: {Known(_classes.Keys)}");
                continue;
            }
            if (cls.Mode is not (TravelMode.Bus or TravelMode.Tram))
                Error($"{p}.vehicle_class", $"line '{line.Id}' uses class '{cls.Id}' of mode {cls.Mode.ToString().ToLowerInvariant()}; lines are for buses and trams");
            if (line.TimetableS is null && line.HeadwayS is null)
                Error(p, $"line '{line.Id}' has no departures; give timetable_s (departure times) or headway_s (regular interval)");
            else if (line.TimetableS is not null && line.HeadwayS is not null)
                Error($"{p}.timetable_s", $"line '{line.Id}' gives both timetable_s and headway_s; remove one of them");
            if (line.HeadwayS is { } headway)
            {
                Positive(headway, $"{p}.headway_s", "the headway");
                if (line.DepartureJitterS < 0 || line.DepartureJitterS >= headway / 2)
                    Error($"{p}.departure_jitter_s", $"departure_jitter_s must be 0 or more and less than half the headway ({headway / 2} s) so departures keep their order");
            }
            if (line.FirstDepartureS < 0) Error($"{p}.first_departure_s", "first_departure_s must be 0 or more");
            if (line.TimetableS is { } timetable)
            {
                if (timetable.Count == 0) Error($"{p}.timetable_s", "the timetable is empty");
                for (var k = 0; k < timetable.Count; k++)
                {
                    if (timetable[k] < 0 || (k > 0 && timetable[k] <= timetable[k - 1]))
                        Error($"{p}.timetable_s[{k}]", "timetable times must be 0 or more and increasing");
                }
                if (line.DepartureJitterS < 0) Error($"{p}.departure_jitter_s", "departure_jitter_s must be 0 or more");
            }
            if (line.ScheduledRunTimeS is { } run) Positive(run, $"{p}.scheduled_run_time_s", "the scheduled running time");
            if (!CheckRoute(line.Id, line.Links, p, cls)) continue;
            CheckStops(line, p);
        }
    }

    private void CheckStops(LineSpec line, string p)
    {
        var lastRouteIndex = -1;
        var lastPosition = double.NegativeInfinity;
        var stopIds = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < line.Stops.Count; k++)
        {
            var stop = line.Stops[k];
            var sp = $"{p}.stops[{k}]";
            if (!stopIds.Add(stop.Id)) Error($"{sp}.id", $"stop id '{stop.Id}' is used twice on line '{line.Id}'");
            var routeIndex = IndexOf(line.Links, stop.Link, lastRouteIndex < 0 ? 0 : lastRouteIndex);
            if (routeIndex < 0)
            {
                Error($"{sp}.link", $"stop '{stop.Id}' is on link '{stop.Link}', which is not on line '{line.Id}' after the previous stop; list stops in travel order on the line's links");
                continue;
            }
            var link = _links[stop.Link];
            if (!(stop.PositionM > 0) || stop.PositionM > link.LengthM)
                Error($"{sp}.position_m", $"stop '{stop.Id}' at {stop.PositionM} m lies outside its link '{link.Id}' ({link.LengthM} m long); use 0 < position_m ≤ {link.LengthM}");
            if (routeIndex == lastRouteIndex && stop.PositionM <= lastPosition)
                Error($"{sp}.position_m", $"stop '{stop.Id}' comes before the previous stop on the same link; list stops in travel order");
            lastRouteIndex = routeIndex;
            lastPosition = stop.PositionM;
        }
        if (line.RegularityStop is { } regularity && !stopIds.Contains(regularity))
            Error($"{p}.regularity_stop", $"unknown stop '{regularity}' on line '{line.Id}'; known stops: {Known(stopIds)}");
    }

    private static int IndexOf(IReadOnlyList<string> list, string value, int from)
    {
        for (var i = from; i < list.Count; i++)
        {
            if (list[i] == value) return i;
        }
        return -1;
    }

    private void CheckPriority()
    {
        for (var i = 0; i < _s.Centres.Count; i++)
        {
            var c = _s.Centres[i];
            if (c.Priority is { } priority) CheckPrioritySettings(priority, $"$.centres[{i}].priority");
            if (c.Priority?.Bus?.InsertionPlan is not null)
                Error($"$.centres[{i}].priority.bus.insertion_plan", "an insertion plan belongs to one intersection; give insertion_plan in that intersection's priority.bus instead of the centre's");
        }
        for (var i = 0; i < _s.Intersections.Count; i++)
        {
            var x = _s.Intersections[i];
            if (x.Priority is { } priority) CheckPrioritySettings(priority, $"$.intersections[{i}].priority");
            if (!_centres.TryGetValue(x.Centre, out var centre)) continue;
            var tram = x.Priority?.Tram ?? centre.Priority?.Tram;
            var bus = x.Priority?.Bus ?? centre.Priority?.Bus;
            var tramPath = x.Priority?.Tram is not null ? $"$.intersections[{i}].priority.tram" : $"$.centres[{_s.Centres.ToList().IndexOf(centre)}].priority.tram";
            var busPath = x.Priority?.Bus is not null ? $"$.intersections[{i}].priority.bus" : $"$.centres[{_s.Centres.ToList().IndexOf(centre)}].priority.bus";
            if (x.Priority?.Bus?.InsertionPlan is { } insertion) CheckInsertionPlan(x, insertion, $"$.intersections[{i}].priority.bus.insertion_plan");
            if (tram is not null) CheckServable(x, TravelMode.Tram, tram.CheckInDistanceM, tram.CheckInTimeS, tramPath);
            if (bus is { Action: not BusPriorityAction.None }) CheckServable(x, TravelMode.Bus, bus.CheckInDistanceM, bus.CheckInTimeS, busPath);
        }
    }

    /// <summary>
    /// The insertion plan replaces the scheduled plan for whole cycles, switching at cycle time 0:
    /// it needs the same cycle and the same steady greens at cycle time 0 as every scheduled plan.
    /// </summary>
    private void CheckInsertionPlan(IntersectionSpec x, string insertion, string path)
    {
        if (!x.Plans.TryGetValue(insertion, out var plan))
        {
            Error(path, $"insertion plan '{insertion}' is not a plan of intersection '{x.Id}'; known plans: {Known(x.Plans.Keys)}");
            return;
        }
        foreach (var scheduled in _centres[x.Centre].Periods.Select(p => p.Plan).Distinct(StringComparer.Ordinal))
        {
            if (scheduled == insertion || !x.Plans.TryGetValue(scheduled, out var basePlan)) continue;
            if (basePlan.CycleS != plan.CycleS)
            {
                Error(path, $"insertion plan '{insertion}' has a {plan.CycleS} s cycle but plan '{scheduled}' runs at {basePlan.CycleS} s; an inserted cycle must keep the cycle length");
                continue;
            }
            if (GreensAtCycleStart(x, plan) != GreensAtCycleStart(x, basePlan))
                Error(path, $"insertion plan '{insertion}' and plan '{scheduled}' show different states at cycle time 0; they switch there, so every group must show the same steady state (and no amber) at cycle time 0 in both");
        }
    }

    /// <summary>The groups green at cycle time 0, or a marker when some group is amber there.</summary>
    private static string GreensAtCycleStart(IntersectionSpec x, PlanSpec plan)
    {
        var windows = ScenarioRules.Windows(plan);
        var cycle = SimTime.FromSeconds(plan.CycleS);
        var greens = new List<string>();
        foreach (var g in x.SignalGroups)
        {
            var w = windows.TryGetValue(g.Id, out var win) ? win : GreenWindow.Never(cycle);
            var state = w.StateAt(0, SimTime.FromSeconds(g.AmberS));
            if (state == SignalState.Amber) return "amber:" + g.Id;
            if (state == SignalState.Green) greens.Add(g.Id);
        }
        return string.Join(",", greens);
    }

    private void CheckPrioritySettings(PrioritySpec priority, string p)
    {
        if (priority.Bus is { } bus)
        {
            if (bus.MaxExtensionS < 0) Error($"{p}.bus.max_extension_s", "max_extension_s must be 0 or more");
            if (bus.MaxEarlyGreenS < 0) Error($"{p}.bus.max_early_green_s", "max_early_green_s must be 0 or more");
            Positive(bus.CheckInDistanceM, $"{p}.bus.check_in_distance_m", "the check-in distance");
            if (bus.CheckInTimeS is { } busTime) Positive(busTime, $"{p}.bus.check_in_time_s", "the check-in time");
            Positive(bus.RequestExpiryS, $"{p}.bus.request_expiry_s", "the request expiry");
            if (bus.RecoveryCycles < 1) Error($"{p}.bus.recovery_cycles", "recovery_cycles must be at least 1");
            if (bus.MinLatenessS is < 0) Error($"{p}.bus.min_lateness_s", "min_lateness_s must be 0 or more");
        }
        if (priority.Tram is { } tram)
        {
            if (tram.MaxExtensionS < 0) Error($"{p}.tram.max_extension_s", "max_extension_s must be 0 or more");
            if (tram.MaxEarlyGreenS < 0) Error($"{p}.tram.max_early_green_s", "max_early_green_s must be 0 or more");
            if (tram.RelativeMaxExtensionS < 0) Error($"{p}.tram.relative_max_extension_s", "relative_max_extension_s must be 0 or more (0: no extension under relative priority)");
            if (tram.RelativeMaxEarlyGreenS < 0) Error($"{p}.tram.relative_max_early_green_s", "relative_max_early_green_s must be 0 or more (0: no early green under relative priority)");
            Positive(tram.CheckInDistanceM, $"{p}.tram.check_in_distance_m", "the check-in distance");
            if (tram.CheckInTimeS is { } tramTime) Positive(tramTime, $"{p}.tram.check_in_time_s", "the check-in time");
            Positive(tram.RequestExpiryS, $"{p}.tram.request_expiry_s", "the request expiry");
            if (tram.RecoveryCycles < 1) Error($"{p}.tram.recovery_cycles", "recovery_cycles must be at least 1");
        }
    }

    /// <summary>
    /// A request can only be served if, from check-in, the vehicle needs longer to reach the stop
    /// line than the controller needs to end a conflicting green safely (amber plus intergreen).
    /// </summary>
    private void CheckServable(IntersectionSpec x, TravelMode mode, double checkInDistanceM, double? checkInTimeS, string path)
    {
        foreach (var line in _s.Lines)
        {
            if (!_classes.TryGetValue(line.VehicleClass, out var cls) || cls.Mode != mode) continue;
            for (var k = 0; k + 1 < line.Links.Count; k++)
            {
                if (!_links.TryGetValue(line.Links[k], out var approach) || approach.To != x.Id) continue;
                var movement = x.Movements.FirstOrDefault(m => m.From == approach.Id && m.To == line.Links[k + 1]);
                if (movement is null) continue;
                var speed = Math.Min(cls.MaxSpeedKmh, approach.SpeedLimitKmh) / 3.6;
                var distance = Math.Min(checkInTimeS is { } t ? t * speed : checkInDistanceM, approach.LengthM);
                var available = distance / speed;
                var needed = x.Intergreens.Where(ig => ig.To == movement.Group).Select(ig => ig.IntergreenS).DefaultIfEmpty(0).Max();
                if (available < needed)
                    Error(path, $"at intersection '{x.Id}', line '{line.Id}' checks in {distance:0} m ({available:0.0} s) before the stop line, less than the {needed:0.#} s intergreen the controller needs before group '{movement.Group}' can turn green; such a request can never be served safely: move the check-in upstream (check_in_distance_m or check_in_time_s) or lengthen the approach");
            }
        }
    }

    private void CheckGreenWaves()
    {
        for (var i = 0; i < _s.GreenWaves.Count; i++)
        {
            var w = _s.GreenWaves[i];
            var p = $"$.green_waves[{i}]";
            Positive(w.SpeedKmh, $"{p}.speed_kmh", "the wave speed");
            double? cycle = null;
            for (var k = 0; k < w.Links.Count; k++)
            {
                if (!_links.TryGetValue(w.Links[k], out var link)) { Error($"{p}.links[{k}]", $"unknown link '{w.Links[k]}'"); return; }
                if (k > 0 && _links[w.Links[k - 1]].To != link.From) { Error($"{p}.links[{k}]", $"link '{link.Id}' does not start where '{w.Links[k - 1]}' ends; a wave follows a continuous chain"); return; }
            }
            foreach (var (intersectionId, group) in w.Groups)
            {
                var gp = JsonLocationIndex.Child($"{p}.groups", intersectionId);
                if (!_intersections.TryGetValue(intersectionId, out var x)) { Error(gp, $"unknown intersection '{intersectionId}'"); continue; }
                if (!w.Links.Any(l => _links[l].To == intersectionId)) Error(gp, $"intersection '{intersectionId}' is not on the wave's links");
                if (!x.SignalGroups.Any(g => g.Id == group)) Error(gp, $"unknown signal group '{group}' at '{intersectionId}'");
                if (!x.Plans.TryGetValue(w.Plan, out var plan)) { Error(gp, $"intersection '{intersectionId}' has no plan '{w.Plan}'"); continue; }
                cycle ??= plan.CycleS;
                if (plan.CycleS != cycle) Error(gp, $"plan '{w.Plan}' of '{intersectionId}' has a {plan.CycleS} s cycle, not {cycle} s like the others; a green wave needs one common cycle");
            }
        }
    }
}
