// How the arrivals of a Purdue diagram are measured. A field log only knows when a vehicle
// switched the advance loop on; the ATSPM method moves that time forward by the loop's distance
// to the stop line at the speed limit (`detector`). A results folder also knows when each vehicle
// would have reached the stop line undelayed (`undelayed`: crossing time minus stop-line delay),
// which is the truer arrival but is not what a field tool measures: a driver slower or faster
// than the limit, or slowed before the loop, is placed differently by the two. Comparing field
// and simulation is meaningful only with the same method on both sides.
using SignalSim.Charts.Results;

namespace SignalSim.Charts.FieldData;

public enum ArrivalsMethod
{
    /// <summary>SignalSim's own record: each vehicle's undelayed arrival at the stop line (crossings.csv).</summary>
    Undelayed,

    /// <summary>The field method: advance-detector on events projected to the stop line at a fixed speed.</summary>
    Detector,
}

public static class ArrivalsMethods
{
    public static readonly IReadOnlyList<string> Words = ["detector", "undelayed"];

    /// <summary>The word of a method, as the command line and arrivals-on-green.csv write it.</summary>
    public static string Word(this ArrivalsMethod method) => method == ArrivalsMethod.Detector ? "detector" : "undelayed";

    /// <summary>Parses "detector" or "undelayed" (the --arrivals option).</summary>
    public static ArrivalsMethod Parse(string text) => text switch
    {
        "detector" => ArrivalsMethod.Detector,
        "undelayed" => ArrivalsMethod.Undelayed,
        _ => throw new ChartOptionException($"--arrivals: '{text}' is not a method; give detector (the field method: advance loop projected at the speed limit) or undelayed (SignalSim's undelayed arrivals)"),
    };
}

/// <summary>The detector the detector method used, and the speed it projected at: said in the chart and the CSV.</summary>
public sealed record DetectorProjection(int Channel, double DistanceToStopLineM, double SpeedKmh);
