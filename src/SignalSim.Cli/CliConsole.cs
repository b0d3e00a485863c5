// The two text streams the commands write to: results for people on Out, diagnostics on Error.
// Injected rather than taken from System.Console so that tests can capture them in-process.
namespace SignalSim.Cli;

public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public const string ProgramName = "signalsim";

    /// <summary>A one-line message of the program itself, e.g. "signalsim: error: ...".</summary>
    public void Report(string kind, string message) => Error.WriteLine($"{ProgramName}: {kind}: {message}");
}
