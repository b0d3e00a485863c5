// Where a scenario comes from: a file named on the command line, or the default scenario
// embedded in the executable. Problems with the path itself are reported here; problems inside
// the file come from ScenarioLoader as located diagnostics.
using System.Reflection;
using Microsoft.Extensions.Logging;
using SignalSim.Core;
using SignalSim.Core.Scenario;

namespace SignalSim.Cli;

public sealed class ScenarioSource(ILogger<ScenarioSource> logger)
{
    public const string DefaultResourceName = "SignalSim.DefaultScenario.json";
    public const string DefaultSourceName = "porte-de-choisy.json (embedded)";

    /// <summary>Loads and validates, timing both when <paramref name="times"/> is given; throws ScenarioException or InvalidInputException.</summary>
    public LoadedScenario Load(string? path, CancellationToken cancellation = default, StageTimes? times = null)
    {
        logger.LogDebug("Reading scenario {Path}", path ?? DefaultSourceName);
        if (path is null) return ScenarioLoader.Load(StageTimes.Measure(times, ScenarioLoader.LoadStage, ReadDefault), DefaultSourceName, cancellation, times);
        if (string.IsNullOrWhiteSpace(path))
            throw new InvalidInputException($"{CliConsole.ProgramName}: error: the scenario path is empty; give a scenario file such as scenarios/isolated-intersection.json");
        if (Directory.Exists(path))
            throw new InvalidInputException($"{path}: error: this is a folder, not a scenario file; give the path of a .json scenario");
        if (!File.Exists(path))
            throw new InvalidInputException($"{path}: error: no such file; check the path");
        return ScenarioLoader.LoadFile(path, cancellation, times);
    }

    private static byte[] ReadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"the embedded default scenario '{DefaultResourceName}' is missing from the executable");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
