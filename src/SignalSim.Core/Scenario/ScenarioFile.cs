// The scenario file format: plain records that System.Text.Json reads and the schema exporter
// describes. Field names carry their units. Validation lives in ScenarioValidator, not here.
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace SignalSim.Core.Scenario;

[Description("A SignalSim scenario: a corridor of signalised intersections run by one or more regulation centres.")]
public sealed record ScenarioFile
{
    [JsonPropertyName("$schema"), Description("Optional path or URL of the JSON Schema, for editors.")]
    public string? Schema { get; init; }

    [Description("Short name of the scenario, used in outputs.")]
    public required LocalizedText Name { get; init; }

    [Description("What the scenario represents.")]
    public LocalizedText? Description { get; init; }

    [Description("Where the numbers come from (public sources).")]
    public IReadOnlyList<LocalizedText> Sources { get; init; } = [];

    [Description("Numbers that are assumptions rather than measurements.")]
    public IReadOnlyList<LocalizedText> Assumptions { get; init; } = [];

    [Description("Run settings: duration, step, warm-up, cool-down, seed.")]
    public SimulationSettings Simulation { get; init; } = new();

    [Description("Regulation centres (e.g. paris, val-de-marne), each with its clock and plan schedule.")]
    public required IReadOnlyList<CentreSpec> Centres { get; init; }

    [Description("Vehicle classes; default classes 'car', 'bus', 'tram' and 'cycle' exist unless redefined here.")]
    public IReadOnlyList<VehicleClassSpec> VehicleClasses { get; init; } = [];

    [Description("Signalised intersections, each run by one centre.")]
    public required IReadOnlyList<IntersectionSpec> Intersections { get; init; }

    [Description("Boundary nodes where traffic enters or leaves the corridor.")]
    public required IReadOnlyList<BoundarySpec> Boundaries { get; init; }

    [Description("Directed links between nodes.")]
    public required IReadOnlyList<LinkSpec> Links { get; init; }

    [Description("Traffic demand: flows per entry and period, split over routes.")]
    public required IReadOnlyList<DemandSpec> Demand { get; init; }

    [Description("Public-transport lines (buses and trams) with their stops and timetable or headway.")]
    public IReadOnlyList<LineSpec> Lines { get; init; } = [];

    [Description("Green waves: offsets of a plan set so that the named groups turn green at a chosen speed along a chain of links (e.g. a cycle wave at 20 km/h).")]
    public IReadOnlyList<GreenWaveSpec> GreenWaves { get; init; } = [];

    [Description("Harmonised strategies to compare: named overlays on this scenario; exactly one is the baseline.")]
    public IReadOnlyList<StrategySpec> Strategies { get; init; } = [];

    [Description("Permanent count stations and the links they count, for `signalsim calibrate` (Paris open data: arc id iu_ac).")]
    public IReadOnlyList<CountSiteSpec> CountSites { get; init; } = [];
}

[Description("A count station: the arc id of the counts file and the scenario link it counts (motor vehicles: cars and buses).")]
public sealed record CountSiteSpec
{
    [Description("Arc id in the counts file (iu_ac in Paris's permanent-count open data).")]
    [JsonPropertyName("iu_ac")]
    public required string IuAc { get; init; }

    [Description("Link the station counts.")]
    public required string Link { get; init; }

    [Description("Station label, for reports.")]
    public string? Label { get; init; }
}

[Description("Run settings.")]
public sealed record SimulationSettings
{
    /// <summary>Five minutes: long enough for queues of a signal cycle or two to form before measuring.</summary>
    public const double DefaultWarmupS = 300;

    /// <summary>Fifteen minutes: a measured vehicle still in the network after that is trapped, and counted as unfinished.</summary>
    public const double DefaultCooldownS = 900;

    /// <summary>A cool-down longer than a day follows nothing more that matters and only costs run time.</summary>
    public const double MaxCooldownS = 86400;

    [Description("Simulated time after warm-up, in seconds.")]
    [PhysicalRange(0, 7 * 86400, "s", MinimumExclusive = true, Why = "one week at most")]
    public double DurationS { get; init; } = 3600;

    [Description("Time of day at simulation start, in seconds after midnight (default 08:00); centre plan schedules are times of day.")]
    [PhysicalRange(0, 86400, "s", MaximumExclusive = true, Why = "a time of day")]
    public double StartTimeOfDayS { get; init; } = 8 * 3600;

    [Description("Time step in seconds (default 0.5). Must divide into whole milliseconds.")]
    [PhysicalRange(0, 2, "s", MinimumExclusive = true, Why = "car-following needs 2 s or less")]
    public double StepS { get; init; } = 0.5;

    [Description("Warm-up before measurement starts, in seconds (default 300); vehicles and pedestrians arriving during warm-up are simulated but not measured.")]
    [PhysicalRange(0, 86400, "s", Why = "one day at most")]
    public double WarmupS { get; init; } = DefaultWarmupS;

    [Description("Cool-down after the measured period, in seconds (default 900, at most a day): the vehicles that arrived in the measured period are followed until they finish; those still in the network or waiting at an entry at the end are counted as unfinished with the time and delay accumulated so far.")]
    [PhysicalRange(0, 86400, "s", Why = "one day at most")]
    public double CooldownS { get; init; } = DefaultCooldownS;

    [Description("Master random seed; each arrival stream derives its own seed from it.")]
    [PhysicalRange(0, ulong.MaxValue, "")]
    public ulong Seed { get; init; } = 1;

