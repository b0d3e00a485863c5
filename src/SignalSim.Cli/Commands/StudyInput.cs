// Checks shared by compare and optimize that turn a study's inputs into what the analysis runs,
// reporting mistakes as invalid input (exit code 2).
using SignalSim.Analysis.Replications;
using SignalSim.Core.Scenario;

namespace SignalSim.Cli.Commands;

internal static class StudyInput
{
    public static IReadOnlyList<StrategyRun> Strategies(ScenarioFile scenario, IReadOnlyList<string>? names, CliConsole console)
    {
        IReadOnlyList<StrategyRun> strategies;
        try
        {
            strategies = StrategyRun.Select(scenario, names);
        }
        catch (StudyInputException e)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: {e.Message}");
        }
        if (scenario.Strategies.Count == 0)
        {
            console.Report("note", $"the scenario defines no strategies; it runs as a single strategy '{StrategyRun.BaseId}' (replication statistics, no differences)");
        }
        else if (names is { Count: > 0 } && strategies.FirstOrDefault(s => s.IsBaseline) is { } baseline && !names.Contains(baseline.Id))
        {
            console.Report("note", $"baseline '{baseline.Id}' added: differences are taken against it");
        }
        return strategies;
    }
}
