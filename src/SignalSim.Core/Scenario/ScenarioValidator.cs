// Every check a scenario must pass before the engine runs it. The engine trusts what passes
// (Debug.Assert inside), so anything the engine relies on is checked here, with a message that
// says what is wrong and how to fix it. Each number's own range ([PhysicalRange] on the scenario
// records) is checked first, by ScenarioRanges; the checks here relate numbers to each other.
using SignalSim.Core.Signals;

namespace SignalSim.Core.Scenario;

public sealed partial class ScenarioValidator
{
    public const double MaxCycleS = 120;
    public const double MaxDurationS = 7 * 24 * 3600;

    /// <summary>Legal minimum amber of road-vehicle signals in built-up areas in France.</summary>
    public const double MinVehicleAmberS = 3;
    public const double SaturationFlowPerLaneVehPerHour = 1800;

    private readonly ScenarioFile _s;
    private readonly List<ScenarioDiagnostic> _diagnostics = [];
    private readonly Dictionary<string, IntersectionSpec> _intersections = new(StringComparer.Ordinal);
    private readonly HashSet<string> _boundaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkSpec> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CentreSpec> _centres = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VehicleClassSpec> _classes = new(StringComparer.Ordinal);

    private CancellationToken _cancellation;

    private ScenarioValidator(ScenarioFile scenario) => _s = scenario;

    public static IReadOnlyList<ScenarioDiagnostic> Validate(ScenarioFile scenario, CancellationToken cancellation = default)
    {
        // Numbers outside their physical range come first and alone: every later check, and the
        // tick arithmetic behind it, may rely on numbers being finite and of a sensible size.
        var ranges = ScenarioRanges.Check(scenario);
        if (ranges.Count > 0) return ranges;
        var v = new ScenarioValidator(scenario) { _cancellation = cancellation };
        v.Run();
        return v._diagnostics;
    }

    private void Error(string path, string message) => _diagnostics.Add(new(DiagnosticSeverity.Error, path, message));

    private void Warning(string path, string message) => _diagnostics.Add(new(DiagnosticSeverity.Warning, path, message));

    private bool HasErrors => _diagnostics.Exists(d => d.Severity == DiagnosticSeverity.Error);

    private void Run()
    {
        if (string.IsNullOrWhiteSpace(_s.Name.Default)) Error("$.name", "the scenario name is empty; give it a short name");
        CheckTexts();
        CheckSimulation();
        CheckCentres();
        CheckVehicleClasses();
        CheckNodes();
        CheckLinks();
        if (HasErrors) return; // later checks follow references that must exist
        foreach (var (x, i) in _s.Intersections.Select((x, i) => (x, i)))
        {
            _cancellation.ThrowIfCancellationRequested();
            CheckIntersection(x, $"$.intersections[{i}]");
        }
        CheckCentrePlans();
        foreach (var (x, i) in _s.Intersections.Select((x, i) => (x, i))) CheckEventLogFields(x, $"$.intersections[{i}]");
        if (HasErrors) return;
        _cancellation.ThrowIfCancellationRequested();
        CheckDemand();
        CheckGeneratedVolume();
        CheckLines();
        CheckPriority();
        CheckGreenWaves();
        CheckCountSites();
        if (HasErrors) return;
        _cancellation.ThrowIfCancellationRequested();
        WarnAboutCapacity();
        _cancellation.ThrowIfCancellationRequested();
        CheckStrategies();
    }

    /// <summary>A text given per language must not leave one of its languages blank (the note would print nothing).</summary>
    private void CheckTexts()
    {
        void Check(LocalizedText? text, string path)
        {
            if (text is null || text.IsPlain) return;
            foreach (var (language, value) in new[] { (LocalizedText.French, text.Fr), (LocalizedText.English, text.En) })
            {
                if (value is not null && string.IsNullOrWhiteSpace(value))
                    Error($"{path}.{language}", $"the {(language == LocalizedText.French ? "French" : "English")} text is empty; write it or remove \"{language}\"");
            }
        }
        Check(_s.Name, "$.name");
        Check(_s.Description, "$.description");
        for (var i = 0; i < _s.Sources.Count; i++) Check(_s.Sources[i], $"$.sources[{i}]");
        for (var i = 0; i < _s.Assumptions.Count; i++) Check(_s.Assumptions[i], $"$.assumptions[{i}]");
        for (var i = 0; i < _s.Centres.Count; i++) Check(_s.Centres[i].Name, $"$.centres[{i}].name");
        for (var i = 0; i < _s.Intersections.Count; i++) Check(_s.Intersections[i].Name, $"$.intersections[{i}].name");
        for (var i = 0; i < _s.Boundaries.Count; i++) Check(_s.Boundaries[i].Name, $"$.boundaries[{i}].name");
        for (var i = 0; i < _s.Links.Count; i++) Check(_s.Links[i].Name, $"$.links[{i}].name");
        for (var i = 0; i < _s.Strategies.Count; i++) Check(_s.Strategies[i].Description, $"$.strategies[{i}].description");
    }

