// `signalsim validate SCENARIO [--timings]`: checks a scenario file without running it. Runs
// without the Generic Host (see CommandCatalog), so it must not depend on DI-only services.
using System.CommandLine;
using SignalSim.Core;

namespace SignalSim.Cli.Commands;

public sealed class ValidateCommand(CliConsole console, ScenarioSource scenarios) : CliCommand
{
    /// <summary>The command's name and one-line description (constants: the help listing uses them without loading the command).</summary>
    public const string Name = "validate", Summary = "Check a scenario file without running it: syntax, fields, references, signal safety and capacity.";

    private readonly Argument<string> _scenario = new("SCENARIO")
    {
        Description = "Path of the scenario file (JSON) to check.",
    };

    private readonly Option<bool> _timings = CommonOptions.Timings();

    protected override Command Define() => new(Name, Summary)
    {
        _scenario, _timings,
    };

    protected override int Execute(ParseResult parseResult, CancellationToken cancellation)
    {
        var path = parseResult.GetValue(_scenario) ?? throw new InvalidOperationException("SCENARIO is required by the parser");
        var times = parseResult.GetValue(_timings) ? new StageTimes() : null;
        var loaded = scenarios.Load(path, cancellation, times);
        ReportWarnings(console, loaded);
        console.Out.WriteLine($"{path}: valid");
        TimingsReport.Write(console, Name, times);
        return ExitCodes.Ok;
    }
}
