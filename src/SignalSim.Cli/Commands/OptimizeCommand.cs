// `signalsim optimize [SCENARIO] --strategy NAME [--objective person-delay] [--out DIR] ...`:
// searches the common cycle, every intersection's offset and optionally the splits, starting from
// a strategy, on common random numbers; checks the result against the start on fresh seeds and
// writes it as a strategy the scenario can include. Ctrl+C keeps the best timings found so far.
using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using SignalSim.Core.Scenario;
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Optimisation;
using SignalSim.Analysis.Replications;
using SignalSim.Core.Output;

namespace SignalSim.Cli.Commands;

public sealed class OptimizeCommand(CliConsole console, ScenarioSource scenarios, IOptions<CliSettings> settings) : CliCommand
{
    /// <summary>The command's name and one-line description (constants: the help listing uses them without loading the command).</summary>
    public const string Name = "optimize", Summary = "Search the common cycle, offsets and optionally splits from a strategy; check the result on fresh seeds and write it as a strategy.";

    public const int DefaultSearchReplications = 5;

    private readonly Argument<string?> _scenario = new("SCENARIO")
    {
        Arity = ArgumentArity.ZeroOrOne,
        Description = "Scenario file (JSON); the embedded Porte de Choisy scenario when omitted.",
    };

    private readonly Option<string> _strategy = new("--strategy")
    {
        HelpName = "NAME",
        Description = "Strategy to start from ('base' for a scenario without strategies).",
        Required = true,
    };

    private readonly Option<string> _objective = new("--objective")
    {
        HelpName = "NAME",
        Description = "What to minimise: person-delay (default; occupancy-weighted, pedestrians included) or vehicle-delay.",
        DefaultValueFactory = _ => Objectives.Words[0],
    };

    private readonly Option<int?> _replications = new("--replications")
    {
        HelpName = "N",
        Description = $"Replications per candidate during the search (default {DefaultSearchReplications}).",
        CustomParser = OptionParsers.Replications,
    };

    private readonly Option<int?> _evaluation = new("--evaluation-replications")
    {
        HelpName = "N",
        Description = $"Fresh replications on which the result is checked against the start (default {CompareCommand.DefaultReplications}).",
        CustomParser = OptionParsers.Replications,
    };

    private readonly Option<bool> _keepCycle = new("--keep-cycle") { Description = "Keep the starting common cycle (the longest in force) instead of searching it." };

    private readonly Option<double?> _minCycle = new("--min-cycle")
    {
        HelpName = "S",
        Description = $"Shortest common cycle searched (default {OptimisationRequest.DefaultMinCycleS:0} s).",
        CustomParser = r => OptionParsers.CycleS(r, "--min-cycle"),
    };

    private readonly Option<double?> _maxCycle = new("--max-cycle")
    {
        HelpName = "S",
        Description = $"Longest common cycle searched (default {OptimisationRequest.DefaultMaxCycleS:0} s, the Paris maximum).",
        CustomParser = r => OptionParsers.CycleS(r, "--max-cycle"),
    };

    private readonly Option<bool> _splits = new("--splits") { Description = "Also search the green splits, within minimum greens and intergreens." };

    private readonly Option<ulong?> _seed = new("--seed")
    {
        HelpName = "N",
        Description = "Base seed of the search and evaluation seeds (default: the scenario's simulation.seed).",
        CustomParser = OptionParsers.Seed,
    };

    private readonly Option<int?> _threads = CommonOptions.Threads();

    private readonly Option<double?> _duration = CommonOptions.Duration();

    private readonly Option<string?> _out = new("--out")
    {
        HelpName = "DIR",
        Description = "Folder for strategy.json, optimisation.md, search.csv and the evaluation tables (default: results/optimize).",
    };

    protected override Command Define()
    {
        _objective.AcceptOnlyFromAmong([.. Objectives.Words]);
        return new Command(Name, Summary)
        {
            _scenario, _strategy, _objective, _replications, _evaluation, _keepCycle, _minCycle, _maxCycle, _splits, _seed, _threads, _duration, _out,
        };
    }

