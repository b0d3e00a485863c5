// Options shared by `report` and `chart`: the results folder, the language and the scenario
// replacing the folder's copy; and the mapping of the chart library's errors to the user's
// terms (exit code 2, the file or option named).
using System.CommandLine;
using SignalSim.Charts.Charts;
using SignalSim.Charts.Labels;
using SignalSim.Charts.Results;

namespace SignalSim.Cli.Commands;

internal static class ChartOptions
{
    public static Argument<string?> ResultsDir() => new("RESULTS_DIR")
    {
        Arity = ArgumentArity.ZeroOrOne,
        Description = "Results folder written by `run` or `compare` (default: results/run).",
    };

    public static Option<string> Language()
    {
        var option = new Option<string>("--lang")
        {
            HelpName = "fr|en",
            Description = "Language of titles, labels and the note (default: fr).",
            DefaultValueFactory = _ => ChartLabels.DefaultLanguage,
        };
        option.AcceptOnlyFromAmong([.. ChartLabels.Languages]);
        return option;
    }

    public static Option<string?> Scenario() => new("--scenario")
    {
        HelpName = "FILE",
        Description = "Scenario file to use instead of the folder's scenario.json (for folders written without one).",
    };

    /// <summary>
    /// Draws into <paramref name="outDir"/>: a path that cannot be a folder is refused before
    /// anything is drawn, and a folder that cannot be written to is reported with the path the
    /// user gave (exit code 2), not as a failure of the program.
    /// </summary>
    public static T WriteInto<T>(string outDir, Func<T> draw)
    {
        if (Core.Output.StagedOutputFolder.FindProblem(outDir) is { } problem) throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: {problem}");
        try
        {
            return draw();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: --out: cannot write the chart into '{outDir}': {e.Message}");
        }
    }

    /// <summary>Runs chart code, turning its input errors into InvalidInputException (exit code 2).</summary>
    public static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (ResultsFileException e)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: {e.Message}");
        }
        catch (ChartOptionException e)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: {e.Message}");
        }
        catch (ChartUnavailableException e)
        {
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: nothing to draw: {e.Message}");
        }
        catch (Analysis.Interop.EventLogs.EventLogException e)
        {
            // A run's own event log read for the detector arrivals method: the message names its file and line.
            throw new InvalidInputException(e.Message);
        }
    }
}
