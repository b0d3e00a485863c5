// The scenario's network as SUMO sees it: nodes, edges with per-lane permissions, lane-to-lane
// connections from the movements, and each connection's signal link index. Built once, then
// written by SumoExporter into the plain XML files netconvert reads.
using SignalSim.Core.Scenario;

namespace SignalSim.Analysis.Interop.Sumo;

internal sealed record SumoNode(string Id, double XM, double YM, bool Signalised);

internal sealed record SumoEdge(string Id, string From, string To, double LengthM, double SpeedMps, IReadOnlyList<LaneKind> Lanes, IReadOnlyList<(double X, double Y)>? Shape);

/// <summary>One SUMO connection; LinkIndex is its position in the intersection's tlLogic state string.</summary>
internal sealed record SumoConnection(string Intersection, string From, int FromLane, string To, int ToLane, string Group, int LinkIndex);

internal sealed class SumoNetwork
{
    // Lateral spacing of parallel links between the same two nodes (a road and its tram or cycle track).
    private const double ParallelSpacingM = 3.5;

    public required IReadOnlyList<SumoNode> Nodes { get; init; }
    public required IReadOnlyList<SumoEdge> Edges { get; init; }
    public required IReadOnlyList<SumoConnection> Connections { get; init; }

    /// <summary>The SUMO vehicle classes a SignalSim lane kind admits (general lanes: every mode but trams).</summary>
    public static IReadOnlyList<string> AllowedClasses(LaneKind kind) => kind switch
    {
        LaneKind.General => ["passenger", "bus", "bicycle"],
        LaneKind.Bus => ["bus", "bicycle"],
        LaneKind.Tram => ["tram"],
        LaneKind.Cycle => ["bicycle"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string VehicleClass(TravelMode mode) => mode switch
    {
        TravelMode.Car => "passenger",
        TravelMode.Bus => "bus",
        TravelMode.Tram => "tram",
        TravelMode.Cycle => "bicycle",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static IReadOnlyList<LaneKind> LaneKindsOf(LinkSpec link) =>
        link.LaneKinds is { Count: > 0 } kinds ? kinds : Enumerable.Repeat(LaneKind.General, link.Lanes).ToList();

    public static SumoNetwork Build(ScenarioFile s)
    {
        var nodes = new List<SumoNode>();
        foreach (var x in s.Intersections) nodes.Add(new SumoNode(x.Id, x.XM ?? 0, x.YM ?? 0, Signalised: true));
        foreach (var b in s.Boundaries) nodes.Add(new SumoNode(b.Id, b.XM ?? 0, b.YM ?? 0, Signalised: false));
        var position = nodes.ToDictionary(n => n.Id, n => (X: n.XM, Y: n.YM), StringComparer.Ordinal);

        // Links sharing the same two nodes in the same direction get shapes offset to the right,
        // so that netconvert sees separate carriageways instead of overlapping ones.
        var seenPairs = new Dictionary<(string, string), double>();
        var edges = new List<SumoEdge>();
        foreach (var link in s.Links)
        {
            var lanes = LaneKindsOf(link);
            seenPairs.TryGetValue((link.From, link.To), out var offsetM);
            seenPairs[(link.From, link.To)] = offsetM + lanes.Count * ParallelSpacingM + 1;
            IReadOnlyList<(double, double)>? shape = null;
            if (offsetM > 0)
            {
                var (x0, y0) = position[link.From];
                var (x1, y1) = position[link.To];
                var len = Math.Max(1e-6, Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)));
                var (nx, ny) = ((y1 - y0) / len * offsetM, -(x1 - x0) / len * offsetM); // to the right of travel
                shape = [(x0 + nx, y0 + ny), (x1 + nx, y1 + ny)];
            }
            edges.Add(new SumoEdge(link.Id, link.From, link.To, link.LengthM, link.SpeedLimitKmh / 3.6, lanes, shape));
        }

        var linkById = s.Links.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var connections = new List<SumoConnection>();
        foreach (var x in s.Intersections)
        {
            var index = 0;
            foreach (var m in x.Movements)
            {
                var fromKinds = LaneKindsOf(linkById[m.From]);
                var toKinds = LaneKindsOf(linkById[m.To]);
                var approachLanes = m.Lanes is { Count: > 0 } given ? given.Order().ToList() : Enumerable.Range(0, fromKinds.Count).ToList();
                for (var k = 0; k < approachLanes.Count; k++)
                {
                    var lane = approachLanes[k];
                    var toLane = ExitLane(fromKinds[lane], toKinds, k, approachLanes.Count);
                    if (toLane < 0) continue; // no class may make this lane-to-lane move (e.g. a tram track into a road)
                    connections.Add(new SumoConnection(x.Id, m.From, lane, m.To, toLane, m.Group, index++));
                }
            }
        }
        return new SumoNetwork { Nodes = nodes, Edges = edges, Connections = connections };
    }

    /// <summary>
    /// The exit lane for the k-th of n approach lanes of a movement: among exit lanes admitting a
    /// class of the approach lane, the one nearest the same relative position across the road
    /// (SignalSim's vehicles pick their lane on entering the next link; SUMO's then change lanes).
    /// </summary>
    private static int ExitLane(LaneKind from, IReadOnlyList<LaneKind> to, int k, int n)
    {
        var fromClasses = AllowedClasses(from);
        var target = n <= 1 ? 0.0 : (double)k / (n - 1) * (to.Count - 1);
        var best = -1;
        var bestDistance = double.MaxValue;
        for (var j = 0; j < to.Count; j++)
        {
            if (!AllowedClasses(to[j]).Intersect(fromClasses).Any()) continue;
            // Prefer a lane admitting every class of the approach lane, so that cars on a general
            // lane do not land on a bus lane they may not use; then the lane nearest the target.
            var admitsAll = fromClasses.All(AllowedClasses(to[j]).Contains);
            var distance = Math.Abs(j - target) + (admitsAll ? 0 : 10);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = j;
            }
        }
        return best;
    }
}