    [Description("Interval between queue samples in approaches.csv, in seconds.")]
    [PhysicalRange(0, 3600, "s", MinimumExclusive = true)]
    public double QueueSampleS { get; init; } = 5;
}

[Description("A regulation centre: its clock and which plan it runs in each period.")]
public sealed record CentreSpec
{
    [Description("Identifier, e.g. 'paris' or 'val-de-marne'.")]
    public required string Id { get; init; }

    [Description("Display name, e.g. 'PC Lutèce'.")]
    public LocalizedText? Name { get; init; }

    [Description("The centre's clock against simulation time.")]
    public ClockSpec Clock { get; init; } = new();

    [Description("Daily plan schedule on the centre's clock: from start_s (time of day) on, every intersection of the centre runs the named plan.")]
    public required IReadOnlyList<PlanPeriodSpec> Periods { get; init; }

    [Description("Public-transport priority as this centre grants it; an intersection may override it.")]
    public PrioritySpec? Priority { get; init; }

    [Description("Announcing priority vehicles to the neighbouring centre ahead of time.")]
    public ForwardingSpec? Forwarding { get; init; }

    [Description("How the centre's intersections change from one plan to the next (default: dwell).")]
    public TransitionSpec? Transition { get; init; }
}

public enum TransitionMethod { Dwell, ShortWay }

[Description("Plan transition: dwell holds the old plan's cycle-time-0 state until the new plan reaches its own cycle time 0; short-way switches at the old plan's cycle time 0 and reaches the new offset by lengthening or shortening the next cycles, whichever takes fewer cycles within the limits.")]
public sealed record TransitionSpec
{
    [Description("Transition method: dwell or short-way.")]
    public TransitionMethod Method { get; init; } = TransitionMethod.Dwell;

    [Description("Short-way: most a cycle may be lengthened (greens held), in percent of the new plan's cycle.")]
    [PhysicalRange(0, 50, "%", MinimumExclusive = true, Why = "controllers allow about 10–25 %; half a cycle is the most any short-way needs")]
    public double MaxLengthenPercent { get; init; } = 20;

    [Description("Short-way: most a cycle may be shortened (greens cut, never below their minimum), in percent of the new plan's cycle.")]
    [PhysicalRange(0, 50, "%", MinimumExclusive = true, Why = "controllers allow about 10–25 %; half a cycle is the most any short-way needs")]
    public double MaxShortenPercent { get; init; } = 17;
}

[Description("A centre clock: local time = simulation time + offset + drift.")]
public sealed record ClockSpec
{
    [Description("Offset of the centre clock against simulation time, in seconds.")]
    [PhysicalRange(-86400, 86400, "s", Why = "one day either way at most")]
    public double OffsetS { get; init; }

    [Description("Clock drift in seconds gained per hour (negative: the clock runs slow).")]
    [PhysicalRange(-600, 600, "s/h", Why = "real clocks drift by seconds per hour")]
    public double DriftSPerHour { get; init; }
}

[Description("One period of a centre's plan schedule.")]
public sealed record PlanPeriodSpec
{
    [Description("Start of the period as a time of day on the centre clock, in seconds after midnight; the last period of the day runs on past midnight until the first.")]
    [PhysicalRange(0, 86400, "s", MaximumExclusive = true, Why = "a time of day")]
    public double StartS { get; init; }

    [Description("Plan name that every intersection of the centre defines, e.g. 'day'.")]
    public required string Plan { get; init; }
}

public enum TravelMode { Car, Bus, Tram, Cycle }

public enum LaneKind { General, Bus, Tram, Cycle }

public enum ArrivalProcess { Poisson, Uniform }

[Description("A vehicle class with its Intelligent Driver Model parameters.")]
public sealed record VehicleClassSpec
{
    [Description("Identifier used by demand entries.")]
    public required string Id { get; init; }

    [Description("Travel mode reported in outputs.")]
    public TravelMode Mode { get; init; } = TravelMode.Car;

    [Description("Vehicle length in metres.")]
    [PhysicalRange(0, 100, "m", MinimumExclusive = true)]
    public double LengthM { get; init; } = 4.5;

    [Description("Highest desired speed in km/h; the link speed limit caps it.")]
    [PhysicalRange(0, 130, "km/h", MinimumExclusive = true)]
    public double MaxSpeedKmh { get; init; } = 70;

    [Description("IDM maximum acceleration a, in m/s².")]
    [PhysicalRange(0, 10, "m/s²", MinimumExclusive = true)]
    public double AccelerationMps2 { get; init; } = 1.5;

    [Description("IDM comfortable deceleration b, in m/s²; also the amber stop/go threshold.")]
    [PhysicalRange(0, 10, "m/s²", MinimumExclusive = true)]
    public double ComfortableDecelerationMps2 { get; init; } = 2.0;

    [Description("IDM desired time headway T, in seconds.")]
    [PhysicalRange(0, 10, "s", MinimumExclusive = true)]
    public double TimeHeadwayS { get; init; } = 1.0;

    [Description("IDM minimum standstill gap s0, in metres.")]
    [PhysicalRange(0, 50, "m")]
    public double MinGapM { get; init; } = 2.0;

    [Description("Mean occupancy in persons per vehicle.")]
    [PhysicalRange(0, 500, "persons", MinimumExclusive = true)]
    public double Occupancy { get; init; } = 1.3;

    [Description("Lowest desired speed in km/h; when given, each vehicle draws its desired speed uniformly between this and max_speed_kmh (e.g. cycles 13–21 km/h).")]
    [PhysicalRange(0, 130, "km/h", MinimumExclusive = true)]
    public double? MinSpeedKmh { get; init; }

