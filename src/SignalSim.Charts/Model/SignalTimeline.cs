// The state of each signal group over time, rebuilt from signals.csv (initial state, then every
// change): intervals of constant state that the charts draw as bands and bars.
using SignalSim.Charts.Results;
using SignalSim.Core.Signals;

namespace SignalSim.Charts.Model;

public readonly record struct SignalInterval(double FromS, double ToS, SignalState State);

public sealed class SignalTimeline
{
    private readonly Dictionary<(string Intersection, string Group), List<SignalInterval>> _intervals;

    public SignalTimeline(IReadOnlyList<SignalRow> rows, double endS)
    {
        _intervals = [];
        foreach (var series in rows.GroupBy(r => (r.Intersection, r.Group)))
        {
            var changes = series.OrderBy(r => r.TimeS).ToList();
            var list = new List<SignalInterval>(changes.Count);
            for (var i = 0; i < changes.Count; i++)
            {
                var to = i + 1 < changes.Count ? changes[i + 1].TimeS : Math.Max(endS, changes[i].TimeS);
                if (to > changes[i].TimeS) list.Add(new SignalInterval(changes[i].TimeS, to, changes[i].State));
            }
            _intervals[series.Key] = list;
        }
        EndS = endS;
    }

    public double EndS { get; }

    /// <summary>Intervals overlapping [fromS, toS), clipped to it.</summary>
    public IEnumerable<SignalInterval> Between(string intersection, string group, double fromS, double toS)
    {
        if (!_intervals.TryGetValue((intersection, group), out var list)) yield break;
        foreach (var i in list)
        {
            if (i.ToS <= fromS || i.FromS >= toS) continue;
            yield return i with { FromS = Math.Max(i.FromS, fromS), ToS = Math.Min(i.ToS, toS) };
        }
    }

    /// <summary>Whether the group shows green at a time.</summary>
    public bool IsGreen(string intersection, string group, double timeS)
    {
        if (!_intervals.TryGetValue((intersection, group), out var list)) return false;
        var lo = 0;
        var hi = list.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (list[mid].ToS <= timeS) lo = mid + 1;
            else if (list[mid].FromS > timeS) hi = mid - 1;
            else return list[mid].State == SignalState.Green;
        }
        return false;
    }
}
