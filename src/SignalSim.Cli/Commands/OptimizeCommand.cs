// `signalsim optimize [SCENARIO] --strategy NAME [--objective person-delay] [--out DIR] ...`:
// searches the common cycle, every intersection's offset and optionally the splits, starting from
// a strategy, on common random numbers; checks the result against the start on fresh seeds and
// writes it as a strategy the scenario can include. With --objective pareto, searches the front
// between public-transport passengers' and car occupants' person-delay and writes its points as
// strategies (ParetoSearch). Ctrl+C keeps the best timings found so far. With --shard K/N and
// --exchange DIR, N processes running at the same time share out every batch of runs and swap
// their results through DIR (BatchExchange); shard 1 writes the result, the same as unsharded.
using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using SignalSim.Core.Scenario;
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Optimisation;
using SignalSim.Analysis.Replications;
using SignalSim.Analysis.Sharding;
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
        Description = "What to minimise: person-delay (default; occupancy-weighted, pedestrians included), vehicle-delay, or pareto (the front between bus and tram passengers' and car occupants' person-delay).",
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

    private readonly Option<int?> _frontPoints = new("--front-points")
    {
        HelpName = "N",
        Description = $"With --objective pareto: weightings searched, from cars alone to public transport alone ({ParetoSearch.MinPoints} to {ParetoSearch.MaxPoints}, default {ParetoSearch.DefaultPoints}).",
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

    private readonly ShardedOptimize _sharding = new();

    protected override Command Define()
    {
        _objective.AcceptOnlyFromAmong([.. Objectives.Words]);
        return new Command(Name, Summary)
        {
            _scenario, _strategy, _objective, _frontPoints, _replications, _evaluation, _keepCycle, _minCycle, _maxCycle, _splits, _seed, _threads, _duration, _out,
            _sharding.Shard, _sharding.Shards, _sharding.Exchange, _sharding.ExchangeTimeout,
        };
    }

    protected override int Execute(ParseResult parseResult, CancellationToken cancellation)
    {
        var outDir = parseResult.GetValue(_out) ?? settings.Value.DefaultOptimizeFolder;
        var scenarioPath = parseResult.GetValue(_scenario);
        var objective = Objectives.Parse(parseResult.GetValue(_objective)!);
        string[] names = objective == Objective.Pareto ? [.. ParetoOutput.FileNames]
            : [OptimisationOutput.StrategyFileName, OptimisationOutput.SearchFileName, OptimisationOutput.EvaluationCsvFileName, OptimisationOutput.EvaluationMdFileName, OptimisationOutput.SummaryFileName];
        if (objective != Objective.Pareto && parseResult.GetValue(_frontPoints) is not null)
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --front-points applies to --objective pareto only; remove it or add --objective pareto");
        var shard = _sharding.Resolve(parseResult, outDir);
        // Only shard 1 writes the result: the others leave --out alone (they may be given the same folder).
        var writes = shard is not { Index: > 1 };
        if (writes && OwnedOutputFolder.FindProblem(outDir, names, [scenarioPath]) is { } problem) throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: {problem}");
        var loaded = scenarios.Load(scenarioPath, cancellation);
        ReportWarnings(console, loaded);
        var scenario = loaded.Scenario;
        var request = new OptimisationRequest(
            scenario,
            parseResult.GetValue(_strategy)!,
            objective,
            parseResult.GetValue(_replications) ?? DefaultSearchReplications,
            parseResult.GetValue(_evaluation) ?? CompareCommand.DefaultReplications,
            parseResult.GetValue(_seed) ?? scenario.Simulation.Seed,
            parseResult.GetValue(_duration),
            parseResult.GetValue(_threads) ?? Environment.ProcessorCount,
            !parseResult.GetValue(_keepCycle),
            parseResult.GetValue(_minCycle) ?? OptimisationRequest.DefaultMinCycleS,
            parseResult.GetValue(_maxCycle) ?? OptimisationRequest.DefaultMaxCycleS,
            parseResult.GetValue(_splits));

        var frontPoints = parseResult.GetValue(_frontPoints) ?? ParetoSearch.DefaultPoints;
        var exchange = shard is { } spec ? _sharding.ExchangeFor(parseResult, spec, request, objective == Objective.Pareto ? frontPoints : null, console) : null;
        if (objective == Objective.Pareto) return ExecutePareto(request, frontPoints, outDir, loaded, exchange, writes, cancellation);
        Optimiser optimiser;
        try
        {
            optimiser = new Optimiser(request, batches: exchange);
        }
        catch (StudyInputException e)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: {e.Message}");
        }
        using var folder = writes ? RunCommand.CreateFolder(outDir) : null; // before the search: an unwritable place is refused at once
        var result = Search(report => optimiser.Run(report, cancellation));
        if (double.IsNaN(result.StartObjective))
        {
            console.Report("cancelled", "stopped before the starting strategy was evaluated; nothing was written");
            return ExitCodes.Cancelled;
        }
        if (folder is null) return ShardedOptimize.ReportOtherShard(console, exchange!, outDir, result.Cancelled);

        WriteAndCommit(folder, outDir, loaded, request, info => OptimisationOutput.Write(folder.StagingPath, result, request, info));
        Report(result, request, folder.TargetPath);
        if (!result.Cancelled) return ExitCodes.Ok;
        console.Report("cancelled", "stopped early; the best timings found so far are written, marked as partial");
        return ExitCodes.Cancelled;
    }

    private int ExecutePareto(OptimisationRequest request, int points, string outDir, LoadedScenario loaded, BatchExchange? exchange, bool writes, CancellationToken cancellation)
    {
        ParetoSearch search;
        try
        {
            search = new ParetoSearch(request, points, exchange);
        }
        catch (StudyInputException e)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: {e.Message}");
        }
        using var folder = writes ? RunCommand.CreateFolder(outDir) : null; // before the search: an unwritable place is refused at once
        var result = Search(report => search.Run(report, cancellation));
        if (double.IsNaN(result.StartSearch.CarPersonDelayH))
        {
            console.Report("cancelled", "stopped before the starting strategy was evaluated; nothing was written");
            return ExitCodes.Cancelled;
        }
        if (folder is null) return ShardedOptimize.ReportOtherShard(console, exchange!, outDir, result.Cancelled);
        WriteAndCommit(folder, outDir, loaded, request, info => ParetoOutput.Write(folder.StagingPath, result, request, info));
        var c = CultureInfo.InvariantCulture;
        var front = result.Front;
        console.Out.WriteLine(string.Create(c, $"pareto front from '{result.Start.Id}': {front.Count} of {result.Points.Count} distinct points on the front, checked on {request.EvaluationReplications} fresh replications"));
        foreach (var p in front)
            console.Out.WriteLine(string.Create(c, $"  {p.Strategy.Id}: public transport {p.Fresh!.TransitPersonDelayH:0.00} person-h, cars {p.Fresh.CarPersonDelayH:0.00} person-h (start {result.StartFresh!.TransitPersonDelayH:0.00} and {result.StartFresh.CarPersonDelayH:0.00})"));
        console.Out.WriteLine($"strategies in {Path.Combine(folder.TargetPath, ParetoOutput.StrategiesFileName)}; summary in {OptimisationOutput.SummaryFileName}");
        if (!result.Cancelled) return ExitCodes.Ok;
        console.Report("cancelled", "stopped early; the points found so far are written, marked as partial");
        return ExitCodes.Cancelled;
    }

    /// <summary>Runs a search with the progress display; what the user gave wrong (a study the search cannot run, a bad exchange folder) exits 2.</summary>
    private T Search<T>(Func<Action<string, RunProgress>, T> run)
    {
        var progress = new ProgressDisplay(console, "optimize");
        try
        {
            return run(progress.Report);
        }
        catch (StudyInputException e)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: {e.Message}");
        }
        catch (ShardFileException e)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --exchange: {e.Message}");
        }
        finally
        {
            progress.Finish();
        }
    }

    /// <summary>Writes the result into the staged folder (an unwritable place is the user's --out, exit 2) and swaps it in.</summary>
    private static void WriteAndCommit(OwnedOutputFolder folder, string outDir, LoadedScenario loaded, OptimisationRequest request, Action<StudyInfo> write)
    {
        var scenario = loaded.Scenario;
        var info = new StudyInfo(scenario.Name.Text(LocalizedText.English), loaded.SourceName, request.DurationS ?? scenario.Simulation.DurationS, scenario.Simulation.WarmupS, request.BaseSeed, "fresh evaluation seeds, none used by the search", scenario.Simulation.CooldownS);
        try
        {
            write(info);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: cannot write to '{outDir}': {e.Message}");
        }
        RunCommand.CommitFolder(folder, outDir);
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
