// `signalsim export sumo SCENARIO [--strategy NAME] --out DIR`: the scenario, as one strategy runs
// it (the baseline by default), as SUMO input with a README of what SUMO cannot express. The
// files are staged and moved into DIR only when complete (README.md last).
using System.CommandLine;
using SignalSim.Analysis.Interop.Sumo;
using SignalSim.Analysis.Replications;
using SignalSim.Core.Output;

namespace SignalSim.Cli.Commands;

public sealed class ExportCommand(CliConsole console, ScenarioSource scenarios) : CliCommand
{
    public const string Name = "export";
    public const string Summary = "Write a scenario in another tool's format.";

    private readonly Argument<string> _scenario = new("SCENARIO") { Description = "Scenario file (JSON) to export." };

    private readonly Option<string?> _strategy = new("--strategy")
    {
        HelpName = "NAME",
        Description = "Strategy whose signal plans are exported (default: the baseline; 'base' for a scenario without strategies).",
    };

    private readonly Option<string> _out = new("--out")
    {
        HelpName = "DIR",
        Description = "Folder for the SUMO files.",
        Required = true,
    };

    protected override Command Define()
    {
        var sumo = new Command("sumo", "Write the scenario as SUMO input: nodes, edges, connections, fixed-time programs, flows, lines, vehicle types, .sumocfg; builds the .net.xml when netconvert is on the PATH.")
        {
            _scenario, _strategy, _out,
        };
        sumo.SetAction((parseResult, cancellation) => Task.FromResult(Execute(parseResult, cancellation)));
        return new Command(Name, Summary) { sumo };
    }

    protected override int Execute(ParseResult parseResult, CancellationToken cancellation)
    {
        if (parseResult.CommandResult.Command.Name != "sumo")
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: export needs a format; the one available is 'sumo': {CliConsole.ProgramName} export sumo SCENARIO --out DIR");
        var outDir = parseResult.GetValue(_out)!;
        var scenarioPath = parseResult.GetValue(_scenario);
        if (OwnedOutputFolder.FindProblem(outDir, SumoExportResult.AllFileNames, [scenarioPath]) is { } problem)
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: {problem}");
        var loaded = scenarios.Load(scenarioPath);
        ReportWarnings(console, loaded);
        var name = parseResult.GetValue(_strategy);
        StrategyRun strategy;
        try
        {
            var runs = StrategyRun.Select(loaded.Scenario, name is null ? null : [name]);
            strategy = name is null ? runs.First(r => r.IsBaseline) : runs.First(r => r.Id == name);
        }
        catch (StudyInputException e)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --strategy: {e.Message}");
        }

        using var folder = RunCommand.CreateFolder(outDir);
        var result = SumoExporter.Export(strategy.Scenario, strategy.Id, folder.StagingPath);
        cancellation.ThrowIfCancellationRequested();
        // A netconvert on the PATH that rejects the files is a defect of the export, not of the scenario.
        if (!result.NetworkBuilt && SumoTools.Find("netconvert") is not null)
            throw new InvalidOperationException(result.NetconvertMessage ?? "netconvert failed");
        RunCommand.CommitFolder(folder, outDir);
        console.Out.WriteLine($"SUMO files of '{loaded.Scenario.Name}' (strategy '{strategy.Id}') in {folder.TargetPath}: {string.Join(", ", result.Files)}");
        if (result.NetconvertMessage is { } message) console.Out.WriteLine(message);
        console.Out.WriteLine($"{result.Limitations.Count} features SUMO does not get are listed in {Path.Combine(folder.TargetPath, SumoExportResult.ReadmeFileName)}");
        return ExitCodes.Ok;
    }
}
