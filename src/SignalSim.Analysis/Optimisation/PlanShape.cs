// A fixed-time plan seen as a sequence of intervals between the cycle times where some green
// starts or ends. Intervals where no group is green are clearances (amber and all-red, the
// intergreens) and keep their length; intervals with some green stretch or shrink. Retiming to a
// new cycle, or shifting green between intervals (splits), moves every boundary but keeps their
// order, so conflicting groups never overlap and every intergreen that lies in a clearance is
// kept. What else a new timing might break (minimum greens, an intergreen spanning a green of a
// third group) is left to the scenario validator, which every candidate passes before it runs.
using SignalSim.Core;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;

namespace SignalSim.Analysis.Optimisation;

internal sealed class PlanShape
{
    /// <summary>Timings are rounded to this, so that plans read well (0.1 s).</summary>
    public const long ResolutionTicks = 100;

    private readonly string[] _groupIds;
    private readonly long[] _boundaries;            // cycle times, increasing, in [0, cycle)
    private readonly long[] _lengths;               // interval i runs from boundary i to i + 1 (cyclically)
    private readonly (int Start, int End)[] _groups; // boundary indices of each group's window; (-1, -1) without green

    public PlanShape(FixedTimePlan plan, string[] groupIds)
    {
        _groupIds = groupIds;
        CycleTicks = plan.CycleTicks;
        OffsetTicks = plan.OffsetTicks;
        var points = new SortedSet<long>();
        foreach (var w in plan.Windows.Where(w => w.HasGreen))
        {
            points.Add(w.StartTicks);
            points.Add(SimTime.Mod(w.EndTicks, plan.CycleTicks));
        }
        _boundaries = points.ToArray();
        _lengths = new long[_boundaries.Length];
        var green = new bool[_boundaries.Length];
        for (var i = 0; i < _boundaries.Length; i++)
        {
            var next = i + 1 < _boundaries.Length ? _boundaries[i + 1] : _boundaries[0] + plan.CycleTicks;
            _lengths[i] = next - _boundaries[i];
            green[i] = plan.Windows.Any(w => w.IsGreen(_boundaries[i]));
        }
        _groups = plan.Windows.Select(w => w.HasGreen
            ? (Array.IndexOf(_boundaries, w.StartTicks), Array.IndexOf(_boundaries, SimTime.Mod(w.EndTicks, plan.CycleTicks)))
            : (-1, -1)).ToArray();
        GreenIntervals = Enumerable.Range(0, _boundaries.Length).Where(i => green[i]).ToArray();
        ClearanceTicks = Enumerable.Range(0, _boundaries.Length).Where(i => !green[i]).Sum(i => _lengths[i]);
    }

    public long CycleTicks { get; }
    public long OffsetTicks { get; }

    /// <summary>Intervals with some green: the ones splits redistribute time between.</summary>
    public int[] GreenIntervals { get; }

    /// <summary>Total length of the intervals without green, which no retiming changes.</summary>
    public long ClearanceTicks { get; }

    /// <summary>
    /// The plan with the given cycle, offset and relative weights of the green intervals (1 each
    /// keeps the current split); null when the clearances alone fill the cycle.
    /// </summary>
    public PlanSpec? Retime(long cycleTicks, long offsetTicks, IReadOnlyList<double> weights)
    {
        var lengths = (long[])_lengths.Clone();
        var first = _boundaries.Length > 0 ? _boundaries[0] : 0;
        var unchanged = cycleTicks == CycleTicks && weights.All(w => w == 1);
        if (!unchanged)
        {
            var greenTicks = cycleTicks - ClearanceTicks;
            if (greenTicks <= 0 || GreenIntervals.Length == 0) return null;
            var weighted = GreenIntervals.Select((i, k) => _lengths[i] * weights[k]).Sum();
            var longest = GreenIntervals[0];
            for (var k = 0; k < GreenIntervals.Length; k++)
            {
                var i = GreenIntervals[k];
                lengths[i] = Round(greenTicks * _lengths[i] * weights[k] / weighted);
                if (lengths[i] > lengths[longest]) longest = i;
            }
            lengths[longest] += greenTicks - GreenIntervals.Sum(i => lengths[i]); // rounding left-over
            if (GreenIntervals.Any(i => lengths[i] <= 0)) return null;
            first = SimTime.Mod(Round(first * (double)cycleTicks / CycleTicks), cycleTicks);
        }
        var positions = new long[_boundaries.Length];
        var t = first;
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = SimTime.Mod(t, cycleTicks);
            t += lengths[i];
        }
        var greens = new Dictionary<string, GreenWindowSpec>(StringComparer.Ordinal);
        for (var g = 0; g < _groups.Length; g++)
        {
            var (start, end) = _groups[g];
            if (start < 0) continue;
            var endTicks = positions[end] == 0 ? cycleTicks : positions[end];
            greens[_groupIds[g]] = new GreenWindowSpec { StartS = SimTime.ToSeconds(positions[start]), EndS = SimTime.ToSeconds(endTicks) };
        }
        return new PlanSpec { CycleS = SimTime.ToSeconds(cycleTicks), OffsetS = SimTime.ToSeconds(SimTime.Mod(offsetTicks, cycleTicks)), Greens = greens };
    }

    public static long Round(double ticks) => (long)Math.Round(ticks / ResolutionTicks, MidpointRounding.AwayFromZero) * ResolutionTicks;
}