    [Description("Spread of the drivers' desired speeds: each vehicle drives at a factor of the speed limit drawn from a normal distribution of mean 1 and this standard deviation, clipped to ±2 standard deviations (ignored when min_speed_kmh gives a range).")]
    [PhysicalRange(0, 0.3, "", Why = "about 0.1 is usual for cars")]
    public double SpeedFactorSd { get; init; } = 0.1;

    [Description("Strongest deceleration a driver of the class applies in normal driving, in m/s²; stronger demands are counted in summary.json's hard-braking diagnostic.")]
    [PhysicalRange(0.5, 9, "m/s²", Why = "9 m/s² is an emergency stop on dry asphalt")]
    public double MaxDecelerationMps2 { get; init; } = 4.5;

    [Description("Whether drivers change lanes at will within a link (MOBIL); changes needed to reach the lanes of the next movement or to pass a stopped vehicle's lane are made either way.")]
    public bool DiscretionaryLaneChanges { get; init; } = true;

    [Description("MOBIL politeness p: weight of the followers' loss against the driver's own gain (0 selfish, 1 altruistic).")]
    [PhysicalRange(0, 1, "")]
    public double LaneChangePoliteness { get; init; } = 0.3;

    [Description("MOBIL threshold: acceleration gain in m/s² a discretionary lane change must bring.")]
    [PhysicalRange(0, 2, "m/s²", Why = "0.1–0.2 m/s² is usual")]
    public double LaneChangeThresholdMps2 { get; init; } = 0.15;

    [Description("MOBIL safety: strongest deceleration in m/s² a lane change may impose on the new follower.")]
    [PhysicalRange(0, 9, "m/s²", MinimumExclusive = true)]
    public double LaneChangeSafeDecelerationMps2 { get; init; } = 4.0;

    [Description("Critical gap in seconds: the smallest time to the next opposing vehicle a driver accepts to turn across it (HCM-style permitted turns 4–6 s).")]
    [PhysicalRange(1, 15, "s", Why = "HCM-style values are 4–6 s")]
    public double CriticalGapS { get; init; } = 5.0;

    [Description("Follow-up time in seconds: headway between successive drivers of a queue using the same gap (HCM-style 2.2–3.3 s).")]
    [PhysicalRange(0.5, 15, "s", Why = "HCM-style values are 2.2–3.3 s")]
    public double FollowUpTimeS { get; init; } = 2.5;

    [Description("Seconds a crossing's conflict zone must stay free of pedestrians, from the moment a turning driver reaches the stop line, for it to go: about the time its body takes to clear the crosswalk. With a zone as wide as the vehicle's path (about 2 m), 1 s reproduces the HCM's pedestrian adjustment of right-turn capacity.")]
    [PhysicalRange(0.5, 15, "s")]
    public double PedestrianGapS { get; init; } = 1.0;
}

[Description("A signalised intersection.")]
public sealed record IntersectionSpec
{
    [Description("Identifier referenced by links.")]
    public required string Id { get; init; }

    [Description("Display name.")]
    public LocalizedText? Name { get; init; }

    [Description("Id of the regulation centre that runs this intersection.")]
    public required string Centre { get; init; }

    [Description("Optional east coordinate in metres, for maps.")]
    [JsonPropertyName("x_m")]
    [PhysicalRange(-1e7, 1e7, "m", Why = "projected coordinates such as Lambert-93 fit")]
    public double? XM { get; init; }

    [Description("Optional north coordinate in metres, for maps.")]
    [JsonPropertyName("y_m")]
    [PhysicalRange(-1e7, 1e7, "m", Why = "projected coordinates such as Lambert-93 fit")]
    public double? YM { get; init; }

    [Description("Signal groups of the controller.")]
    public required IReadOnlyList<SignalGroupSpec> SignalGroups { get; init; }

    [Description("Intergreen matrix entries: from the end of 'from' green to the start of 'to' green. Listing a pair declares the two groups in conflict; both directions must be listed.")]
    public IReadOnlyList<IntergreenSpec> Intergreens { get; init; } = [];

    [Description("Turning movements from an approach link to an exit link, each controlled by a signal group.")]
    public required IReadOnlyList<MovementSpec> Movements { get; init; }

    [Description("Fixed-time plans by name, e.g. 'day'; the centre's schedule picks which one runs.")]
    public required IReadOnlyDictionary<string, PlanSpec> Plans { get; init; }

    [Description("Signalised pedestrian crossings.")]
    public IReadOnlyList<CrossingSpec> Crossings { get; init; } = [];

    [Description("Priority settings for this intersection, replacing the centre's for each mode given.")]
    public PrioritySpec? Priority { get; init; }

    [Description("Vehicle detectors written to the controller event log (stop-bar and advance loops); they actuate the log only, no controller reads them.")]
    public IReadOnlyList<DetectorSpec> Detectors { get; init; } = [];

    [Description("Tram preemption: a tram's check-in takes the intersection off its plan (entry, track clearance, dwell while the tram passes) and a named recovery brings it back to coordination. Needs tram priority (its check-in) at the intersection or its centre.")]
    public PreemptionSpec? Preemption { get; init; }
}

public enum DetectorKind { StopBar, Advance }

[Description("A vehicle detector on one lane of an approach, reported in the controller event log as detector on (82) and off (81) on its channel.")]
public sealed record DetectorSpec
{
    [Description("Detector id within the intersection.")]
    public required string Id { get; init; }

    [Description("Approach link (ending at this intersection) the detector is on.")]
    public required string Link { get; init; }

