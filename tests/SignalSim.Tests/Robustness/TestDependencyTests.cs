// The README's test command works on a fresh machine: it runs the one script that installs what
// the tests need, that script lists every Debian package the tests use, and CI runs the same.
namespace SignalSim.Tests.Robustness;

public class TestDependencyTests
{
    private const string Script = "scripts/install-test-dependencies.sh";

    private static string Root => Path.GetDirectoryName(Scenarios.ShippedFiles.SourceScenarioFolder())!;

    [Fact]
    public void ReadmeTestCommandInstallsTheDependenciesBeforeRunningTheTests()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        Assert.Contains($"{Script} && dotnet test SignalSim.sln", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void TheScriptListsEveryPackageTheTestsUse_AndCiRunsIt()
    {
        var script = File.ReadAllText(Path.Combine(Root, Script));
        var list = script.Split('\n').Single(l => l.StartsWith("TEST_PACKAGES=(", StringComparison.Ordinal));
        foreach (var package in new[] { "chromium", "fonts-dejavu-core", "fontconfig", "libfontconfig1", "clang", "zlib1g-dev" })
            Assert.Contains(package, list, StringComparison.Ordinal);
        Assert.Contains(Script, File.ReadAllText(Path.Combine(Root, ".ci", "run")), StringComparison.Ordinal);
    }
}
