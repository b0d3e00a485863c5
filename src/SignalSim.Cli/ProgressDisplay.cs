// Progress of long commands on stderr: runs done, runs left and the time left at the throughput so
// far. On an interactive terminal one line is rewritten in place; otherwise (a file, a pipe, a
// test) a line is written after the first run, at each new stage, at most every few seconds
// otherwise, and at the end.
using System.Globalization;
using SignalSim.Analysis.Replications;

namespace SignalSim.Cli;

internal sealed class ProgressDisplay(CliConsole console, string label)
{
    private static readonly TimeSpan InteractiveInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly bool _interactive = ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected;
    private TimeSpan? _lastShown;
    private int _lastDone;
    private string? _lastStage;
    private int _lastLength;

    private string Stage { get; set; } = "";

    /// <summary>Safe to call from several threads.</summary>
    public void Report(RunProgress p) => Report(Stage, p);

    /// <summary>As <see cref="Report(RunProgress)"/>, naming what is being done (e.g. "offsets").</summary>
    public void Report(string stage, RunProgress p)
    {
        lock (_gate)
        {
            Stage = stage;
            var interval = _interactive ? InteractiveInterval : LogInterval;
            // Workers report in any order; a count lower than one already shown is stale.
            if (p.Done <= _lastDone) return;
            var newStage = Stage != _lastStage;
            if (!newStage && p.Done != 1 && p.Done != p.Total && _lastShown is { } last && p.Elapsed - last < interval) return;
            _lastShown = p.Elapsed;
            _lastStage = Stage;
            _lastDone = p.Done;
            var prefix = Stage.Length > 0 ? $" {Stage}:" : "";
            var state = p.Done == p.Total
                ? $"{p.Done}/{p.Total} runs done in {Duration(p.Elapsed)}"
                : $"{p.Done}/{p.Total} runs done, {p.Left} left" + (p.Remaining is { } r ? $", about {Duration(r)} left" : ", estimating the time left");
            var line = $"{CliConsole.ProgramName} {label}:{prefix} {state}";
            if (_interactive)
            {
                console.Error.Write("\r" + line.PadRight(_lastLength));
                _lastLength = line.Length;
            }
            else
            {
                console.Error.WriteLine(line);
            }
        }
    }

    /// <summary>Ends the rewritten line so that later messages start on their own.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_interactive && _lastLength > 0) console.Error.WriteLine();
            _lastLength = 0;
        }
    }

    public static string Duration(TimeSpan t)
    {
        var seconds = Math.Max(0, (int)Math.Ceiling(t.TotalSeconds));
        return seconds < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min {seconds % 60:00} s");
    }
}