    [Description("Lane index, 0 = rightmost.")]
    [PhysicalRange(0, 7, "", Why = "lane index, 0 = rightmost, 8 lanes at most")]
    public int Lane { get; init; }

    [Description("Distance from the stop line upstream to the detector's downstream edge, in metres (0 for a stop-bar loop at the line).")]
    [PhysicalRange(0, 10000, "m", Why = "within its link")]
    public double PositionM { get; init; }

    [Description("Detection zone length along the lane, in metres.")]
    [PhysicalRange(0, 100, "m", MinimumExclusive = true, Why = "loops are a few metres long")]
    public double LengthM { get; init; } = 2;

    [Description("stop-bar (at the stop line, for split and occupancy figures) or advance (upstream, for arrivals on green).")]
    public DetectorKind Kind { get; init; } = DetectorKind.StopBar;

    [Description("Detector channel number written as the event parameter, unique within the intersection (1 to 255).")]
    [PhysicalRange(1, 255, "", Why = "channel numbers of the event log")]
    public required int Channel { get; init; }
}

[Description("A signal group.")]
public sealed record SignalGroupSpec
{
    [Description("Identifier within the intersection.")]
    public required string Id { get; init; }

    [Description("What the group controls, in words.")]
    public string? Description { get; init; }

    [Description("Amber duration in seconds (3 s in built-up areas in France).")]
    [PhysicalRange(0, 10, "s", Why = "at least 3 s for vehicle, bus and cycle groups unless amber_reason says why")]
    public double AmberS { get; init; } = 3;

    [Description("Minimum green in seconds (6 s minimum in France).")]
    [PhysicalRange(0, 120, "s", MinimumExclusive = true)]
    public double MinGreenS { get; init; } = 6;

    [Description("Who the group serves: vehicle (general traffic), bus, tram, cycle or pedestrian.")]
    public SignalGroupKind Kind { get; init; } = SignalGroupKind.Vehicle;

    [Description("Controller phase number of the group in the event log (1 to 255, unique within the intersection); assigned in group order from the lowest free number when omitted.")]
    [PhysicalRange(1, 255, "", Why = "controller phase numbers of the event log")]
    public int? Phase { get; init; }

    [Description("Why a vehicle, bus or cycle group has an amber shorter than the 3 s legal minimum in built-up areas (e.g. a site outside built-up areas or a measured installation); required for such an amber.")]
    public string? AmberReason { get; init; }
}

public enum SignalGroupKind { Vehicle, Bus, Tram, Cycle, Pedestrian }

[Description("One entry of the intergreen matrix.")]
public sealed record IntergreenSpec
{
    [Description("Group whose green ends.")]
    public required string From { get; init; }

    [Description("Conflicting group whose green starts.")]
    public required string To { get; init; }

    [Description("Minimum time from the end of 'from' green to the start of 'to' green, in seconds; at least the amber of 'from'.")]
    [PhysicalRange(0, 120, "s")]
    public required double IntergreenS { get; init; }
}

[Description("A turning movement.")]
public sealed record MovementSpec
{
    [Description("Approach link (ends at this intersection).")]
    public required string From { get; init; }

    [Description("Exit link (starts at this intersection).")]
    public required string To { get; init; }

    [Description("Approach lane indices (0 = rightmost) allowed for this movement; all lanes when omitted.")]
    [PhysicalRange(0, 7, "", Why = "lane index, 0 = rightmost, 8 lanes at most")]
    public IReadOnlyList<int>? Lanes { get; init; }

    [Description("Signal group controlling the movement.")]
    public required string Group { get; init; }

    [Description("Exit lane (0 = rightmost) taken from each approach lane of the movement, in the order of 'lanes' (or of all approach lanes); by default the i-th lane of the movement a vehicle's mode may use (from the right) continues into the i-th exit lane it may use, the leftmost taking any lane beyond it (a lane drop, where vehicles merge in turn).")]
    [PhysicalRange(0, 7, "", Why = "lane index, 0 = rightmost, 8 lanes at most")]
    public IReadOnlyList<int>? ExitLanes { get; init; }

    [Description("Permissive conflicts: the crossings and opposing movements, served by the same green, that this movement gives way to.")]
    public IReadOnlyList<YieldSpec> Yields { get; init; } = [];

    [Description("Speed in km/h at which drivers take the movement; default 20 km/h for a movement that gives way, otherwise the exit link's limit.")]
    [PhysicalRange(5, 70, "km/h", Why = "drivers take a turn at about 15–30 km/h")]
    public double? TurnSpeedKmh { get; init; }
}

[Description("A permissive conflict: give way to the pedestrians on a crossing, or to the vehicles of an opposing movement (from, to), when both have green.")]
public sealed record YieldSpec
{
    [Description("Crossing id at this intersection whose pedestrians this movement gives way to.")]
    public string? Crossing { get; init; }

    [Description("Approach link of the opposing movement given way to.")]
    public string? From { get; init; }

    [Description("Exit link of the opposing movement given way to.")]
    public string? To { get; init; }

    [Description("Start of the crossing's conflict zone, in metres from the crossing's forward start (default 0).")]
    [PhysicalRange(0, 100, "m", Why = "a crossing is a few tens of metres at most")]
    public double? ZoneStartM { get; init; }

    [Description("End of the crossing's conflict zone, in metres from the crossing's forward start (default the crossing's length).")]
    [PhysicalRange(0, 100, "m", Why = "a crossing is a few tens of metres at most")]
    public double? ZoneEndM { get; init; }
}

