// Wall-clock time spent in the named stages of a command (load, validate, simulation, ...), for
// `signalsim --timings`. Callers pass one in where they want a breakdown and null otherwise; a
// stage timed twice adds up. Timing reads the clock and never changes what a stage computes.
using System.Diagnostics;

namespace SignalSim.Core;

public sealed class StageTimes
{
    private readonly List<(string Stage, TimeSpan Elapsed)> _stages = [];

    /// <summary>Lists <paramref name="stages"/> first, in this order, whichever is timed first (stages a command always goes through).</summary>
    public StageTimes(params string[] stages)
    {
        foreach (var stage in stages) _stages.Add((stage, TimeSpan.Zero));
    }

    /// <summary>The stages in the order they were first timed, with their total time.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages => _stages;

    public void Add(string stage, TimeSpan elapsed)
    {
        var i = _stages.FindIndex(s => s.Stage == stage);
        if (i < 0) _stages.Add((stage, elapsed));
        else _stages[i] = (stage, _stages[i].Elapsed + elapsed);
    }

    /// <summary>Runs <paramref name="action"/> and adds its time to <paramref name="stage"/>; with no StageTimes it just runs it.</summary>
    public static T Measure<T>(StageTimes? times, string stage, Func<T> action)
    {
        if (times is null) return action();
        var started = Stopwatch.GetTimestamp();
        try
        {
            return action();
        }
        finally
        {
            times.Add(stage, Stopwatch.GetElapsedTime(started));
        }
    }

    public static void Measure(StageTimes? times, string stage, Action action) =>
        Measure<object?>(times, stage, () =>
        {
            action();
            return null;
        });
}
