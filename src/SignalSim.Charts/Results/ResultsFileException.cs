// A results folder that cannot be charted: a file is missing, unreadable or not in the expected
// format. The message starts with the file's path so that the user knows which one to fix; the
// command line turns it into exit code 2 (invalid input).
namespace SignalSim.Charts.Results;

public sealed class ResultsFileException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>Path of the file (or folder) at fault, as given to the reader.</summary>
    public string FilePath { get; } = path;

    public string Problem { get; } = problem;

    public static ResultsFileException Missing(string path, string hint) => new(path, $"missing; {hint}");
}