[Description("A fixed-time plan.")]
public sealed record PlanSpec
{
    [Description("Cycle length in seconds (120 s is treated as a hard maximum in Paris).")]
    [PhysicalRange(0, 120, "s", MinimumExclusive = true, Why = "120 s is the maximum cycle in Paris")]
    public required double CycleS { get; init; }

    [Description("Offset in seconds: the plan's cycle time 0 falls at centre time offset_s (mod cycle).")]
    [PhysicalRange(-86400, 86400, "s")]
    public double OffsetS { get; init; }

    [Description("Green window per signal group, in cycle seconds; a window may wrap past the cycle end.")]
    public required IReadOnlyDictionary<string, GreenWindowSpec> Greens { get; init; }

    [Description("Control type: fixed-time (the windows run as given) or actuated (the windows are the maximum greens and the stage order; detectors and push buttons call, extend and skip groups).")]
    public ControlType Control { get; init; } = ControlType.FixedTime;

    [Description("Actuated settings (control: actuated); common-practice defaults when omitted.")]
    public ActuatedSpec? Actuated { get; init; }
}

public enum ControlType { FixedTime, Actuated }

public enum RecallMode { None, Minimum, Maximum, Pedestrian }

[Description("Actuated control of a plan: calls and extensions from the intersection's detectors and push buttons, within the plan's windows (maximum greens).")]
public sealed record ActuatedSpec
{
    [Description("Passage time (unit extension) in seconds: a green with no vehicle over its detectors for this long gaps out, once its minimum green is served and another group calls.")]
    [PhysicalRange(0.5, 10, "s", Why = "common practice is 2 to 4 s")]
    public double PassageTimeS { get; init; } = 3.0;

    [Description("Coordinated groups: they keep the plan's cycle and offset, are always called, never gap out, and absorb the time the other groups do not use (force-offs at the window ends). Empty: free-running.")]
    public IReadOnlyList<string> CoordinatedGroups { get; init; } = [];

    [Description("Per-group settings by group id; groups not listed get the defaults.")]
    public IReadOnlyDictionary<string, ActuatedGroupSpec> Groups { get; init; } = new Dictionary<string, ActuatedGroupSpec>();
}

[Description("Actuated settings of one signal group.")]
public sealed record ActuatedGroupSpec
{
    [Description("Recall: none (served only when a detector or push button calls), minimum (called every cycle, extended by detectors), maximum (called every cycle, full window) or pedestrian (a crossing group called every cycle). Default: none for a group with detectors or crossings, maximum for the others.")]
    public RecallMode? Recall { get; init; }

    [Description("Passage time of this group in seconds, replacing the plan's.")]
    [PhysicalRange(0.5, 10, "s", Why = "common practice is 2 to 4 s")]
    public double? PassageTimeS { get; init; }
}

[Description("Green window of a group within the cycle.")]
public sealed record GreenWindowSpec
{
    [Description("Start of green in cycle seconds, 0 ≤ start_s < cycle_s.")]
    [PhysicalRange(0, 120, "s", MaximumExclusive = true, Why = "cycle seconds")]
    public required double StartS { get; init; }

    [Description("End of green (start of amber) in cycle seconds, 0 < end_s ≤ cycle_s; smaller than start_s when green wraps past the cycle end.")]
    [PhysicalRange(0, 120, "s", MinimumExclusive = true, Why = "cycle seconds")]
    public required double EndS { get; init; }
}

[Description("A boundary node where traffic enters or leaves.")]
public sealed record BoundarySpec
{
    [Description("Identifier referenced by links.")]
    public required string Id { get; init; }

    [Description("Display name.")]
    public LocalizedText? Name { get; init; }

    [Description("Optional east coordinate in metres, for maps.")]
    [JsonPropertyName("x_m")]
    [PhysicalRange(-1e7, 1e7, "m", Why = "projected coordinates such as Lambert-93 fit")]
    public double? XM { get; init; }

    [Description("Optional north coordinate in metres, for maps.")]
    [JsonPropertyName("y_m")]
    [PhysicalRange(-1e7, 1e7, "m", Why = "projected coordinates such as Lambert-93 fit")]
    public double? YM { get; init; }
}

[Description("A directed link.")]
public sealed record LinkSpec
{
    [Description("Identifier referenced by movements and routes.")]
    public required string Id { get; init; }

    [Description("Display name, e.g. 'avenue de Choisy southbound'.")]
    public LocalizedText? Name { get; init; }

    [Description("Upstream node id (intersection or boundary).")]
    public required string From { get; init; }

    [Description("Downstream node id (intersection or boundary).")]
    public required string To { get; init; }

    [Description("Length from the upstream stop line to the downstream stop line, in metres.")]
    [PhysicalRange(10, 10000, "m", Why = "a link holds at least one vehicle")]
    public required double LengthM { get; init; }

    [Description("Speed limit in km/h (Paris 30, boulevards des Maréchaux 50).")]
    [PhysicalRange(0, 130, "km/h", MinimumExclusive = true)]
    public required double SpeedLimitKmh { get; init; }

    [Description("Number of lanes.")]
    [PhysicalRange(1, 8, "")]
    public int Lanes { get; init; } = 1;

    [Description("Kind of each lane from right (index 0) to left; all general when omitted.")]
    public IReadOnlyList<LaneKind>? LaneKinds { get; init; }
}

[Description("Demand entering at the first link of its routes.")]
public sealed record DemandSpec
{
    [Description("Identifier; it also names the demand's own random stream.")]
    public required string Id { get; init; }

    [Description("Vehicle class id.")]
    public string VehicleClass { get; init; } = "car";

