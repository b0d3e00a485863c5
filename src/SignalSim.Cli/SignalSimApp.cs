// The signalsim application: builds the host when the command needs it (see CommandCatalog),
// parses the command line, runs the chosen command and turns every outcome into an exit code
// (see ExitCodes). Callable in-process, with the two output streams and a cancellation token
// supplied by the caller.
using System.CommandLine;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SignalSim.Cli.Commands;
using SignalSim.Cli.Hosting;
using SignalSim.Core.Engine;
using SignalSim.Core.Scenario;

namespace SignalSim.Cli;

public static class SignalSimApp
{
    /// <summary>The program version written into summary.json.</summary>
    public static string Version { get; } =
        typeof(SignalSimApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SignalSimApp).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation) =>
        RunAsync(args, stdout, stderr, cancellation, configureServices: null);

    /// <summary>As the public overload, with extra service registrations (tests add commands that fail on purpose).</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation,
        Action<IServiceCollection>? configureServices)
    {
        var console = new CliConsole(stdout, stderr);
        Action<Exception>? logFailure = null; // set once the host's logging exists
        try
        {
            if (configureServices is null && !CommandCatalog.NeedsHost(args) && LightServices.ForEnvironment(console, cancellation) is { } light)
            {
                using (light) return await RunWithoutHostAsync(args, console, light).ConfigureAwait(false);
            }

            return await RunWithHostAsync(args, console, configureServices, log => logFailure = log, cancellation).ConfigureAwait(false);
        }
        catch (ScenarioException e)
        {
            foreach (var d in e.Diagnostics) stderr.WriteLine(d.Format(e.FileName));
            return ExitCodes.InvalidInput;
        }
        catch (InvalidInputException e)
        {
            foreach (var line in e.Lines) stderr.WriteLine(line);
            return ExitCodes.InvalidInput;
        }
        catch (SafetyViolationException e)
        {
            console.Report("unsafe signal state", $"{e.Message}; the run was stopped and no result was written");
            return ExitCodes.UnsafeSignalState;
        }
        catch (OperationCanceledException)
        {
            console.Report("cancelled", "stopped before completion; no result was written");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            logFailure?.Invoke(e);
            console.Report("unexpected error", $"{e.GetType().Name}: {OneLine(e.Message)}");
            return ExitCodes.UnexpectedFailure;
        }
    }

    /// <summary>The commands that need configuration, logging, DI and the console lifetime (Ctrl+C), in a separate method so that the light path never loads the hosting assemblies.</summary>
    private static async Task<int> RunWithHostAsync(string[] args, CliConsole console, Action<IServiceCollection>? configureServices,
        Action<Action<Exception>> setFailureLog, CancellationToken cancellation)
    {
        using var host = CliHost.Build(console, configureServices);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignalSimApp));
        setFailureLog(e => logger.LogDebug(e, "Unexpected failure"));
        var root = BuildRootCommand(host.Services.GetServices<CliCommand>().Select(c => c.Command));
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not System.CommandLine.Help.HelpAction) return ReportParseErrors(console, parseResult);

        await host.StartAsync(cancellation).ConfigureAwait(false);
        try
        {
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, lifetime.ApplicationStopping);
            return await parseResult.InvokeAsync(Invocation(console), linked.Token).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// `--help`, `--version`, `run`, `validate` and mistyped command lines: no host (no
    /// configuration or DI to build, see LightServices) and no chart code loaded, so they answer at
    /// once. The other commands appear in the help listing by name and summary only.
    /// </summary>
    private static async Task<int> RunWithoutHostAsync(string[] args, CliConsole console, LightServices light)
    {
        var scenarios = new ScenarioSource(new Logger<ScenarioSource>(light.Loggers));
        Command[] commands =
        [
            new RunCommand(console, scenarios, Microsoft.Extensions.Options.Options.Create(light.Settings), new Logger<RunCommand>(light.Loggers)).Command,
            new ValidateCommand(console, scenarios).Command,
        ];
        var root = BuildRootCommand(CommandCatalog.ListingWithout(commands));
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not System.CommandLine.Help.HelpAction) return ReportParseErrors(console, parseResult);
        return await parseResult.InvokeAsync(Invocation(console), light.Cancellation).ConfigureAwait(false);
    }

    private static InvocationConfiguration Invocation(CliConsole console) => new()
    {
        Output = console.Out,
        Error = console.Error,
        EnableDefaultExceptionHandler = false, // exceptions are mapped to exit codes in RunAsync
        ProcessTerminationTimeout = null,     // Ctrl+C is owned by the host's console lifetime or by LightServices
    };

    private static RootCommand BuildRootCommand(IEnumerable<Command> commands)
    {
        var root = new RootCommand("SignalSim: discrete-time simulation of signalised corridors run by several regulation centres.");
        foreach (var command in commands) root.Subcommands.Add(command);
        return root;
    }

    private static int ReportParseErrors(CliConsole console, ParseResult parseResult)
    {
        foreach (var error in parseResult.Errors) console.Report("error", error.Message);
        var path = CommandPath(parseResult.CommandResult);
        console.Error.WriteLine($"Run '{path} --help' for usage.");
        return ExitCodes.InvalidInput;
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var r = result; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Add(r.Parent is null ? CliConsole.ProgramName : r.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