    private void CheckSimulation()
    {
        var sim = _s.Simulation;
        const string p = "$.simulation";
        Positive(sim.DurationS, $"{p}.duration_s", "the simulated duration");
        if (sim.DurationS > MaxDurationS) Error($"{p}.duration_s", $"duration_s {sim.DurationS} is more than a week ({MaxDurationS} s); check the unit (seconds)");
        else if (sim.DurationS > 0 && !SimTime.IsWholeTicks(sim.DurationS)) Error($"{p}.duration_s", $"duration_s {sim.DurationS} is not a whole number of milliseconds; use e.g. 3600");
        Positive(sim.StepS, $"{p}.step_s", "the time step");
        if (sim.StepS > 0 && !SimTime.IsWholeTicks(sim.StepS)) Error($"{p}.step_s", $"step_s {sim.StepS} is not a whole number of milliseconds; use e.g. 0.5 or 0.25");
        if (sim.StepS > 2) Error($"{p}.step_s", $"step_s {sim.StepS} is too coarse for car-following; use 2 s or less (0.5 s is the default)");
        if (sim.WarmupS < 0) Error($"{p}.warmup_s", $"warmup_s is {sim.WarmupS}; it must be 0 or more");
        if (sim.WarmupS > MaxDurationS) Error($"{p}.warmup_s", $"warmup_s {sim.WarmupS} is more than a week ({MaxDurationS} s); check the unit (seconds)");
        else if (sim.WarmupS > 0 && !SimTime.IsWholeTicks(sim.WarmupS)) Error($"{p}.warmup_s", $"warmup_s {sim.WarmupS} is not a whole number of milliseconds; use e.g. 600");
        if (sim.CooldownS < 0) Error($"{p}.cooldown_s", $"cooldown_s is {sim.CooldownS}; it must be 0 or more (0 stops the run at the end of the measured period)");
        if (sim.CooldownS > SimulationSettings.MaxCooldownS)
            Error($"{p}.cooldown_s", $"cooldown_s {sim.CooldownS} is more than a day ({SimulationSettings.MaxCooldownS} s); 900 s lets ordinary trips finish, and the value is in seconds");
        if (sim.CooldownS > 0 && !SimTime.IsWholeTicks(sim.CooldownS)) Error($"{p}.cooldown_s", $"cooldown_s {sim.CooldownS} is not a whole number of milliseconds");
        if (sim.StartTimeOfDayS < 0 || sim.StartTimeOfDayS >= 86400) Error($"{p}.start_time_of_day_s", "start_time_of_day_s must be within one day, 0 to 86399 s after midnight");
        Positive(sim.QueueSampleS, $"{p}.queue_sample_s", "the queue sample interval");
        if (sim.QueueSampleS > 0 && sim.StepS > 0 && !IsMultiple(sim.QueueSampleS, sim.StepS))
            Error($"{p}.queue_sample_s", $"queue_sample_s {sim.QueueSampleS} must be a multiple of step_s {sim.StepS}");
    }

    private void CheckCentres()
    {
        if (_s.Centres.Count == 0) Error("$.centres", "no regulation centre is defined; add at least one, e.g. {\"id\": \"paris\", \"periods\": [{\"start_s\": 0, \"plan\": \"day\"}]}");
        for (var i = 0; i < _s.Centres.Count; i++)
        {
            var c = _s.Centres[i];
            var p = $"$.centres[{i}]";
            if (!Unique(_centres, c.Id, c, $"{p}.id", "centre")) continue;
            if (Math.Abs(c.Clock.DriftSPerHour) > 600) Error($"{p}.clock.drift_s_per_hour", $"a drift of {c.Clock.DriftSPerHour} s per hour is implausible; real clocks drift by seconds per hour");
            if (c.Periods.Count == 0) Error($"{p}.periods", $"centre '{c.Id}' has no plan period; add one such as {{\"start_s\": 0, \"plan\": \"day\"}}");
            for (var k = 0; k < c.Periods.Count; k++)
            {
                var start = c.Periods[k].StartS;
                if (start < 0 || start >= 86400) Error($"{p}.periods[{k}].start_s", "a period start is a time of day: 0 to 86399 s after midnight");
                if (k > 0 && start <= c.Periods[k - 1].StartS) Error($"{p}.periods[{k}].start_s", "periods must be listed in increasing order of start_s");
            }
        }
    }