    [Description("Arrival process: poisson (random, default) or uniform (evenly spaced).")]
    public ArrivalProcess Arrivals { get; init; } = ArrivalProcess.Poisson;

    [Description("Flow per period; a period lasts until the next one starts.")]
    public required IReadOnlyList<FlowPeriodSpec> Periods { get; init; }

    [Description("Routes with their shares of the flow; all routes start on the same entry link.")]
    public required IReadOnlyList<RouteSpec> Routes { get; init; }
}

[Description("Flow during one period.")]
public sealed record FlowPeriodSpec
{
    [Description("Start of the period in simulation seconds (warm-up included).")]
    [PhysicalRange(0, 8 * 86400, "s", Why = "warm-up and duration together")]
    public double StartS { get; init; }

    [Description("Flow in vehicles per hour.")]
    [JsonPropertyName("flow_veh_per_h")]
    [PhysicalRange(0, 20000, "veh/h", Why = "far beyond any urban entry above")]
    public required double FlowVehPerHour { get; init; }
}

[Description("A route: a chain of links from an entry to an exit.")]
public sealed record RouteSpec
{
    [Description("Identifier, reported in trips.csv.")]
    public required string Id { get; init; }

    [Description("Link ids in travel order; consecutive links must be joined by a movement.")]
    public required IReadOnlyList<string> Links { get; init; }

    [Description("Share of the demand's flow on this route; shares are normalised.")]
    [PhysicalRange(0, 1e6, "", MinimumExclusive = true)]
    public double Share { get; init; } = 1;
}

[Description("A public-transport line: vehicles of one class on one route, departing by timetable or headway, serving stops.")]
public sealed record LineSpec
{
    [Description("Line id and direction, e.g. '183-to-paris'; reported in outputs.")]
    public required string Id { get; init; }

    [Description("Vehicle class, e.g. 'bus' or a tram class.")]
    public required string VehicleClass { get; init; }

    [Description("Link ids from an entry to an exit, joined by movements.")]
    public required IReadOnlyList<string> Links { get; init; }

    [Description("Scheduled departures from the entry, in simulation seconds; use this or headway_s.")]
    [PhysicalRange(0, 8 * 86400, "s", Why = "warm-up and duration together")]
    public IReadOnlyList<double>? TimetableS { get; init; }

    [Description("Departure interval in seconds (regular service); use this or timetable_s.")]
    [PhysicalRange(10, 86400, "s")]
    public double? HeadwayS { get; init; }

    [Description("First departure with headway_s, in simulation seconds.")]
    [PhysicalRange(0, 8 * 86400, "s")]
    public double FirstDepartureS { get; init; }

    [Description("Each departure is shifted by a random amount, uniform within ± this many seconds (operating irregularity upstream of the corridor).")]
    [PhysicalRange(0, 3600, "s")]
    public double DepartureJitterS { get; init; }

    [Description("Scheduled running time from entry to exit in seconds, for lateness; default: free-flow time plus expected dwells, plus 20 %.")]
    [PhysicalRange(0, 86400, "s", MinimumExclusive = true)]
    public double? ScheduledRunTimeS { get; init; }

    [Description("Stops in travel order.")]
    public IReadOnlyList<StopSpec> Stops { get; init; } = [];

    [Description("Stop where headway regularity is measured; default the last stop.")]
    public string? RegularityStop { get; init; }
}

[Description("A bus stop or tram station.")]
public sealed record StopSpec
{
    [Description("Stop id, e.g. 'porte-de-choisy'.")]
    public required string Id { get; init; }

    [Description("Link of the line's route the stop is on.")]
    public required string Link { get; init; }

    [Description("Position of the stopping point (vehicle front) from the link start, in metres.")]
    [PhysicalRange(0, 10000, "m", MinimumExclusive = true)]
    public required double PositionM { get; init; }

    [Description("Fixed part of the dwell (doors, pulling in and out), in seconds.")]
    [PhysicalRange(0, 600, "s")]
    public double DwellFixedS { get; init; } = 8;

    [Description("Dwell added per boarding passenger, in seconds.")]
    [PhysicalRange(0, 60, "s")]
    public double BoardingSPerPassenger { get; init; } = 2.5;

    [Description("Passengers arriving at the stop for this line, per hour (Poisson); late vehicles find more and dwell longer.")]
    [PhysicalRange(0, 10000, "passengers/h")]
    public double PassengersPerHour { get; init; }
}

[Description("A signalised pedestrian crossing.")]
public sealed record CrossingSpec
{
    [Description("Crossing id within the intersection.")]
    public required string Id { get; init; }

    [Description("Crossing length in metres (kerb to kerb); clearance is computed at 1.0 m/s over it.")]
    [PhysicalRange(0, 100, "m", MinimumExclusive = true)]
    public required double LengthM { get; init; }

    [Description("Pedestrian signal group controlling the crossing.")]
    public required string Group { get; init; }

    [Description("Pedestrians per hour crossing one way (Poisson).")]
    [PhysicalRange(0, 20000, "ped/h")]
    public double FlowForwardPedPerHour { get; init; }

    [Description("Pedestrians per hour crossing the other way (Poisson).")]
    [PhysicalRange(0, 20000, "ped/h")]
    public double FlowBackwardPedPerHour { get; init; }

    [Description("Mean walking speed in m/s (pedestrians draw theirs between 0.8 and 1.2 times it).")]
    [PhysicalRange(0, 5, "m/s", MinimumExclusive = true)]
    public double WalkingSpeedMps { get; init; } = 1.3;
}

[Description("Priority granted to buses and trams.")]
public sealed record PrioritySpec
{
    [Description("Bus priority.")]
    public BusPrioritySpec? Bus { get; init; }

