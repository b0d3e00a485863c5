// `signalsim validate` on every scenario shipped in scenarios/.
using SignalSim.Cli;

namespace SignalSim.Tests.Cli;

public sealed class ValidateCommandTests
{
    private static IEnumerable<string> ScenarioFiles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.json")
            .Select(path => Path.GetFileName(path))
            .Where(name => !name.EndsWith(".schema.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> ShippedScenarios() => new(ScenarioFiles());

    [Fact]
    public void TheShippedScenariosAreFound()
    {
        Assert.Contains("isolated-intersection.json", ScenarioFiles());
        Assert.Contains("porte-de-choisy.json", ScenarioFiles());
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public async Task ShippedScenario_IsValid(string fileName)
    {
        var path = CliRunner.ScenarioPath(fileName);
        var run = await CliRunner.RunAsync("validate", path);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal($"{path}: valid\n", run.Out.ReplaceLineEndings("\n"));
        Assert.DoesNotContain(": error:", run.Error, StringComparison.Ordinal);
    }
}
