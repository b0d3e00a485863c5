// Runs SUMO on exported files for the cross-check tests, and reads what it says: warnings sorted
// into behaviour (braking, accepted) and everything else (a fault of the export), and mean travel
// times from tripinfo. SUMO is a CI dependency (.ci/run installs Debian's sumo package).
using System.Globalization;
using System.Xml.Linq;
using SignalSim.Analysis.Interop.Sumo;

namespace SignalSim.Tests.Interop;

internal static class SumoRunner
{
    // Warnings about the traffic itself, not about the files: SUMO's vehicles braking hard at a
    // light that turned red in front of them.
    private static readonly string[] BehaviourWarnings = ["performs emergency braking", "performs emergency stop"];

    // netconvert's notes on the network's ends: boundaries where parallel links meet and lanes
    // that no movement feeds or leaves (a bus lane starting at a boundary, an exit at a boundary).
    private static readonly string[] TopologyNotes = ["Ambiguity in turnarounds computation", "is not connected from any incoming edge", "is not connected to outgoing edges"];

    public static string Tool(string name) => SumoTools.Find(name)
        ?? throw new InvalidOperationException($"{name} is not on the PATH: install Debian's sumo package (apt-get install -y sumo), as .ci/run does");

    /// <summary>Lines of stderr that are neither behaviour warnings nor the known topology notes.</summary>
    public static List<string> UnexpectedMessages(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !BehaviourWarnings.Any(l.Contains) && !TopologyNotes.Any(l.Contains))
            .ToList();

    public static ToolOutcome Sumo(string folder, params string[] extra) =>
        SumoTools.Run(Tool("sumo"), folder, ["-c", SumoExportResult.ConfigFileName, "--no-step-log", "true", .. extra]);

    /// <summary>Mean of duration + departDelay (SignalSim's travel time) over trips of the types that depart at or after <paramref name="fromS"/>.</summary>
    public static (double MeanS, int Trips) MeanTravelTime(string tripinfoPath, double fromS, Func<string, bool> type)
    {
        var trips = XDocument.Load(tripinfoPath).Root!.Elements("tripinfo")
            .Where(t => D(t, "depart") >= fromS && type((string)t.Attribute("vType")!))
            .Select(t => D(t, "duration") + D(t, "departDelay"))
            .ToList();
        return (trips.Count == 0 ? double.NaN : trips.Average(), trips.Count);
    }

    private static double D(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);
}