    [Description("Tram priority.")]
    public TramPrioritySpec? Tram { get; init; }
}

public enum BusPriorityAction { None, Extension, EarlyGreen, ExtensionAndEarlyGreen }

[Description("Bus priority at signals: green extension and early green (red truncation), never cutting a minimum green or pedestrian clearance.")]
public sealed record BusPrioritySpec
{
    [Description("What the controller may do for a bus: none, extension, early-green or extension-and-early-green.")]
    public BusPriorityAction Action { get; init; } = BusPriorityAction.ExtensionAndEarlyGreen;

    [Description("Longest green extension for one bus, in seconds.")]
    [PhysicalRange(0, 120, "s")]
    public double MaxExtensionS { get; init; } = 15;

    [Description("Most green time taken from conflicting groups for one bus, in seconds.")]
    [PhysicalRange(0, 120, "s")]
    public double MaxEarlyGreenS { get; init; } = 20;

    [Description("Check-in detector distance upstream of the stop line, in metres (capped at the approach length).")]
    [PhysicalRange(0, 10000, "m", MinimumExclusive = true)]
    public double CheckInDistanceM { get; init; } = 120;

    [Description("Check-in by estimated time instead: the bus checks in this many seconds (at its free speed) before the stop line; replaces check_in_distance_m when given.")]
    [PhysicalRange(0, 600, "s", MinimumExclusive = true)]
    public double? CheckInTimeS { get; init; }

    [Description("A request lapses if the bus has not passed the stop line this many seconds after check-in.")]
    [PhysicalRange(0, 3600, "s", MinimumExclusive = true)]
    public double RequestExpiryS { get; init; } = 60;

    [Description("Conditional priority: serve only buses later than this many seconds against timetable or headway; omit to serve all.")]
    [PhysicalRange(0, 3600, "s")]
    public double? MinLatenessS { get; init; }

    [Description("Cycles within which the controller returns to its coordinated plan after priority.")]
    [PhysicalRange(1, 20, "cycles")]
    public int RecoveryCycles { get; init; } = 3;

    [Description("Phase insertion (intersection level only): a plan of this intersection, with the same cycle and the same greens at cycle time 0 as the plans it runs with, that also gives a green to a bus group the normal plans leave red; it runs for one cycle when such a bus checks in.")]
    public string? InsertionPlan { get; init; }
}

[Description("Tram priority: absolute by default (the tram does not stop at signals unless its request came too late to serve safely).")]
public sealed record TramPrioritySpec
{
    [Description("Absolute priority: extend and advance greens as far as safety allows, up to max_extension_s and max_early_green_s; false: relative priority, also capped by relative_max_extension_s and relative_max_early_green_s.")]
    public bool Absolute { get; init; } = true;

    [Description("Check-in detector distance upstream of the stop line, in metres (capped at the approach length).")]
    [PhysicalRange(0, 10000, "m", MinimumExclusive = true)]
    public double CheckInDistanceM { get; init; } = 250;

    [Description("Check-in by estimated time instead: the tram checks in this many seconds (at its free speed) before the stop line; replaces check_in_distance_m when given.")]
    [PhysicalRange(0, 600, "s", MinimumExclusive = true)]
    public double? CheckInTimeS { get; init; }

    [Description("Longest green extension for one tram, in seconds.")]
    [PhysicalRange(0, 120, "s")]
    public double MaxExtensionS { get; init; } = 40;

    [Description("Most green time taken from conflicting groups for one tram, in seconds.")]
    [PhysicalRange(0, 120, "s")]
    public double MaxEarlyGreenS { get; init; } = 60;

    [Description("Relative priority (absolute false): the extension is at most the smaller of this and max_extension_s, in seconds.")]
    [PhysicalRange(0, 120, "s", Why = "a cycle at most")]
    public double RelativeMaxExtensionS { get; init; } = 15;

    [Description("Relative priority (absolute false): the early green is at most the smaller of this and max_early_green_s, in seconds.")]
    [PhysicalRange(0, 120, "s", Why = "a cycle at most")]
    public double RelativeMaxEarlyGreenS { get; init; } = 20;

    [Description("A request lapses if the tram has not passed the stop line this many seconds after check-in.")]
    [PhysicalRange(0, 3600, "s", MinimumExclusive = true)]
    public double RequestExpiryS { get; init; } = 90;

    [Description("Cycles within which the controller returns to its coordinated plan after priority.")]
    [PhysicalRange(1, 20, "cycles")]
    public int RecoveryCycles { get; init; } = 3;
}

public enum PreemptionRecovery { Spread, ShortWay }

[Description("Tram preemption: entry (conflicting greens end once their minimum green is served, then their amber and intergreens), track clearance (the clearance groups get a green so vehicles standing on the tracks leave), dwell (the tram group green while the tram passes, until its check-out or max_dwell_s), exit (the plan resumes where the tram group's green ends, and the recovery brings the offset back).")]
public sealed record PreemptionSpec
{
    [Description("The tram group served absolutely, e.g. 't3a'.")]
    public required string Group { get; init; }

    [Description("Track clearance: required; the groups whose vehicles may stand on the tracks and how long they get green before the tram group.")]
    public TrackClearanceSpec? Clearance { get; init; }

    [Description("Longest tram-group green held for one preemption, in seconds; the plan resumes after it even if the tram has not passed.")]
    [PhysicalRange(5, 300, "s", Why = "a tram passes in seconds; a minute covers one stopped in the junction")]
    public double MaxDwellS { get; init; } = 60;

