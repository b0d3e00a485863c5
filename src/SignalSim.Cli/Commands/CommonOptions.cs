// Options that several commands share, defined once so their names, help and parsing agree.
using System.CommandLine;

namespace SignalSim.Cli.Commands;

internal static class CommonOptions
{
    public static Option<double?> Duration() => new("--duration")
    {
        HelpName = "S",
        Description = "Simulated seconds after warm-up, overriding the scenario's simulation.duration_s.",
        CustomParser = OptionParsers.DurationS,
    };

    public static Option<int?> Threads() => new("--threads")
    {
        HelpName = "N",
        Description = "Runs at the same time (default: every core). Results do not depend on it.",
        CustomParser = OptionParsers.Threads,
    };

    public static Option<bool> Timings() => new("--timings")
    {
        Description = "Print on stderr the time each stage took (load, validate, simulation, writing, ...); outputs are unchanged.",
    };
}