    protected override int Execute(ParseResult parseResult, CancellationToken cancellation)
    {
        var outDir = parseResult.GetValue(_out) ?? settings.Value.DefaultOptimizeFolder;
        var scenarioPath = parseResult.GetValue(_scenario);
        string[] names = [OptimisationOutput.StrategyFileName, OptimisationOutput.SearchFileName, OptimisationOutput.EvaluationCsvFileName, OptimisationOutput.EvaluationMdFileName, OptimisationOutput.SummaryFileName];
        if (OwnedOutputFolder.FindProblem(outDir, names, [scenarioPath]) is { } problem) throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: {problem}");
        var loaded = scenarios.Load(scenarioPath, cancellation);
        ReportWarnings(console, loaded);
        var scenario = loaded.Scenario;
        var request = new OptimisationRequest(
            scenario,
            parseResult.GetValue(_strategy)!,
            Objectives.Parse(parseResult.GetValue(_objective)!),
            parseResult.GetValue(_replications) ?? DefaultSearchReplications,
            parseResult.GetValue(_evaluation) ?? CompareCommand.DefaultReplications,
            parseResult.GetValue(_seed) ?? scenario.Simulation.Seed,
            parseResult.GetValue(_duration),
            parseResult.GetValue(_threads) ?? Environment.ProcessorCount,
            !parseResult.GetValue(_keepCycle),
            parseResult.GetValue(_minCycle) ?? OptimisationRequest.DefaultMinCycleS,
            parseResult.GetValue(_maxCycle) ?? OptimisationRequest.DefaultMaxCycleS,
            parseResult.GetValue(_splits));

        Optimiser optimiser;
        try
        {
            optimiser = new Optimiser(request);
        }
        catch (StudyInputException e)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: {e.Message}");
        }
        using var folder = RunCommand.CreateFolder(outDir); // before the search: an unwritable place is refused at once
        var progress = new ProgressDisplay(console, "optimize");
        var result = optimiser.Run(progress.Report, cancellation);
        progress.Finish();
        if (double.IsNaN(result.StartObjective))
        {
            console.Report("cancelled", "stopped before the starting strategy was evaluated; nothing was written");
            return ExitCodes.Cancelled;
        }

        var info = new StudyInfo(scenario.Name.Text(LocalizedText.English), loaded.SourceName, request.DurationS ?? scenario.Simulation.DurationS, scenario.Simulation.WarmupS, request.BaseSeed, "fresh evaluation seeds, none used by the search", scenario.Simulation.CooldownS);
        try
        {
            OptimisationOutput.Write(folder.StagingPath, result, request, info);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: cannot write to '{outDir}': {e.Message}");
        }
        RunCommand.CommitFolder(folder, outDir);
        Report(result, request, folder.TargetPath);
        if (!result.Cancelled) return ExitCodes.Ok;
        console.Report("cancelled", "stopped early; the best timings found so far are written, marked as partial");
        return ExitCodes.Cancelled;
    }

    private void Report(OptimisationResult r, OptimisationRequest request, string folder)
    {
        var c = CultureInfo.InvariantCulture;
        var unit = request.Objective.Unit();
        var w = console.Out;
        w.WriteLine(string.Create(c, $"{request.Objective.Word()} from '{r.Start.Id}': {r.StartObjective:0.00} → {r.BestObjective:0.00} {unit} on {request.SearchReplications} search replications ({r.Trace.Count} candidates)"));
        if (r.Gain is { } g)
        {
            var ci = g.Ci95Low is { } lo && g.Ci95High is { } hi ? string.Create(c, $" (95 % CI {lo:0.00} to {hi:0.00}{(g.Significant ? ", significant" : ", not significant")})") : "";
            w.WriteLine(string.Create(c, $"on {g.Count} fresh replications: {g.Mean:+0.00;-0.00;0.00} {unit} against '{r.Start.Id}'{ci}"));
        }
        w.WriteLine($"strategy '{r.Optimised.Id}' in {Path.Combine(folder, OptimisationOutput.StrategyFileName)}; summary in {OptimisationOutput.SummaryFileName}");
    }
}
