// The rows of a run's files that the charts use, each with the reader of its file. Columns not
// listed are ignored, so producers may add columns without breaking the charts; the listed ones
// are required and checked.
using SignalSim.Core.Signals;

namespace SignalSim.Charts.Results;

/// <summary>trips.csv: one finished trip (travel-time charts draw finished trips; unfinished rows, finished = no, are skipped).</summary>
public readonly record struct TripRow(string Mode, string Demand, string Route, double DepartS, double TravelTimeS, double DelayS)
{
    public const string FileName = "trips.csv";
    public static readonly string[] Columns = ["mode", "demand", "route", "depart_s", "travel_time_s", "delay_s"];

    public static List<TripRow> Read(string path) => CsvFile.ReadAll(path, Columns, c => c.OptionalText("finished") == "no"
            ? (TripRow?)null
            : new TripRow(c.Text("mode"), c.Text("demand"), c.Text("route"), c.Number("depart_s"), c.Number("travel_time_s"), c.Number("delay_s")))
        .OfType<TripRow>().ToList();
}

/// <summary>
/// trips.csv for the person-delay: every measured vehicle, finished or not (an unfinished one
/// carries the delay accumulated by the end of the run), with its vehicle class for the occupancy.
/// </summary>
public readonly record struct VehicleDelayRow(string Mode, string VehicleClass, double DepartS, double DelayS, bool Finished)
{
    public static readonly string[] Columns = ["mode", "vehicle_class", "depart_s", "delay_s"];

    public static List<VehicleDelayRow> Read(string path) => CsvFile.ReadAll(path, Columns, c =>
        new VehicleDelayRow(c.Text("mode"), c.Text("vehicle_class"), c.Number("depart_s"), c.Number("delay_s"), c.OptionalText("finished") != "no"));
}

/// <summary>pedestrians.csv: a measured pedestrian's arrival at the kerb and wait (so far, for one still waiting at the end).</summary>
public readonly record struct PedestrianWaitRow(double ArrivalS, double WaitS)
{
    public const string FileName = "pedestrians.csv";
    public static readonly string[] Columns = ["arrival_s", "wait_s"];

    public static List<PedestrianWaitRow> Read(string path) => CsvFile.ReadAll(path, Columns, c => new PedestrianWaitRow(c.Number("arrival_s"), c.Number("wait_s")));
}

/// <summary>approaches.csv: one queue sample of an approach.</summary>
public readonly record struct QueueRow(double TimeS, string Intersection, string Centre, string Approach, int QueuedVeh, double QueueLengthM)
{
    public const string FileName = "approaches.csv";
    public static readonly string[] Columns = ["time_s", "intersection", "centre", "approach", "queued_veh", "queue_length_m"];

    public static List<QueueRow> Read(string path) => CsvFile.ReadAll(path, Columns, c =>
        new QueueRow(c.Number("time_s"), c.Text("intersection"), c.Text("centre"), c.Text("approach"), c.Integer("queued_veh"), c.Number("queue_length_m")));
}

/// <summary>signals.csv: a signal group's state from this time on.</summary>
public readonly record struct SignalRow(double TimeS, string Intersection, string Centre, string Group, SignalState State)
{
    public const string FileName = "signals.csv";
    public static readonly string[] Columns = ["time_s", "intersection", "centre", "group", "state"];

    public static List<SignalRow> Read(string path) => CsvFile.ReadAll(path, Columns, c =>
        new SignalRow(c.Number("time_s"), c.Text("intersection"), c.Text("centre"), c.Text("group"), ParseState(c)));

    private static SignalState ParseState(CsvFile c) => c.Text("state") switch
    {
        "green" => SignalState.Green,
        "amber" => SignalState.Amber,
        "red" => SignalState.Red,
        var other => throw c.Bad("state", other, "one of green, amber, red"),
    };
}

/// <summary>transitions.csv: a plan change at an intersection, from the old plan's cycle time 0 to the new plan on its offset.</summary>
public readonly record struct TransitionRow(string Intersection, string FromPlan, string ToPlan, string Method, double StartS, double EndS)
{
    public const string FileName = "transitions.csv";
    public static readonly string[] Columns = ["intersection", "from_plan", "to_plan", "method", "start_s", "end_s"];

    public static List<TransitionRow> Read(string path) => CsvFile.ReadAll(path, Columns, c =>
        new TransitionRow(c.Text("intersection"), c.Text("from_plan"), c.Text("to_plan"), c.Text("method"), c.Number("start_s"), c.Number("end_s")));
}

/// <summary>trajectories.csv: a vehicle's position on its link at a sample time.</summary>
public readonly record struct TrajectoryRow(double TimeS, int VehicleId, string Mode, string Link, double PositionM, double SpeedMps)
{
    public const string FileName = "trajectories.csv";
    public static readonly string[] Columns = ["time_s", "vehicle_id", "mode", "link", "position_m", "speed_mps"];

    public static List<TrajectoryRow> Read(string path) => CsvFile.ReadAll(path, Columns, c =>
        new TrajectoryRow(c.Number("time_s"), c.Integer("vehicle_id"), c.Text("mode"), c.Text("link"), c.Number("position_m"), c.Number("speed_mps")));
}

