// `signalsim validate SCENARIO`: checks a scenario file without running it.
using System.CommandLine;

namespace SignalSim.Cli.Commands;

public sealed class ValidateCommand(CliConsole console, ScenarioSource scenarios) : CliCommand
{
    private readonly Argument<string> _scenario = new("SCENARIO")
    {
        Description = "Path of the scenario file (JSON) to check.",
    };

    protected override Command Define() => new("validate", "Check a scenario file without running it: syntax, fields, references, signal safety and capacity.")
    {
        _scenario,
    };

    protected override int Execute(ParseResult parseResult, CancellationToken cancellation)
    {
        var path = parseResult.GetValue(_scenario) ?? throw new InvalidOperationException("SCENARIO is required by the parser");
        var loaded = scenarios.Load(path, cancellation);
        ReportWarnings(console, loaded);
        console.Out.WriteLine($"{path}: valid");
        return ExitCodes.Ok;
    }
}
