// The published executables, built the way the README says (the `fast` publish profile, ReadyToRun,
// and the `native` one, Native AOT), give the same results as the framework-dependent build:
// `validate`, `run` and a two-replication `compare` of the default scenario write the same files,
// byte for byte, and report the same version. Publishing takes minutes (the native one several),
// so it happens once per profile.
// One thing differs from one process to the next whatever the build: the SVG charts' clip-path
// ids, numbered by the drawing library's process-wide counter while the charts are drawn in
// parallel; SVG files are compared with those ids renumbered in order of appearance.
using System.Diagnostics;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Cli;

public abstract class PublishedExecutableFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    protected PublishedExecutableFixture(string profile)
    {
        RepositoryRoot = FindRepositoryRoot();
        var outDir = _dir["dist"];
        var publish = ChildProcess.Exec("dotnet", RepositoryRoot,
            ["publish", Path.Combine("src", "SignalSim.Cli"), "-c", "Release", $"-p:PublishProfile={profile}", "-o", outDir], TimeSpan.FromMinutes(20));
        if (publish.ExitCode != 0) throw new InvalidOperationException("dotnet publish failed:\n" + publish);
        Executable = Path.Combine(outDir, OperatingSystem.IsWindows() ? "signalsim.exe" : "signalsim");
        if (!File.Exists(Executable)) throw new InvalidOperationException($"the publish gave no {Path.GetFileName(Executable)}:\n{publish}");
    }

    public string RepositoryRoot { get; }

    /// <summary>The native launcher of the published fast build.</summary>
    public string Executable { get; }

    public void Dispose() => _dir.Dispose();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SignalSim.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("SignalSim.sln not found above the test output folder");
    }
}

public sealed class FastExecutableFixture() : PublishedExecutableFixture("fast");

public sealed class NativeExecutableFixture() : PublishedExecutableFixture("native");

/// <summary>
/// The two publishes share the project's intermediate folder for this platform, so they must not
/// run at the same time (one would pick up the other's runtime configuration): one collection.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PublishedExecutablesCollection
{
    public const string Name = "published executables";
}

[Collection(PublishedExecutablesCollection.Name)]
public sealed class FastExecutableTests(FastExecutableFixture published) : PublishedExecutableTests<FastExecutableFixture>(published);

[Collection(PublishedExecutablesCollection.Name)]
public sealed class NativeExecutableTests(NativeExecutableFixture published) : PublishedExecutableTests<NativeExecutableFixture>(published);

public abstract class PublishedExecutableTests<TFixture>(TFixture published) : IClassFixture<TFixture>, IDisposable
    where TFixture : PublishedExecutableFixture
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>The framework-dependent build of signalsim, copied beside the test assembly by the project reference.</summary>
    private static readonly string FrameworkDependentDll = Path.Combine(AppContext.BaseDirectory, "signalsim.dll");

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private CliRun Published(params string[] args) => ChildProcess.Exec(published.Executable, _tmp.Path, args, CommandTimeout);

    private CliRun FrameworkDependent(params string[] args) => ChildProcess.Exec("dotnet", _tmp.Path, [FrameworkDependentDll, .. args], CommandTimeout);

    [Fact]
    public void Both_builds_report_the_same_version()
    {
        var fast = Published("--version");
        var plain = FrameworkDependent("--version");
        Assert.True(fast.ExitCode == 0, fast.ToString());
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Equal(plain.Out, fast.Out);
    }

    [Fact]
    public void Validate_prints_the_same_verdict()
    {
        var scenario = Path.Combine(published.RepositoryRoot, "scenarios", "porte-de-choisy.json");
        var fast = Published("validate", scenario);
        var plain = FrameworkDependent("validate", scenario);
        Assert.True(fast.ExitCode == 0, fast.ToString());
        Assert.Equal(plain.ExitCode, fast.ExitCode);
        Assert.Equal(plain.Out, fast.Out);
        Assert.Equal(plain.Error, fast.Error);
    }

    [Fact]
    public void Run_writes_the_same_files()
    {
        var fast = Published("run", "--out", _tmp["fast"]);
        var plain = FrameworkDependent("run", "--out", _tmp["plain"]);
        AssertSameFolders(plain, fast);
    }

    [Fact]
    public void Compare_writes_the_same_files()
    {
        var fast = Published("compare", "--replications", "2", "--duration", "600", "--no-pdf", "--out", _tmp["fast"]);
        var plain = FrameworkDependent("compare", "--replications", "2", "--duration", "600", "--no-pdf", "--out", _tmp["plain"]);
        AssertSameFolders(plain, fast);
        Assert.True(File.Exists(_tmp["fast/report.html"]), "the note is part of the comparison");
    }

    private void AssertSameFolders(CliRun plain, CliRun fast)
    {
        // The version (with the commit it was built from) goes into summary.json: a build older
        // than the sources just published would differ there, and for that reason only.
        var versions = (Plain: FrameworkDependent("--version").Out, Fast: Published("--version").Out);
        Assert.True(versions.Plain == versions.Fast, $"the framework-dependent build ({versions.Plain.Trim()}) is not of the published sources ({versions.Fast.Trim()}): rebuild the solution first");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.True(fast.ExitCode == 0, fast.ToString());
        var plainFiles = RelativeFiles(_tmp["plain"]);
        Assert.NotEmpty(plainFiles);
        Assert.Equal(plainFiles, RelativeFiles(_tmp["fast"]));
        foreach (var file in plainFiles)
        {
            var plainBytes = File.ReadAllBytes(Path.Combine(_tmp["plain"], file));
            var fastBytes = File.ReadAllBytes(Path.Combine(_tmp["fast"], file));
            Assert.True(plainBytes.AsSpan().SequenceEqual(fastBytes), $"{file} differs between the framework-dependent build and the published executable");
        }
    }

    private static string[] RelativeFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToArray();

}

/// <summary>A child process run to completion with its output captured.</summary>
internal static class ChildProcess
{
    public static CliRun Exec(string fileName, string workingDirectory, IEnumerable<string> args, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {timeout}");
        }
        process.WaitForExit();
        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
