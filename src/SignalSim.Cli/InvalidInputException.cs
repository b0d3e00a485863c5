// A mistake in what the user gave (paths, option values): its lines are printed as they are and
// the process exits with ExitCodes.InvalidInput. Scenario file errors use ScenarioException.
namespace SignalSim.Cli;

public sealed class InvalidInputException(params string[] lines) : Exception(string.Join(Environment.NewLine, lines))
{
    public IReadOnlyList<string> Lines { get; } = lines;
}
