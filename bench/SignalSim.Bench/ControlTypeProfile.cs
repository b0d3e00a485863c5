// ControlTypeUpdateBenchmarks timed by the CPU time of the measuring thread instead of the wall
// clock, for a machine shared with other jobs, where wall-clock figures mostly measure the
// waiting for a core:
//   dotnet run -c Release --project bench/SignalSim.Bench -- control-profile [passes]
// Each pass sets a case up afresh (its one-second warm-up included) and times 20 blocks of 16
// invocations of 1,000 steps, the benchmark's iterations; a pass's figure is the median block,
// and the cases take turns pass by pass so that a change of load touches them all alike. Printed
// per case: the lowest and the median of the passes' figures, ns per step, and the bytes the
// thread allocated over the measured blocks. The thread clock is Linux's; elsewhere the harness
// says so and falls back to the wall clock.
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SignalSim.Bench;

public static class ControlTypeProfile
{
    private const int Blocks = 20;
    private const int InvocationsPerBlock = 16;
    private const int StepsPerInvocation = 1000;

    private static readonly string[] Cases = ["fixed-time", "fixed-time-with-priority", "actuated-with-priority", "preemption"];

    public static int Run(string[] args)
    {
        var passes = args.Length > 0 && int.TryParse(args[0], out var p) && p > 0 ? p : 5;
        if (!OperatingSystem.IsLinux()) Console.WriteLine("no thread CPU clock here: timing with the wall clock");
        var figures = Cases.ToDictionary(c => c, _ => new List<double>());
        var allocated = Cases.ToDictionary(c => c, _ => 0L);
        var blocks = new double[Blocks];
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var c in Cases)
            {
                var bench = new ControlTypeUpdateBenchmarks { Control = c };
                bench.Setup();
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                for (var b = 0; b < Blocks; b++)
                {
                    var start = ThreadNs();
                    for (var i = 0; i < InvocationsPerBlock; i++) bench.UpdateAllControllers();
                    blocks[b] = (ThreadNs() - start) / (double)(InvocationsPerBlock * StepsPerInvocation);
                }
                allocated[c] += GC.GetAllocatedBytesForCurrentThread() - bytes;
                Array.Sort(blocks);
                figures[c].Add(blocks[Blocks / 2]);
            }
        }
        Console.WriteLine($"{"case",-26} {"lowest",9} {"median",9}  ns per step (thread CPU time, {passes} passes)  allocated");
        foreach (var c in Cases)
        {
            var f = figures[c].Order().ToArray();
            Console.WriteLine($"{c,-26} {f[0],9:0.0} {f[f.Length / 2],9:0.0}  {allocated[c],38:N0} B");
        }
        return 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    private static long ThreadNs()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var t) == 0) return t.Seconds * 1_000_000_000 + t.Nanoseconds;
        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }
}