    private void CheckVehicleClasses()
    {
        for (var i = 0; i < _s.VehicleClasses.Count; i++)
        {
            var c = _s.VehicleClasses[i];
            var p = $"$.vehicle_classes[{i}]";
            if (!Unique(_classes, c.Id, c, $"{p}.id", "vehicle class")) continue;
            Positive(c.LengthM, $"{p}.length_m", "the vehicle length");
            Positive(c.MaxSpeedKmh, $"{p}.max_speed_kmh", "the maximum speed");
            Positive(c.AccelerationMps2, $"{p}.acceleration_mps2", "the acceleration");
            Positive(c.ComfortableDecelerationMps2, $"{p}.comfortable_deceleration_mps2", "the comfortable deceleration");
            Positive(c.TimeHeadwayS, $"{p}.time_headway_s", "the time headway");
            if (c.MinGapM < 0) Error($"{p}.min_gap_m", "min_gap_m must be 0 or more");
            Positive(c.Occupancy, $"{p}.occupancy", "the occupancy");
            if (c.MinSpeedKmh is { } min && (!(min > 0) || min > c.MaxSpeedKmh))
                Error($"{p}.min_speed_kmh", $"min_speed_kmh {min} must be positive and at most max_speed_kmh {c.MaxSpeedKmh}");
            CheckClassBehaviour(c, p);
        }
        foreach (var d in VehicleClassDefaults.All) _classes.TryAdd(d.Id, d);
    }

    private void CheckNodes()
    {
        var nodeIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _s.Intersections.Count; i++)
        {
            var x = _s.Intersections[i];
            if (!nodeIds.Add(x.Id)) Error($"$.intersections[{i}].id", $"node id '{x.Id}' is used twice; ids of intersections and boundaries must be unique");
            else _intersections[x.Id] = x;
            if (!_centres.ContainsKey(x.Centre))
                Error($"$.intersections[{i}].centre", $"unknown centre '{x.Centre}'; known centres: {Known(_centres.Keys)}");
        }
        for (var i = 0; i < _s.Boundaries.Count; i++)
        {
            var b = _s.Boundaries[i];
            if (!nodeIds.Add(b.Id)) Error($"$.boundaries[{i}].id", $"node id '{b.Id}' is used twice; ids of intersections and boundaries must be unique");
            else _boundaries.Add(b.Id);
        }
    }

    private void CheckLinks()
    {
        for (var i = 0; i < _s.Links.Count; i++)
        {
            var l = _s.Links[i];
            var p = $"$.links[{i}]";
            Unique(_links, l.Id, l, $"{p}.id", "link");
            CheckNodeRef(l.From, $"{p}.from");
            CheckNodeRef(l.To, $"{p}.to");
            if (l.From == l.To) Error($"{p}.to", $"link '{l.Id}' starts and ends at the same node '{l.From}'");
            if (_boundaries.Contains(l.From) && _boundaries.Contains(l.To))
                Error(p, $"link '{l.Id}' joins two boundaries and crosses no intersection; connect it to an intersection");
            // Length, speed limit and lane count are bounded by their PhysicalRange (ScenarioRanges).
            if (l.LaneKinds is { } kinds && kinds.Count != l.Lanes)
                Error($"{p}.lane_kinds", $"lane_kinds lists {kinds.Count} lanes but lanes is {l.Lanes}; give one kind per lane");
        }
    }

    private void CheckNodeRef(string id, string path)
    {
        if (!_intersections.ContainsKey(id) && !_boundaries.Contains(id))
            Error(path, $"unknown node '{id}'; it must be the id of an intersection or a boundary");
    }

    private bool Unique<T>(Dictionary<string, T> seen, string id, T value, string path, string what)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            Error(path, $"the {what} id is empty");
            return false;
        }
        if (!seen.TryAdd(id, value))
        {
            Error(path, $"{what} id '{id}' is used twice; ids must be unique");
            return false;
        }
        return true;
    }

    private void Positive(double value, string path, string what)
    {
        if (!(value > 0) || double.IsInfinity(value)) Error(path, $"{what} is {value}; it must be a positive number");
    }

    private static bool IsMultiple(double value, double step)
    {
        var ratio = SimTime.FromSeconds(value) / (double)SimTime.FromSeconds(step);
        return Math.Abs(ratio - Math.Round(ratio)) < 1e-9;
    }

    private static string Known(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list.Select(x => $"'{x}'"));
    }
}
