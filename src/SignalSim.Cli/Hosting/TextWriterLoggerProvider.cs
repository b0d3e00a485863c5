// Logging to the diagnostics stream (stderr) as plain one-line messages. The console logger of
// Microsoft.Extensions.Logging writes to the process console directly; this one writes to the
// injected stream, so tests see what a user would see. Quiet by default (warnings and above).
using Microsoft.Extensions.Logging;

namespace SignalSim.Cli.Hosting;

internal sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(this);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message, Exception? exception)
    {
        var line = $"{CliConsole.ProgramName}: {Word(level)}: {message}";
        lock (_gate)
        {
            writer.WriteLine(line);
            if (exception is not null) writer.WriteLine(exception.ToString());
        }
    }

    private static string Word(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        _ => "critical",
    };

    private sealed class TextWriterLogger(TextWriterLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // Filtering by level is done by the logging framework from configuration.
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            provider.Write(logLevel, formatter(state, exception), exception);
        }
    }
}
