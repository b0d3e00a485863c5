// `signalsim run [SCENARIO] [--seed N] [--duration S | --period HH:MM-HH:MM] [--trajectories S] [--events] [--out DIR] [--timings]`: one
// simulation, written to DIR (see RunOutputWriter for the files), with a short report on stdout.
// Every check of the user's input happens before the output folder is touched.
using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;

namespace SignalSim.Cli.Commands;

public sealed class RunCommand(CliConsole console, ScenarioSource scenarios, IOptions<CliSettings> settings, ILogger<RunCommand> logger) : CliCommand
{
    /// <summary>The command's name and one-line description (constants: the help listing uses them without loading the command).</summary>
    public const string Name = "run", Summary = "Run one simulation and write its result files (trips, approaches, crossings, signals, pedestrians, priority, summary).";

    private readonly Argument<string?> _scenario = new("SCENARIO")
    {
        Arity = ArgumentArity.ZeroOrOne,
        Description = "Scenario file (JSON); the embedded Porte de Choisy scenario when omitted.",
    };

    private readonly Option<ulong?> _seed = new("--seed")
    {
        HelpName = "N",
        Description = "Master random seed, overriding the scenario's simulation.seed.",
        CustomParser = OptionParsers.Seed,
    };

    private readonly Option<double?> _duration = CommonOptions.Duration();

    private readonly Option<double?> _trajectories = new("--trajectories")
    {
        HelpName = "S",
        Description = "Also record vehicle trajectories (trajectories.csv) for S seconds after the warm-up, for time-space diagrams.",
        CustomParser = OptionParsers.DurationS,
    };

    private readonly Option<bool> _events = new("--events")
    {
        Description = "Also write the controller event log (controller_events.csv, Indiana hi-resolution codes) and its phase and detector map (controller_events_map.csv).",
    };

    private readonly Option<string?> _out = new("--out")
    {
        HelpName = "DIR",
        Description = "Folder for the result files (default: results/run).",
    };

    private readonly Option<bool> _timings = CommonOptions.Timings();

    private readonly Option<MeasuredWindow?> _period = PeriodOption.Create();

    protected override Command Define() => new(Name, Summary)
    {
        _scenario, _seed, _duration, _period, _trajectories, _events, _out, _timings,
    };

    protected override int Execute(ParseResult parseResult, CancellationToken cancellation)
    {
        var outDir = parseResult.GetValue(_out) ?? settings.Value.DefaultOutputFolder;
        var scenarioPath = parseResult.GetValue(_scenario);
        string[] names = [.. RunOutputWriter.FileNames, TrajectoriesCsvWriter.FileName];
        if (OwnedOutputFolder.FindProblem(outDir, names, [scenarioPath]) is { } problem) throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: {problem}");

        var times = parseResult.GetValue(_timings)
            ? new StageTimes(ScenarioLoader.LoadStage, ScenarioLoader.ValidateStage, ModelBuildStage, SimulationStage, RunOutputWriter.MetricsStage, RunOutputWriter.WritingStage)
            : null;
        var loaded = scenarios.Load(scenarioPath, cancellation, times);
        ReportWarnings(console, loaded);
        var scenario = PeriodOption.Apply(loaded.Scenario, parseResult.GetValue(_period), parseResult.GetValue(_duration), loaded.SourceName);
        var recording = parseResult.GetValue(_trajectories) is { } windowS
            ? RecordingOptions.TrajectoriesAfterWarmup(scenario.Simulation.WarmupS, windowS)
            : RecordingOptions.None;
        logger.LogDebug("Building the model of {Source}", loaded.SourceName);
        var model = StageTimes.Measure(times, ModelBuildStage,
            () => SimulationModelBuilder.Build(scenario, parseResult.GetValue(_seed), parseResult.GetValue(_duration), recording));
        cancellation.ThrowIfCancellationRequested(); // a Ctrl+C during the build (linear in the scenario, well under a second) stops here
        logger.LogDebug("Loaded {Source}: {Links} links, {Intersections} intersections, seed {Seed}", loaded.SourceName, model.LinkCount, model.IntersectionIds.Length, model.Seed);

        using var folder = CreateFolder(outDir);
        var started = TimeProvider.System.GetTimestamp();
        var simulation = StageTimes.Measure(times, SimulationStage, () => new Simulation(model));
        cancellation.ThrowIfCancellationRequested();
        var result = StageTimes.Measure(times, SimulationStage, () => simulation.Run(cancellation));
        logger.LogInformation("Simulated {Updates} vehicle updates in {Elapsed:0.00} s", simulation.VehicleUpdates, TimeProvider.System.GetElapsedTime(started).TotalSeconds);

        var context = new RunContext(loaded.SourceName, SignalSimApp.Version, loaded.Warnings.Select(w => w.Format(loaded.SourceName)).ToList());
        var events = parseResult.GetValue(_events);
        var summary = RunOutputWriter.Write(result, context, folder.StagingPath, cancellation, events, times);
        cancellation.ThrowIfCancellationRequested();
        CommitFolder(folder, outDir);
        RunReport.Write(console.Out, summary, folder.TargetPath, RunOutputWriter.FileNamesOf(result, events));
        TimingsReport.Write(console, Name, times);
        return ExitCodes.Ok;
    }

    /// <summary>Stages of --timings besides the loader's and the writer's (the simulation includes its state set-up).</summary>
    private const string ModelBuildStage = "model build", SimulationStage = "simulation";

    /// <summary>Created before the simulation starts, so that an unwritable place is refused at once.</summary>
    internal static OwnedOutputFolder CreateFolder(string outDir)
    {
        try
        {
            return OwnedOutputFolder.Create(outDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: {e.Message}");
        }
    }

    internal static void CommitFolder(OwnedOutputFolder folder, string outDir)
    {
        try
        {
            folder.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: cannot write the result to '{outDir}': {e.Message}");
        }
    }
}
