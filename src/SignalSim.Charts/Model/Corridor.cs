// A corridor: a chain of links in travel order, with the distance of every stop line along it,
// the intersection and centre behind each, and the signal group that lets corridor traffic on.
// By default the longest route of the scenario (demand routes and public-transport lines), which
// on a porte scenario runs through both centres' intersections.
using SignalSim.Charts.Results;
using SignalSim.Core.Scenario;

namespace SignalSim.Charts.Model;

/// <summary>A stop line on the corridor: at the end of <see cref="ApproachLink"/>, <see cref="DistanceM"/> from the start.</summary>
public sealed record CorridorStopLine(double DistanceM, string ApproachLink, string Intersection, LocalizedText IntersectionName, string Centre, string? Group);

public sealed class Corridor
{
    private readonly Dictionary<string, double> _linkStartM;

    private Corridor(IReadOnlyList<LinkSpec> links, IReadOnlyList<CorridorStopLine> stopLines)
    {
        Links = links;
        StopLines = stopLines;
        _linkStartM = new Dictionary<string, double>(StringComparer.Ordinal);
        var at = 0.0;
        foreach (var link in links)
        {
            _linkStartM[link.Id] = at;
            at += link.LengthM;
        }
        LengthM = at;
    }

    public IReadOnlyList<LinkSpec> Links { get; }
    public IReadOnlyList<CorridorStopLine> StopLines { get; }
    public double LengthM { get; }

    /// <summary>"first-link → last-link", for titles.</summary>
    public string Describe() => Links.Count == 1 ? Links[0].Id : $"{Links[0].Id} → {Links[^1].Id}";

    /// <summary>Distance along the corridor of a position on a link, or null when the link is not on it.</summary>
    public double? Distance(string link, double positionM) => _linkStartM.TryGetValue(link, out var start) ? start + positionM : null;

    public bool Contains(string link) => _linkStartM.ContainsKey(link);

    /// <summary>The given chain (checked: known links, each starting where the previous ends) or the longest route.</summary>
    public static Corridor Build(ScenarioFile scenario, IReadOnlyList<string>? linkIds = null)
    {
        var byId = scenario.Links.ToDictionary(l => l.Id, StringComparer.Ordinal);
        List<LinkSpec> chain;
        if (linkIds is { Count: > 0 })
        {
            chain = [];
            foreach (var id in linkIds)
            {
                if (!byId.TryGetValue(id, out var link))
                    throw new ChartOptionException($"--corridor: no link '{id}' in scenario '{scenario.Name}'");
                if (chain.Count > 0 && chain[^1].To != link.From)
                    throw new ChartOptionException($"--corridor: link '{id}' starts at '{link.From}', not where '{chain[^1].Id}' ends ('{chain[^1].To}'); list links in travel order");
                chain.Add(link);
            }
        }
        else
        {
            var routes = scenario.Demand.SelectMany(d => d.Routes.Select(r => r.Links)).Concat(scenario.Lines.Select(l => l.Links));
            var longest = routes.Select(r => (Links: r, Length: r.Sum(id => byId.TryGetValue(id, out var l) ? l.LengthM : 0)))
                .Aggregate((Links: (IReadOnlyList<string>)[], Length: -1.0), (best, r) => r.Length > best.Length ? r : best);
            chain = longest.Links.Select(id => byId[id]).ToList();
            if (chain.Count == 0) throw new ChartOptionException($"scenario '{scenario.Name}' has no route to draw a corridor along; give --corridor");
        }
        return new Corridor(chain, StopLinesOf(scenario, chain));
    }

    private static List<CorridorStopLine> StopLinesOf(ScenarioFile scenario, List<LinkSpec> chain)
    {
        var intersections = scenario.Intersections.ToDictionary(x => x.Id, StringComparer.Ordinal);
        var stops = new List<CorridorStopLine>();
        var at = 0.0;
        for (var i = 0; i < chain.Count; i++)
        {
            at += chain[i].LengthM;
            if (!intersections.TryGetValue(chain[i].To, out var x)) continue;
            var next = i + 1 < chain.Count ? chain[i + 1].Id : null;
            var group = x.Movements.FirstOrDefault(m => m.From == chain[i].Id && m.To == next)?.Group
                ?? x.Movements.FirstOrDefault(m => m.From == chain[i].Id)?.Group;
            stops.Add(new CorridorStopLine(at, chain[i].Id, x.Id, x.Name ?? LocalizedText.Plain(x.Id), x.Centre, group));
        }
        return stops;
    }
}
