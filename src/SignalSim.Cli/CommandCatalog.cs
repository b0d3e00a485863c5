// Which signalsim commands need the Generic Host (configuration, logging, DI, the console
// lifetime for Ctrl+C) and the name and summary of each for the help listing. Keeping this apart
// from the command classes lets `--help`, `--version` and `validate` start without building the
// host or loading the analysis and chart assemblies the other commands pull in.
using System.CommandLine;
using SignalSim.Cli.Commands;

namespace SignalSim.Cli;

internal static class CommandCatalog
{
    /// <summary>Every command in help order; run and validate run without the host (see LightServices).</summary>
    private static readonly (string Name, string Summary, bool NeedsHost)[] Commands =
    [
        (RunCommand.Name, RunCommand.Summary, false),
        (ValidateCommand.Name, ValidateCommand.Summary, false),
        (CompareCommand.Name, CompareCommand.Summary, true),
        (MergeCommand.Name, MergeCommand.Summary, true),
        (OptimizeCommand.Name, OptimizeCommand.Summary, true),
        (ReportCommand.Name, ReportCommand.Summary, true),
        (ChartCommand.Name, ChartCommand.Summary, true),
        (ExportCommand.Name, ExportCommand.Summary, true),
        (CalibrateCommand.Name, CalibrateCommand.Summary, true),
    ];

    /// <summary>
    /// True when the first word names a command that needs the host, or is a response file
    /// (@FILE, whose words are only known after parsing). Anything else (no word, --help,
    /// --version, run, validate, a mistyped command) is answered without it.
    /// </summary>
    public static bool NeedsHost(string[] args)
    {
        if (args.Length == 0) return false;
        var first = args[0];
        if (first.StartsWith('@')) return true;
        foreach (var c in Commands)
        {
            if (c.Name == first) return c.NeedsHost;
        }
        return false;
    }

    /// <summary>
    /// The commands for a command line that needs no host: <paramref name="light"/> as it is, and
    /// the others by name and summary, which is all that the root help and the parse errors of a
    /// mistyped command show (a command line naming one of them goes through the host instead).
    /// </summary>
    public static IEnumerable<Command> ListingWithout(IReadOnlyList<Command> light)
    {
        foreach (var c in Commands) yield return light.FirstOrDefault(l => l.Name == c.Name) ?? new Command(c.Name, c.Summary);
    }
}
