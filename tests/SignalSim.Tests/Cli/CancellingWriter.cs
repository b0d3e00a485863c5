// A stderr for in-process runs that cancels the command, as Ctrl+C would, once a line containing
// a marker is written (e.g. the first progress line), so cancellation tests need no timing guess.
namespace SignalSim.Tests.Cli;

/// <summary>A stderr that cancels the command when a line containing the marker is written.</summary>
internal sealed class CancellingWriter(string marker, CancellationTokenSource cancel) : StringWriter
{
    private readonly Lock _gate = new();

    public string Text
    {
        get
        {
            lock (_gate) return ToString();
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate) base.WriteLine(value);
        if (value?.Contains(marker, StringComparison.Ordinal) == true) cancel.Cancel();
    }

    public override void Write(string? value)
    {
        lock (_gate) base.Write(value);
        if (value?.Contains(marker, StringComparison.Ordinal) == true) cancel.Cancel();
    }
}
