// Settings read from configuration (environment variables prefixed SIGNALSIM_, e.g.
// SIGNALSIM_Run__DefaultOutputFolder), for values a user may want to fix once per machine.
namespace SignalSim.Cli;

public sealed class CliSettings
{
    public const string Section = "Run";

    /// <summary>Where `run` writes when --out is not given, relative to the working folder.</summary>
    public string DefaultOutputFolder { get; set; } = "results/run";

    /// <summary>Where `compare` writes when --out is not given.</summary>
    public string DefaultCompareFolder { get; set; } = "results/compare";

    /// <summary>Where `optimize` writes when --out is not given.</summary>
    public string DefaultOptimizeFolder { get; set; } = "results/optimize";
}
