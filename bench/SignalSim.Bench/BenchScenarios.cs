// Where the benchmarks find their scenarios: the generated corridor, and the shipped files
// under scenarios/ found by walking up from the running assembly to the repository root
// (BenchmarkDotNet runs each benchmark from a generated project deep inside bin/).
using SignalSim.Core.Scenario;

namespace SignalSim.Bench;

public static class BenchScenarios
{
    public const string SyntheticCorridorName = "synthetic-corridor";
    public const string DefaultScenarioName = "porte-de-choisy";

    /// <summary>The whole boundary (16 intersections, 8 portes) at its morning peak, 08:00-09:00, as compare --period measures it.</summary>
    public const string BoundaryPeakName = "boundary-morning-peak";

    public const string BoundaryFileName = "paris-val-de-marne-boundary";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ScenariosDirectory => Path.Combine(RepositoryRoot, "scenarios");

    /// <summary>Names of the shipped scenario files (without .json), the schema excluded.</summary>
    public static IEnumerable<string> Shipped() =>
        Directory.EnumerateFiles(ScenariosDirectory, "*.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Select(f => f[..^".json".Length])
            .Order(StringComparer.Ordinal);

    /// <summary>The generated corridor by its name, or a shipped file by its name.</summary>
    public static ScenarioFile Load(string name) => name switch
    {
        SyntheticCorridorName => SyntheticCorridor.Create(),
        BoundaryPeakName => MeasuredWindow.Parse("08:00-09:00", out _)!.ApplyTo(Load(BoundaryFileName), out _)!,
        _ => ScenarioLoader.LoadFile(Path.Combine(ScenariosDirectory, name + ".json")).Scenario,
    };

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SignalSim.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"SignalSim.sln not found above {AppContext.BaseDirectory}; run the benchmarks from inside the repository");
    }
}
