// Compiles a validated scenario into a SimulationModel. Assumes ScenarioValidator passed:
// references resolve and values are in range.
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;

namespace SignalSim.Core.Model;

public static class SimulationModelBuilder
{
    public static SimulationModel Build(ScenarioFile s, ulong? seedOverride = null, double? durationOverrideS = null, RecordingOptions? recording = null)
    {
        var model = new Builder(s).Build(seedOverride ?? s.Simulation.Seed, durationOverrideS ?? s.Simulation.DurationS);
        if (recording is not { RecordTrajectories: true }) return model;
        var links = recording.TrajectoryLinks;
        return model with
        {
            Recording = recording,
            TrajectoryLink = model.LinkIds.Select(id => links is null || links.Contains(id)).ToArray(),
        };
    }

    private sealed class Builder(ScenarioFile s)
    {
        private readonly List<VehicleClassSpec> _classes = VehicleClassDefaults.Resolve(s.VehicleClasses);
        private readonly Dictionary<string, int> _linkIndex = s.Links.Select((l, i) => (l.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        private readonly Dictionary<string, int> _intersectionIndex = s.Intersections.Select((x, i) => (x.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        private readonly Dictionary<(string, string), int> _groupIndex = [];

        // Routes, flattened into steps.
        private readonly List<string> _routeIds = [];
        private readonly List<int> _routeDemand = [];
        private readonly List<int> _routeLine = [];
        private readonly List<int> _routeFirstStep = [];
        private readonly List<int> _routeStepCount = [];
        private readonly List<int> _stepLink = [];
        private readonly List<int> _stepGroup = [];
        private readonly List<ulong> _stepMask = [];
        private readonly List<double> _stepStartDistance = [];
        private readonly List<ulong> _stepTargetMask = [];
        private readonly List<int> _stepExitLaneOffset = [];
        private readonly List<int> _stepExitLane = [];
        private readonly List<double> _stepTurnSpeed = [];
        private readonly List<int> _stepYieldFirst = [];
        private readonly List<int> _stepYieldCount = [];
        private readonly List<YieldModel> _yields = [];
        private readonly Dictionary<(int, int), int> _opposing = [];
        private int[] _linkFirstLane = [];
        private Dictionary<(string, string), int> _crossingIndex = [];

        public SimulationModel Build(ulong seed, double durationS)
        {
            var classIndex = _classes.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
            var classParams = _classes.Select(c => new VehicleClassParameters(c)).ToArray();
            var centres = BuildCentres();
            var centreIndex = centres.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
            var (controllers, groupIds, groupIntersection, groupKinds) = BuildControllers(centres, centreIndex);
            var (linkFirstLane, laneLink, laneCapacity) = BuildLanes(classParams.Min(c => c.LengthM));
            _linkFirstLane = linkFirstLane;
            _crossingIndex = s.Intersections.SelectMany(x => x.Crossings.Select(c => (x.Id, c.Id))).Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
            var linkToIntersection = s.Links.Select(l => _intersectionIndex.TryGetValue(l.To, out var x) ? x : -1).ToArray();

            var demands = new DemandModel[s.Demand.Count];
            for (var d = 0; d < s.Demand.Count; d++)
            {
                var spec = s.Demand[d];
                var cls = _classes[classIndex[spec.VehicleClass]];
                var routes = new int[spec.Routes.Count];
                var cumulative = new double[spec.Routes.Count];
                var totalShare = spec.Routes.Sum(r => r.Share);
                var running = 0.0;
                for (var r = 0; r < spec.Routes.Count; r++)
                {
                    running += spec.Routes[r].Share / totalShare;
                    cumulative[r] = r == spec.Routes.Count - 1 ? 1.0 : running;
                    routes[r] = AddRoute($"{spec.Id}/{spec.Routes[r].Id}", spec.Routes[r].Links, cls, demand: d, line: -1);
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
            var measuredEnd = warmup + SimTime.FromSeconds(durationS);
            // Demand and lines go on through the cool-down, so measured vehicles finish in traffic like theirs.
            var endTicks = measuredEnd + SimTime.FromSeconds(s.Simulation.CooldownS);
            var (lines, stops) = BuildLines(classIndex, classParams, endTicks);
            var crossings = s.Intersections.SelectMany((x, i) => x.Crossings.Select(c => new CrossingModel(
                c.Id, i, _groupIndex[(x.Id, c.Group)], c.LengthM, c.FlowForwardPedPerHour, c.FlowBackwardPedPerHour, c.WalkingSpeedMps))).ToArray();

            return new SimulationModel
            {
                Scenario = s,
                Seed = seed,
                StepTicks = SimTime.FromSeconds(s.Simulation.StepS),
                WarmupTicks = warmup,
                MeasuredEndTicks = measuredEnd,
                EndTicks = endTicks,
                QueueSampleTicks = SimTime.FromSeconds(s.Simulation.QueueSampleS),
                Classes = classParams,
                Centres = centres,
                Forwarding = s.Centres.Select(c => c.Forwarding is { Enabled: true } f
                    ? new ForwardingRules(true, SimTime.FromSeconds(f.LatencyS), f.LossProbability)
                    : new ForwardingRules(false, 0, 0)).ToArray(),
                IntersectionIds = s.Intersections.Select(x => x.Id).ToArray(),
                IntersectionCentre = s.Intersections.Select(x => centreIndex[x.Centre]).ToArray(),
                Controllers = controllers,
                GroupIds = groupIds,
                GroupIntersection = groupIntersection,
                GroupKinds = groupKinds,
                LinkIds = s.Links.Select(l => l.Id).ToArray(),
                LinkLengthM = s.Links.Select(l => l.LengthM).ToArray(),
                LinkSpeedLimitMps = s.Links.Select(l => l.SpeedLimitKmh / 3.6).ToArray(),
                LinkFirstLane = linkFirstLane,
                LinkLaneCount = s.Links.Select(l => l.Lanes).ToArray(),
                LinkToIntersection = linkToIntersection,
                LaneLink = laneLink,
                LaneCapacity = laneCapacity,
                RouteIds = _routeIds.ToArray(),
                RouteDemand = _routeDemand.ToArray(),
                RouteLine = _routeLine.ToArray(),
                RouteFirstStep = _routeFirstStep.ToArray(),
                RouteStepCount = _routeStepCount.ToArray(),
                StepLink = _stepLink.ToArray(),
                StepGroup = _stepGroup.ToArray(),
                StepLaneMask = _stepMask.ToArray(),
                StepStartDistanceM = _stepStartDistance.ToArray(),
                StepTargetMask = _stepTargetMask.ToArray(),
                LinkClassLaneMask = s.Links.SelectMany(link => _classes.Select(c => Enumerable.Range(0, link.Lanes)
                    .Where(k => ScenarioRules.LanePermits(link, k, c.Mode)).Aggregate(0UL, (m, k) => m | (1UL << k)))).ToArray(),
                StepExitLaneOffset = _stepExitLaneOffset.ToArray(),
                StepExitLane = _stepExitLane.ToArray(),
                StepTurnSpeedMps = _stepTurnSpeed.ToArray(),
                StepYieldFirst = _stepYieldFirst.ToArray(),
                StepYieldCount = _stepYieldCount.ToArray(),
                Yields = _yields.ToArray(),
                OpposingFromLink = _opposing.OrderBy(p => p.Value).Select(p => p.Key.Item1).ToArray(),
                OpposingToLink = _opposing.OrderBy(p => p.Value).Select(p => p.Key.Item2).ToArray(),
                Demands = demands,
                Lines = lines,
                Stops = stops,
                Crossings = crossings,
                ApproachLinks = Enumerable.Range(0, s.Links.Count).Where(l => linkToIntersection[l] >= 0).ToArray(),
            };
        }

        private CentreClock[] BuildCentres()
        {
            var startOfDay = SimTime.FromSeconds(s.Simulation.StartTimeOfDayS);
            return s.Centres.Select(c =>
            {
                var planNames = c.Periods.Select(p => p.Plan).Distinct(StringComparer.Ordinal).ToArray();
                return new CentreClock(c.Id, c.Name?.Default ?? c.Id, startOfDay, SimTime.FromSeconds(c.Clock.OffsetS), c.Clock.DriftSPerHour,
                    c.Periods.Select(p => SimTime.FromSeconds(p.StartS)).ToArray(),
                    c.Periods.Select(p => Array.IndexOf(planNames, p.Plan)).ToArray(),
                    planNames);
            }).ToArray();
        }

        private (ControllerDefinition[], string[], int[], SignalGroupKind[]) BuildControllers(CentreClock[] centres, Dictionary<string, int> centreIndex)
        {
            var groupIds = new List<string>();
            var groupIntersection = new List<int>();
            var groupKinds = new List<SignalGroupKind>();
            var waveOffsets = GreenWaveOffsets();
            var controllers = new ControllerDefinition[s.Intersections.Count];
            var detectorsBefore = 0; // detectors and crossings are numbered simulation-wide in scenario order
            var crossingsBefore = 0;
            for (var i = 0; i < s.Intersections.Count; i++)
            {
                var x = s.Intersections[i];
                var first = groupIds.Count;
                foreach (var g in x.SignalGroups)
                {
                    _groupIndex[(x.Id, g.Id)] = groupIds.Count;
                    groupIds.Add($"{x.Id}/{g.Id}");
                    groupIntersection.Add(i);
                    groupKinds.Add(g.Kind);
                }
                var local = x.SignalGroups.Select((g, k) => (g.Id, k)).ToDictionary(p => p.Id, p => p.k, StringComparer.Ordinal);
                var centreSpec = s.Centres.First(c => c.Id == x.Centre);
                var centre = centres[centreIndex[x.Centre]];
                var crossingIndex = x.Crossings.Select((_, k) => crossingsBefore + k).ToArray();
                var plans = centre.PlanNames.Select(name => CompilePlan(name, x.Plans[name], x.SignalGroups,
                    waveOffsets.TryGetValue((x.Id, name), out var offset) ? offset : null,
                    ControlTypes.Compile(x.Plans[name], x, detectorsBefore, crossingIndex))).ToArray();
                detectorsBefore += x.Detectors.Count;
                crossingsBefore += x.Crossings.Count;
                var conflicts = x.Intergreens.Select(ig => new Conflict(local[ig.From], local[ig.To], SimTime.FromSeconds(ig.IntergreenS))).ToArray();
                controllers[i] = new ControllerDefinition(
                    i, x.Id, centre, first,
                    x.SignalGroups.Select(g => g.Id).ToArray(),
                    x.SignalGroups.Select(g => SimTime.FromSeconds(g.AmberS)).ToArray(),
                    x.SignalGroups.Select(g => SimTime.FromSeconds(EffectiveMinGreenS(x, g))).ToArray(),
                    conflicts,
                    plans,
                    PriorityRules.ForBus(x.Priority?.Bus ?? centreSpec.Priority?.Bus),
                    PriorityRules.ForTram(x.Priority?.Tram ?? centreSpec.Priority?.Tram),
                    x.Priority?.Bus?.InsertionPlan is { } insertion ? CompilePlan(insertion, x.Plans[insertion], x.SignalGroups, null) : null,
                    TransitionRules.For(centreSpec.Transition),
                    x.Preemption is { } preemption ? CompilePreemption(x, preemption, local) : null);
            }
            return (controllers, groupIds.ToArray(), groupIntersection.ToArray(), groupKinds.ToArray());
        }

        private static PreemptionRules CompilePreemption(IntersectionSpec x, PreemptionSpec p, Dictionary<string, int> local)
        {
            var clearance = new bool[x.SignalGroups.Count];
            foreach (var id in p.Clearance!.Groups) clearance[local[id]] = true;
            return new PreemptionRules(local[p.Group], clearance, SimTime.FromSeconds(p.Clearance.GreenS), SimTime.FromSeconds(p.MaxDwellS), p.Recovery, p.RecoveryCycles);
        }

        /// <summary>A pedestrian green must also leave clearance at 1.0 m/s within green plus intergreen.</summary>
        private static double EffectiveMinGreenS(IntersectionSpec x, SignalGroupSpec g)
        {
            var min = g.MinGreenS;
            foreach (var c in x.Crossings.Where(c => c.Group == g.Id))
            {
                var clearance = c.LengthM / ScenarioValidator.PedestrianClearanceSpeedMps;
                foreach (var ig in x.Intergreens.Where(ig => ig.From == g.Id)) min = Math.Max(min, clearance - ig.IntergreenS);
            }
            return min;
        }

        /// <summary>Plan offsets that green waves set, by (intersection, plan), in seconds of centre time.</summary>
        private Dictionary<(string, string), double> GreenWaveOffsets()
        {
            var result = new Dictionary<(string, string), double>();
            foreach (var wave in s.GreenWaves)
            {
                var distance = 0.0;
                foreach (var linkId in wave.Links)
                {
                    var link = s.Links[_linkIndex[linkId]];
                    distance += link.LengthM;
                    if (!wave.Groups.TryGetValue(link.To, out var group)) continue;
                    var x = s.Intersections[_intersectionIndex[link.To]];
                    var centre = s.Centres.First(c => c.Id == x.Centre);
                    var plan = x.Plans[wave.Plan];
                    // Green of the group starts when the wave passes: sim time t = start + distance / speed,
                    // i.e. centre time t + start of day + clock offset, which must be at cycle time start_s.
                    var passS = wave.StartOffsetS + distance / (wave.SpeedKmh / 3.6);
                    var offset = s.Simulation.StartTimeOfDayS + centre.Clock.OffsetS + passS - plan.Greens[group].StartS;
                    result[(x.Id, wave.Plan)] = Math.Round(offset * 1000) / 1000;
                }
            }
            return result;
        }

        private (int[], int[], int[]) BuildLanes(double minVehicleLengthM)
        {
            var linkFirstLane = new int[s.Links.Count];
            var laneLink = new List<int>();
            var laneCapacity = new List<int>();
            for (var l = 0; l < s.Links.Count; l++)
            {
                var link = s.Links[l];
                linkFirstLane[l] = laneLink.Count;
                for (var k = 0; k < link.Lanes; k++)
                {
                    laneLink.Add(l);
                    laneCapacity.Add((int)(link.LengthM / minVehicleLengthM) + 2);
                }
            }
            return (linkFirstLane, laneLink.ToArray(), laneCapacity.ToArray());
        }

        private int AddRoute(string id, IReadOnlyList<string> links, VehicleClassSpec cls, int demand, int line)
        {
            var route = _routeIds.Count;
            _routeIds.Add(id);
            _routeDemand.Add(demand);
            _routeLine.Add(line);
            _routeFirstStep.Add(_stepLink.Count);
            _routeStepCount.Add(links.Count);
            var distance = 0.0;
            var masks = new ulong[links.Count];
            var movements = new MovementSpec?[links.Count];
            for (var k = 0; k < links.Count; k++)
            {
                var link = s.Links[_linkIndex[links[k]]];
                _stepLink.Add(_linkIndex[link.Id]);
                _stepStartDistance.Add(distance);
                distance += link.LengthM;
                IEnumerable<int> lanes = Enumerable.Range(0, link.Lanes);
                if (k + 1 < links.Count)
                {
                    var movement = s.Intersections[_intersectionIndex[link.To]].Movements.First(m => m.From == link.Id && m.To == links[k + 1]);
                    movements[k] = movement;
                    _stepGroup.Add(_groupIndex[(link.To, movement.Group)]);
                    lanes = ScenarioRules.MovementLanes(link, movement);
                }
                else
                {
                    _stepGroup.Add(-1);
                }
                var mask = 0UL;
                foreach (var lane in lanes)
                {
                    if (ScenarioRules.LanePermits(link, lane, cls.Mode)) mask |= 1UL << lane;
                }
                masks[k] = mask;
                _stepMask.Add(mask);
                _stepTargetMask.Add(ScenarioRules.OwnLanes(link, mask, cls.Mode));
            }
            for (var k = 0; k < links.Count; k++)
            {
                _stepExitLaneOffset.Add(_stepExitLane.Count);
                _stepYieldFirst.Add(_yields.Count);
                var movement = movements[k];
                if (movement is null)
                {
                    _stepTurnSpeed.Add(double.PositiveInfinity);
                    _stepYieldCount.Add(0);
                    continue;
                }
                var from = s.Links[_linkIndex[links[k]]];
                var to = s.Links[_linkIndex[links[k + 1]]];
                var exitLanes = ScenarioRules.ExitLanes(from, to, movement, cls.Mode);
                for (var lane = 0; lane < from.Lanes; lane++)
                {
                    var exit = exitLanes[lane];
                    _stepExitLane.Add(exit < 0 ? -1 : _linkFirstLane[_linkIndex[to.Id]] + exit);
                }
                _stepTurnSpeed.Add(ScenarioRules.TurnSpeedKmh(movement) is { } turn ? turn / 3.6 : double.PositiveInfinity);
                var x = s.Intersections[_intersectionIndex[from.To]];
                foreach (var y in movement.Yields)
                {
                    if (y.Crossing is { } crossing)
                    {
                        var c = x.Crossings.First(c => c.Id == crossing);
                        _yields.Add(new YieldModel(_crossingIndex[(x.Id, crossing)], -1, y.ZoneStartM ?? 0, y.ZoneEndM ?? c.LengthM));
                    }
                    else
                    {
                        var key = (_linkIndex[y.From!], _linkIndex[y.To!]);
                        if (!_opposing.TryGetValue(key, out var o)) _opposing[key] = o = _opposing.Count;
                        _yields.Add(new YieldModel(-1, o, 0, 0));
                    }
                }
                _stepYieldCount.Add(movement.Yields.Count);
            }
            return route;
        }

        private (LineModel[], StopTable) BuildLines(Dictionary<string, int> classIndex, VehicleClassParameters[] classParams, long endTicks)
        {
            var lines = new LineModel[s.Lines.Count];
            var ids = new List<string>();
            var stopLine = new List<int>();
            var stopStep = new List<int>();
            var position = new List<double>();
            var dwell = new List<double>();
            var boarding = new List<double>();
            var passengers = new List<double>();
            for (var l = 0; l < s.Lines.Count; l++)
            {
                var spec = s.Lines[l];
                var cls = _classes[classIndex[spec.VehicleClass]];
                var p = classParams[classIndex[spec.VehicleClass]];
                var route = AddRoute(spec.Id, spec.Links, cls, demand: -1, line: l);
                var firstStep = _routeFirstStep[route];
                var firstStop = ids.Count;
                var searchFrom = 0;
                foreach (var stop in spec.Stops)
                {
                    var k = searchFrom;
                    while (spec.Links[k] != stop.Link) k++;
                    searchFrom = k;
                    ids.Add(stop.Id);
                    stopLine.Add(l);
                    stopStep.Add(firstStep + k);
                    position.Add(stop.PositionM);
                    dwell.Add(stop.DwellFixedS);
                    boarding.Add(stop.BoardingSPerPassenger);
                    passengers.Add(stop.PassengersPerHour);
                }
                var departures = spec.TimetableS is { } timetable
                    ? timetable.Select(SimTime.FromSeconds).Where(t => t < endTicks).ToArray()
                    : Headways(spec, endTicks);
                var meanHeadwayS = spec.HeadwayS ?? (spec.TimetableS!.Count > 1 ? (spec.TimetableS[^1] - spec.TimetableS[0]) / (spec.TimetableS.Count - 1) : 600);
                var length = spec.Links.Sum(id => s.Links[_linkIndex[id]].LengthM);
                var freeFlow = spec.Links.Sum(id => s.Links[_linkIndex[id]] is var link ? link.LengthM / Math.Min(p.MaxSpeedMps, link.SpeedLimitKmh / 3.6) : 0);
                var expectedDwell = spec.Stops.Sum(st => st.DwellFixedS + st.BoardingSPerPassenger * st.PassengersPerHour * meanHeadwayS / 3600);
                lines[l] = new LineModel
                {
                    Id = spec.Id,
                    ClassIndex = classIndex[spec.VehicleClass],
                    Route = route,
                    ScheduledDepartureTicks = departures,
                    DepartureJitterTicks = SimTime.FromSeconds(spec.DepartureJitterS),
                    ScheduledRunTimeS = spec.ScheduledRunTimeS ?? 1.2 * (freeFlow + expectedDwell),
                    RouteLengthM = length,
                    FirstStop = firstStop,
                    StopCount = spec.Stops.Count,
                    RegularityStop = spec.Stops.Count == 0 ? -1
                        : firstStop + (spec.RegularityStop is { } r ? spec.Stops.ToList().FindIndex(st => st.Id == r) : spec.Stops.Count - 1),
                    MeanHeadwayS = meanHeadwayS,
                };
            }
            var stops = new StopTable
            {
                Ids = ids.ToArray(),
                Line = stopLine.ToArray(),
                Step = stopStep.ToArray(),
                PositionM = position.ToArray(),
                DwellFixedS = dwell.ToArray(),
                BoardingSPerPassenger = boarding.ToArray(),
                PassengersPerHour = passengers.ToArray(),
            };
            return (lines, stops);
        }

        private static long[] Headways(LineSpec spec, long endTicks)
        {
            var result = new List<long>();
            var headway = SimTime.FromSeconds(spec.HeadwayS!.Value);
            for (var t = SimTime.FromSeconds(spec.FirstDepartureS); t < endTicks; t += headway) result.Add(t);
            return result.ToArray();
        }

        private static FixedTimePlan CompilePlan(string name, PlanSpec plan, IReadOnlyList<SignalGroupSpec> groups, double? offsetOverrideS, ActuatedProgram? actuated = null)
        {
            var cycle = SimTime.FromSeconds(plan.CycleS);
            var windows = ScenarioRules.Windows(plan);
            var perGroup = groups.Select(g => windows.TryGetValue(g.Id, out var w) ? w : GreenWindow.Never(cycle)).ToArray();
            var amber = groups.Select(g => SimTime.FromSeconds(g.AmberS)).ToArray();
            return new FixedTimePlan(name, cycle, SimTime.Mod(SimTime.FromSeconds(offsetOverrideS ?? plan.OffsetS), cycle), perGroup, amber) { Actuated = actuated };
        }
    }
}
