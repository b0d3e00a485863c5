// What `--timings` prints on stderr after a command: the wall-clock time of each stage, their
// total, and the time since the process started (runtime start-up and JIT included), so a user
// sees where a command's seconds go. Timing never changes a command's files or stdout.
using System.Diagnostics;
using System.Globalization;
using SignalSim.Core;

namespace SignalSim.Cli;

internal static class TimingsReport
{
    public static void Write(CliConsole console, string command, StageTimes? times)
    {
        if (times is null) return;
        var c = CultureInfo.InvariantCulture;
        var width = Math.Max(5, times.Stages.Count == 0 ? 0 : times.Stages.Max(s => s.Stage.Length));
        console.Error.WriteLine($"{CliConsole.ProgramName} {command}: timings (wall clock)");
        var total = TimeSpan.Zero;
        foreach (var (stage, elapsed) in times.Stages)
        {
            console.Error.WriteLine(string.Create(c, $"  {stage.PadRight(width)} {elapsed.TotalMilliseconds,9:0.0} ms"));
            total += elapsed;
        }
        console.Error.WriteLine(string.Create(c, $"  {"total".PadRight(width)} {total.TotalMilliseconds,9:0.0} ms, {SinceProcessStart().TotalMilliseconds:0} ms since the process started"));
    }

    private static TimeSpan SinceProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return DateTime.Now - process.StartTime;
    }
}
