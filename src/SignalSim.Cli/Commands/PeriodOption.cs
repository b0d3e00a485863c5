// `--period HH:MM-HH:MM`: measure one window of the scenario's day (compare, run). The window is
// parsed here (a malformed one is a parse error, exit 2) and applied to the loaded scenario by
// MeasuredWindow, which refuses a window outside what the scenario measures (exit 2 too).
using System.CommandLine;
using System.CommandLine.Parsing;
using SignalSim.Core.Scenario;

namespace SignalSim.Cli.Commands;

internal static class PeriodOption
{
    public const string Name = "--period";

    public static Option<MeasuredWindow?> Create() => new(Name)
    {
        HelpName = "HH:MM-HH:MM",
        Description = "Measure only this window of the scenario's day (e.g. 08:00-09:00, the morning peak of an all-day scenario): the run starts one warm-up before it and measures exactly it, with the demand, service and plans of those hours; not with --duration.",
        CustomParser = Parse,
    };

    private static MeasuredWindow? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        var window = MeasuredWindow.Parse(text, out var problem);
        if (window is null) result.AddError($"{Name}: {problem}");
        return window;
    }

    /// <summary>The scenario measuring the window (unchanged without one); a window it cannot measure is invalid input.</summary>
    public static ScenarioFile Apply(ScenarioFile scenario, MeasuredWindow? window, double? durationS, string sourceName)
    {
        if (window is null) return scenario;
        if (durationS is not null)
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: {Name} and --duration both set the measured time; give one of them");
        return window.ApplyTo(scenario, out var problem)
            ?? throw new InvalidInputException($"{CliConsole.ProgramName}: error: {Name}: {sourceName}: {problem}");
    }
}
