// Finding and running SUMO's tools (netconvert, sumo) from the PATH. Used by the exporter to
// build the network and by the cross-check tests; the exporter works without them.
using System.Diagnostics;

namespace SignalSim.Analysis.Interop.Sumo;

public sealed record ToolOutcome(bool Succeeded, int ExitCode, string StandardOutput, string StandardError, string Message);

public static class SumoTools
{
    /// <summary>Full path of an executable found on the PATH, or null.</summary>
    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe")) return candidate + ".exe";
        }
        return null;
    }

    /// <summary>Builds the .net.xml from the plain files with the exported netconvert configuration.</summary>
    public static ToolOutcome RunNetconvert(string folder)
    {
        var netconvert = Find("netconvert");
        if (netconvert is null)
            return new ToolOutcome(false, -1, "", "", $"netconvert is not on the PATH: build the network with `netconvert -c {SumoExportResult.NetconvertConfigFileName}` in this folder");
        var outcome = Run(netconvert, folder, "-c", SumoExportResult.NetconvertConfigFileName);
        return outcome.Succeeded
            ? outcome with { Message = $"built {SumoExportResult.NetFileName} with netconvert" }
            : outcome with { Message = $"netconvert failed (exit code {outcome.ExitCode}): {FirstLines(outcome.StandardError)}" };
    }

    public static ToolOutcome Run(string executable, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        // SUMO validates its input against the schemas under SUMO_HOME; Debian's package puts
        // them in /usr/share/sumo without setting the variable.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SUMO_HOME")) && DefaultSumoHome(executable) is { } home)
            start.Environment["SUMO_HOME"] = home;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {executable}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ToolOutcome(process.ExitCode == 0, process.ExitCode, stdout.Result, stderr.Result, "");
    }

    /// <summary>The share/sumo folder beside the executable's bin folder, when it holds the schemas.</summary>
    public static string? DefaultSumoHome(string executable)
    {
        var bin = Path.GetDirectoryName(Path.GetFullPath(executable));
        if (bin is null) return null;
        var home = Path.Combine(Path.GetDirectoryName(bin) ?? bin, "share", "sumo");
        return Directory.Exists(Path.Combine(home, "data", "xsd")) ? home : null;
    }

    private static string FirstLines(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(5));
}
