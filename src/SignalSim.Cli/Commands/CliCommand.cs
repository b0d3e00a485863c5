// Base of the signalsim commands: each one is a DI-registered class that builds its
// System.CommandLine definition and runs it. Errors leave as exceptions (InvalidInputException,
// ScenarioException, OperationCanceledException) and SignalSimApp maps them to exit codes.
using System.CommandLine;
using SignalSim.Core.Scenario;

namespace SignalSim.Cli.Commands;

public abstract class CliCommand
{
    private Command? _command;

    /// <summary>The command's definition, with its action bound to <see cref="Execute"/>.</summary>
    public Command Command => _command ??= Bind(Define());

    protected abstract Command Define();

    protected abstract int Execute(ParseResult parseResult, CancellationToken cancellation);

    /// <summary>Scenario warnings go to stderr and never fail a command.</summary>
    protected static void ReportWarnings(CliConsole console, LoadedScenario loaded)
    {
        foreach (var warning in loaded.Warnings) console.Error.WriteLine(warning.Format(loaded.SourceName));
    }

    private Command Bind(Command command)
    {
        // Simulations are CPU-bound and poll the token themselves; nothing here awaits.
        command.SetAction((parseResult, cancellation) => Task.FromResult(Execute(parseResult, cancellation)));
        return command;
    }
}
