// Where the shipped scenario files are: copied next to the test assembly under scenarios/ (see
// the test project), and, for regenerating the schema, in the source tree above it.
namespace SignalSim.Tests.Scenarios;

internal static class ShippedFiles
{
    public const string SchemaFileName = "signalsim.schema.json";

    public static string OutputScenarioFolder => Path.Combine(AppContext.BaseDirectory, "scenarios");

    /// <summary>Every shipped scenario (the schema excluded), by file name.</summary>
    public static IEnumerable<string> ScenarioFileNames() =>
        Directory.GetFiles(OutputScenarioFolder, "*.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != SchemaFileName)
            .Order(StringComparer.Ordinal);

    public static string ScenarioPath(string fileName) => Path.Combine(OutputScenarioFolder, fileName);

    /// <summary>The repository's scenarios folder, found by walking up to the solution file.</summary>
    public static string SourceScenarioFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SignalSim.sln"))) return Path.Combine(dir.FullName, "scenarios");
        }
        throw new DirectoryNotFoundException("SignalSim.sln not found above the test output folder");
    }
}