    [Description("Named recovery back to coordination: spread (the offset error shared over recovery_cycles cycles, the shorter way round) or short-way (the centre's short-way limits, or 20 % lengthening and 17 % shortening a cycle).")]
    public PreemptionRecovery Recovery { get; init; } = PreemptionRecovery.Spread;

    [Description("Spread recovery: cycles within which the intersection is back on its plan's offset.")]
    [PhysicalRange(1, 20, "cycles")]
    public int RecoveryCycles { get; init; } = 2;
}

[Description("Track clearance of a preemption: the movements that cross or stand on the tracks get a green first, then their amber and intergreen to the tram group.")]
public sealed record TrackClearanceSpec
{
    [Description("Signal groups given the clearance green (not in conflict with one another).")]
    public required IReadOnlyList<string> Groups { get; init; }

    [Description("Clearance green in seconds (each group also keeps its minimum green).")]
    [PhysicalRange(1, 60, "s", Why = "a queue of a few vehicles leaves the tracks in seconds")]
    public double GreenS { get; init; } = 6;
}

[Description("Cross-centre announcements: a priority vehicle checked in at this centre's intersection is announced to the next intersection on its route when another centre runs it.")]
public sealed record ForwardingSpec
{
    [Description("Whether announcements are sent.")]
    public bool Enabled { get; init; }

    [Description("Message latency between the centres, in seconds.")]
    [PhysicalRange(0, 600, "s")]
    public double LatencyS { get; init; } = 2;

    [Description("Probability that a message is lost, 0 to 1.")]
    [PhysicalRange(0, 1, "")]
    public double LossProbability { get; init; }
}

[Description("A green wave: offsets of one plan so that the named groups turn green in sequence at the chosen speed.")]
public sealed record GreenWaveSpec
{
    [Description("Plan whose offsets are set; every intersection on the wave must use the same cycle in it.")]
    public required string Plan { get; init; }

    [Description("Progression speed in km/h (about 20 km/h for a cycle wave).")]
    [PhysicalRange(0, 130, "km/h", MinimumExclusive = true)]
    public required double SpeedKmh { get; init; }

    [Description("Chain of links along which the wave runs; intersections are taken where consecutive links meet.")]
    public required IReadOnlyList<string> Links { get; init; }

    [Description("Signal group to coordinate at each intersection on the chain, by intersection id.")]
    public required IReadOnlyDictionary<string, string> Groups { get; init; }

    [Description("Offset of the first coordinated green, in seconds.")]
    [PhysicalRange(-86400, 86400, "s")]
    public double StartOffsetS { get; init; }
}

[Description("A strategy: what changes against the base scenario. Fields left out keep the base scenario's values.")]
public sealed record StrategySpec
{
    [Description("Strategy id, e.g. 'status-quo', 'common-cycle', 'bus-priority-shared'.")]
    public required string Id { get; init; }

    [Description("What the strategy does, in words, for the committee note.")]
    public LocalizedText? Description { get; init; }

    [Description("The strategy the others are compared with; exactly one strategy is the baseline.")]
    public bool Baseline { get; init; }

    [Description("Changes per centre, by centre id.")]
    public IReadOnlyDictionary<string, CentreOverlaySpec> Centres { get; init; } = new Dictionary<string, CentreOverlaySpec>();

    [Description("Changes per intersection, by intersection id.")]
    public IReadOnlyDictionary<string, IntersectionOverlaySpec> Intersections { get; init; } = new Dictionary<string, IntersectionOverlaySpec>();

    [Description("Green waves replacing the base scenario's, when given.")]
    public IReadOnlyList<GreenWaveSpec>? GreenWaves { get; init; }

    [Description("Bus and tram lines added by the strategy (a new line, e.g. a high-level-of-service bus), or replacing the base line of the same id.")]
    public IReadOnlyList<LineSpec> Lines { get; init; } = [];

    [Description("Changes per link, by link id (e.g. a general lane given over to buses).")]
    public IReadOnlyDictionary<string, LinkOverlaySpec> Links { get; init; } = new Dictionary<string, LinkOverlaySpec>();
}

[Description("A link's lanes under a strategy; the link keeps its lane count, so movements keep their lanes.")]
public sealed record LinkOverlaySpec
{
    [Description("Kind of each lane from right (index 0) to left, one per lane of the link, replacing the base kinds.")]
    public required IReadOnlyList<LaneKind> LaneKinds { get; init; }
}

[Description("A centre's settings under a strategy; each field given replaces the base value.")]
public sealed record CentreOverlaySpec
{
    [Description("The centre's clock (e.g. synchronised: offset 0, drift 0).")]
    public ClockSpec? Clock { get; init; }

    [Description("The daily plan schedule.")]
    public IReadOnlyList<PlanPeriodSpec>? Periods { get; init; }

    [Description("Bus and tram priority granted by the centre.")]
    public PrioritySpec? Priority { get; init; }

    [Description("Cross-centre announcements.")]
    public ForwardingSpec? Forwarding { get; init; }

    [Description("Plan transition method.")]
    public TransitionSpec? Transition { get; init; }
}

[Description("An intersection's settings under a strategy.")]
public sealed record IntersectionOverlaySpec
{
    [Description("Plans added, or replacing the base plans of the same name.")]
    public IReadOnlyDictionary<string, PlanSpec>? Plans { get; init; }

    [Description("Priority settings replacing the intersection's own.")]
    public PrioritySpec? Priority { get; init; }

    [Description("Tram preemption replacing the intersection's own.")]
    public PreemptionSpec? Preemption { get; init; }
}