/// <summary>
/// crossings.csv: a vehicle crossing an approach's stop line. delay_s is the stop-line delay
/// (deceleration, queueing, and any dwell at a stop on the approach); dwell_s is that dwell.
/// group names the signal group that served the vehicle, empty when unknown. red_delay_s is the
/// part of delay_s − dwell_s lost while the vehicle's signal was red or amber (null in files
/// written before SignalSim recorded it).
/// </summary>
public readonly record struct CrossingRow(double TimeS, string Intersection, string Approach, string Group, int VehicleId, string Mode, double DelayS, double DwellS, double? RedDelayS = null)
{
    public const string FileName = "crossings.csv";
    public static readonly string[] Columns = ["time_s", "intersection", "approach", "vehicle_id", "mode", "delay_s"];

    /// <summary>The columns a producer should write; group, dwell_s and red_delay_s are optional for the reader.</summary>
    public static readonly string[] ProposedColumns = ["time_s", "intersection", "centre", "approach", "exit_link", "group", "vehicle_id", "mode", "delay_s", "dwell_s", "red_delay_s"];

    /// <summary>When the vehicle would have reached the stop line without delay: the Purdue diagram's arrival.</summary>
    public double ArrivalS => TimeS - DelayS;

    public double SignalDelayS => DelayS - DwellS;

    /// <summary>Time lost in front of the red (or amber) signal, within the stop-line delay less dwell; null when the file does not say.</summary>
    public double? AtRedS => RedDelayS is { } red ? Math.Clamp(red, 0, Math.Max(SignalDelayS, 0)) : null;

    /// <summary>Time lost at green (the queue moving off, the traffic ahead): the rest of the stop-line delay less dwell.</summary>
    public double? AtGreenS => AtRedS is { } red ? SignalDelayS - red : null;

    public static List<CrossingRow> Read(string path) => CsvFile.ReadAll(path, Columns, c =>
        new CrossingRow(c.Number("time_s"), c.Text("intersection"), c.Text("approach"), c.OptionalText("group") ?? "",
            c.Integer("vehicle_id"), c.Text("mode"), c.Number("delay_s"), c.OptionalNumber("dwell_s") ?? 0, c.OptionalNumber("red_delay_s")));
}

/// <summary>
/// comparison.csv: one strategy and mode, over all replications; unfinished per replication is null in files written before it existed. The person-delay and delay
/// columns are optional for the reader (older folders lack them); the note's summary needs them.
/// </summary>
public readonly record struct ComparisonRow(
    string Strategy, string Mode, int Trips, double MeanTravelTimeS, double Ci95LowS, double Ci95HighS, double P90TravelTimeS,
    double MeanDelayS, double? DiffVsBaselineS, double? DiffCi95LowS, double? DiffCi95HighS, double? UnfinishedPerReplication = null)
{
    public const string FileName = "comparison.csv";
    public const string AllModes = "all";
    public static readonly string[] Columns =
        ["strategy", "mode", "trips", "mean_travel_time_s", "ci95_low_s", "ci95_high_s", "p90_travel_time_s", "mean_delay_s",
         "diff_vs_baseline_s", "diff_ci95_low_s", "diff_ci95_high_s"];

    /// <summary>Trips per replication (trips_per_replication), when the file gives it.</summary>
    public double? TripsPerReplication { get; init; }

    /// <summary>Paired difference of the mean delay per trip (for pedestrians: the wait), in seconds.</summary>
    public Interval? DelayDiffS { get; init; }

    /// <summary>Mean person-delay over the measured period, in person-hours.</summary>
    public double? PersonDelayH { get; init; }

    /// <summary>Paired difference of the person-delay against the baseline, in person-hours.</summary>
    public Interval? PersonDelayDiffH { get; init; }

    /// <summary>Figures of a mode without trips may be empty; they read as NaN and are not drawn.</summary>
    public static List<ComparisonRow> Read(string path) => CsvFile.ReadAll(path, Columns, c => new ComparisonRow(
        c.Text("strategy"), c.Text("mode"), c.Integer("trips"), c.OptionalNumber("mean_travel_time_s") ?? double.NaN,
        c.OptionalNumber("ci95_low_s") ?? double.NaN, c.OptionalNumber("ci95_high_s") ?? double.NaN,
        c.OptionalNumber("p90_travel_time_s") ?? double.NaN, c.OptionalNumber("mean_delay_s") ?? double.NaN,
        c.OptionalNumber("diff_vs_baseline_s"), c.OptionalNumber("diff_ci95_low_s"), c.OptionalNumber("diff_ci95_high_s"),
        c.OptionalNumber("unfinished_per_replication"))
    {
        TripsPerReplication = c.OptionalNumber("trips_per_replication"),
        DelayDiffS = Interval.Read(c, "delay_diff_vs_baseline_s", "delay_diff_ci95_low_s", "delay_diff_ci95_high_s"),
        PersonDelayH = c.OptionalNumber("person_delay_h"),
        PersonDelayDiffH = Interval.Read(c, "person_delay_diff_h", "person_delay_diff_ci95_low_h", "person_delay_diff_ci95_high_h"),
    });
}

/// <summary>
/// A mean with its 95 % interval (bounds null with a single replication). Significant when the
/// interval excludes zero, the rule comparison.csv writes in its *_significant columns.
/// </summary>
public readonly record struct Interval(double Mean, double? Low, double? High)
{
    public bool Significant => Low is { } low && High is { } high && (low > 0 || high < 0);

    /// <summary>True when the interval holds zero: the sign of the mean is not established.</summary>
    public bool CrossesZero => !Significant;

    internal static Interval? Read(CsvFile c, string mean, string low, string high) =>
        c.OptionalNumber(mean) is { } m ? new Interval(m, c.OptionalNumber(low), c.OptionalNumber(high)) : null;
}
