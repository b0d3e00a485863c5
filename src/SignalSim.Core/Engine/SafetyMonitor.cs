// Re-checks at every step what the loader checked on the plans, whatever priority does to them:
// conflicting groups are never green or amber together, intergreens and minimum greens (for
// pedestrians: clearance at 1.0 m/s) are respected. Durations are observed at step resolution,
// so each is allowed one step of rounding.
using SignalSim.Core.Model;
using SignalSim.Core.Signals;

namespace SignalSim.Core.Engine;

public sealed class SafetyMonitor
{
    private readonly SimulationModel _m;
    private readonly int[] _conflictA;       // global groups, one entry per directed conflict
    private readonly int[] _conflictB;
    private readonly long[] _intergreen;     // from the end of A's green to the start of B's
    private readonly long[] _minGreen;
    private readonly long[] _greenStart;
    private readonly long[] _greenEnd;
    private readonly SignalState[] _previous;

    public SafetyMonitor(SimulationModel model, ReadOnlySpan<SignalState> initial)
    {
        _m = model;
        var a = new List<int>();
        var b = new List<int>();
        var ig = new List<long>();
        _minGreen = new long[model.GroupCount];
        foreach (var c in model.Controllers)
        {
            foreach (var conflict in c.Conflicts)
            {
                a.Add(c.FirstGroup + conflict.From);
                b.Add(c.FirstGroup + conflict.To);
                ig.Add(conflict.IntergreenTicks);
            }
            for (var g = 0; g < c.GroupCount; g++) _minGreen[c.FirstGroup + g] = c.MinGreenTicks[g];
        }
        _conflictA = a.ToArray();
        _conflictB = b.ToArray();
        _intergreen = ig.ToArray();
        _greenStart = new long[model.GroupCount];
        _greenEnd = new long[model.GroupCount];
        Array.Fill(_greenStart, long.MinValue); // unknown: the green began before the run
        Array.Fill(_greenEnd, long.MinValue);
        _previous = initial.ToArray();
    }

    public void Check(long now, SignalState[] state)
    {
        var tolerance = _m.StepTicks;
        for (var g = 0; g < state.Length; g++)
        {
            var before = _previous[g];
            var after = state[g];
            if (before == after) continue;
            if (before == SignalState.Green)
            {
                if (_greenStart[g] != long.MinValue && now - _greenStart[g] < _minGreen[g] - tolerance)
                    Fail(g, g, now, $"green lasted {SimTime.ToSeconds(now - _greenStart[g]):0.0} s, below its minimum of {SimTime.ToSeconds(_minGreen[g]):0.0} s");
                _greenEnd[g] = now;
            }
            if (after == SignalState.Green) _greenStart[g] = now;
            _previous[g] = after;
        }
        for (var k = 0; k < _conflictA.Length; k++)
        {
            var a = _conflictA[k];
            var b = _conflictB[k];
            if (state[a] != SignalState.Red && state[b] != SignalState.Red)
                Fail(a, b, now, $"conflicting groups shown {state[a].ToString().ToLowerInvariant()} and {state[b].ToString().ToLowerInvariant()} together");
            if (_greenStart[b] == now && _greenEnd[a] != long.MinValue && now - _greenEnd[a] < _intergreen[k] - tolerance)
                Fail(a, b, now, $"green started {SimTime.ToSeconds(now - _greenEnd[a]):0.0} s after the conflicting green ended, less than the intergreen of {SimTime.ToSeconds(_intergreen[k]):0.0} s");
        }
    }

    private void Fail(int a, int b, long now, string rule)
    {
        var intersection = _m.IntersectionIds[_m.GroupIntersection[a]];
        var groups = a == b ? $"group '{Local(a)}'" : $"groups '{Local(a)}' and '{Local(b)}'";
        throw new SafetyViolationException(intersection, groups, now, rule);
    }

    private string Local(int g) => _m.GroupIds[g][(_m.GroupIds[g].IndexOf('/') + 1)..];
}
