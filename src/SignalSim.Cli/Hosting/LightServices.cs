// What `run` and `validate` use instead of the Generic Host, which costs about a tenth of a second
// of start-up (configuration, DI, the hosting assemblies) for a command that needs none of it: the
// same SIGNALSIM_ settings and default log level read straight from the environment, the same
// stderr logger, and Ctrl+C and SIGTERM turned into a cancellation of the running command as the
// host's console lifetime does. Any SIGNALSIM_ variable it does not understand (a per-category log
// level, a misspelt setting) sends the command through the host instead, so behaviour never
// depends on which path was taken.
using System.Collections;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace SignalSim.Cli.Hosting;

internal sealed class LightServices : IDisposable
{
    private const string Prefix = "SIGNALSIM_";
    private const string LogLevelKey = "Logging:LogLevel:Default";

    private readonly CancellationTokenSource _cancel;
    private readonly PosixSignalRegistration[] _signals;
    private readonly ILoggerProvider _provider;

    private LightServices(CliConsole console, CliSettings settings, LogLevel minimum, CancellationToken caller)
    {
        Settings = settings;
        _provider = new TextWriterLoggerProvider(console.Error);
        Loggers = new LevelLoggerFactory(_provider, minimum);
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(caller);
        _signals =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop),
            PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop),
        ];
    }

    public CliSettings Settings { get; }

    public ILoggerFactory Loggers { get; }

    /// <summary>Cancelled by the caller's token or by a termination signal.</summary>
    public CancellationToken Cancellation => _cancel.Token;

    /// <summary>
    /// The light services for this process's environment, or null when a SIGNALSIM_ variable asks
    /// for something only the host's configuration understands.
    /// </summary>
    public static LightServices? ForEnvironment(CliConsole console, CancellationToken caller)
    {
        var settings = new CliSettings();
        var minimum = LogLevel.Warning; // as CliHost
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) continue;
            var key = name[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal);
            var value = (string?)variable.Value ?? "";
            if (Is(key, LogLevelKey))
            {
                if (!Enum.TryParse(value, ignoreCase: true, out minimum)) return null;
            }
            else if (Is(key, $"{CliSettings.Section}:{nameof(CliSettings.DefaultOutputFolder)}")) settings.DefaultOutputFolder = value;
            else if (Is(key, $"{CliSettings.Section}:{nameof(CliSettings.DefaultCompareFolder)}")) settings.DefaultCompareFolder = value;
            else if (Is(key, $"{CliSettings.Section}:{nameof(CliSettings.DefaultOptimizeFolder)}")) settings.DefaultOptimizeFolder = value;
            else return null;
        }
        return new LightServices(console, settings, minimum, caller);
    }

    private static bool Is(string key, string expected) => string.Equals(key, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Keeps the process alive (the command stops itself at the next check of its token and exits with 130).</summary>
    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _cancel.Cancel();
    }

    public void Dispose()
    {
        foreach (var s in _signals) s.Dispose();
        _cancel.Dispose();
        _provider.Dispose();
    }

    /// <summary>Loggers of one provider, below a minimum level silent (the host filters the same way from configuration).</summary>
    private sealed class LevelLoggerFactory(ILoggerProvider provider, LogLevel minimum) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new LevelLogger(provider.CreateLogger(categoryName), minimum);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("the light services log to stderr only");

        public void Dispose()
        {
        }
    }

    private sealed class LevelLogger(ILogger inner, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
