// Allocation of a deterministic step loop, step by step, over two identical runs.
//
// GC.GetAllocatedBytesForCurrentThread now and then charges the thread a few kilobytes at a
// random step although nothing is allocated there (measured: 4.6–8 KB inside a loop that only
// reads and writes arrays, at a different step on every run, with no collection in between,
// with tiered compilation on or off). A loop that really allocates does it at the same step
// every time it is run on the same inputs, so a step counts as allocating only when it does so
// in both runs.
namespace SignalSim.Tests.Signals;

internal static class StepAllocations
{
    /// <summary>
    /// Builds two fresh set-ups with <paramref name="newRun"/> (each returns its step action),
    /// warms each up, then measures every one of <paramref name="measuredSteps"/> steps; returns the
    /// steps that allocated in both runs, with their bytes.
    /// </summary>
    public static List<(int Step, long FirstBytes, long SecondBytes)> InBothRuns(Func<Action<int>> newRun, int warmUpSteps, int measuredSteps)
    {
        var first = Measure(newRun(), warmUpSteps, measuredSteps);
        var second = Measure(newRun(), warmUpSteps, measuredSteps);
        var both = new List<(int, long, long)>();
        for (var k = 0; k < measuredSteps; k++)
        {
            if (first[k] != 0 && second[k] != 0) both.Add((warmUpSteps + k, first[k], second[k]));
        }
        return both;
    }

    public static string Describe(List<(int Step, long FirstBytes, long SecondBytes)> steps) =>
        string.Join(", ", steps.Take(10).Select(s => $"step {s.Step}: {s.FirstBytes} B and {s.SecondBytes} B"));

    private static long[] Measure(Action<int> step, int warmUpSteps, int measuredSteps)
    {
        for (var k = 0; k < warmUpSteps; k++) step(k);
        var bytes = new long[measuredSteps];
        for (var k = 0; k < measuredSteps; k++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            step(warmUpSteps + k);
            bytes[k] = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        return bytes;
    }
}
