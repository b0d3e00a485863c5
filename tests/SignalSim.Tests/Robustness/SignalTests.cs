// Ctrl+C (SIGINT) and SIGTERM stop every stage of the real executable within a second, with exit
// code 130 and nothing half-written presented as a result: the built signalsim runs as a child
// process, and the signal is sent once its debug log or progress shows it is in the stage under
// test (no timing guess).
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using SignalSim.Cli;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Robustness;

[Collection(TimedCollection.Name)]
public sealed class SignalTests : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private static readonly TimeSpan Allowed = TimeSpan.FromSeconds(1);

    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [Theory]
    [InlineData(SigInt)]
    [InlineData(SigTerm)]
    public async Task Signal_DuringValidationOfALargeFile_Exits130WithinASecond(int signal)
    {
        var path = _tmp["large.json"];
        File.WriteAllText(path, LargeOneLineScenario());
        // validate runs without the host (no log line to wait for): signal once the 50 MB file is read into memory.
        var (code, afterSignal, stderr) = await RunAndSignal(["validate", path], ReadingLargeFile, signal);
        AssertStopped(code, afterSignal, stderr);
    }

    [Theory]
    [InlineData(SigInt)]
    [InlineData(SigTerm)]
    public async Task Signal_DuringARun_Exits130WithinASecondAndWritesNothing(int signal)
    {
        var (code, afterSignal, stderr) = await RunAndSignal(
            ["run", CliRunner.ScenarioPath("arterial-green-wave.json"), "--duration", "604800", "--out", _tmp["out"]], "Loaded ", signal);
        AssertStopped(code, afterSignal, stderr);
        Assert.Empty(_tmp.Entries()); // no result folder, no staging folder left
    }

    [Theory]
    [InlineData(SigInt)]
    [InlineData(SigTerm)]
    public async Task Signal_DuringTheModelBuild_Exits130WithinASecondAndWritesNothing(int signal)
    {
        // A week of the default scenario: its build takes about 0.3 s, so the signal, sent once the
        // log says the build has started, lands in it or just after it.
        var (code, afterSignal, stderr) = await RunAndSignal(
            ["run", CliRunner.ScenarioPath("porte-de-choisy.json"), "--duration", "604800", "--out", _tmp["out"]], "Building the model", signal);
        AssertStopped(code, afterSignal, stderr);
        Assert.Empty(_tmp.Entries());
    }

    [Theory]
    [InlineData(SigInt)]
    [InlineData(SigTerm)]
    public async Task Signal_DuringACompare_Exits130WithinASecond(int signal)
    {
        var (code, afterSignal, stderr) = await RunAndSignal(
            ["compare", CliRunner.ScenarioPath("arterial-green-wave.json"), "--duration", "3600", "--replications", "200", "--threads", "2", "--out", _tmp["out"]],
            "runs done", signal);
        AssertStopped(code, afterSignal, stderr);
        Assert.DoesNotContain(_tmp.Entries(), e => e.StartsWith('.')); // no staging folder left behind
    }

    private static void AssertStopped(int code, TimeSpan afterSignal, string stderr)
    {
        Assert.True(code == ExitCodes.Cancelled, $"exit {code}\n{stderr}");
        Assert.True(afterSignal < Allowed, $"exited {afterSignal.TotalMilliseconds:0} ms after the signal\n{stderr}");
        Assert.Contains("signalsim: cancelled", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    /// <summary>Starts signalsim, sends the signal when a stderr line contains the marker, and times the exit.</summary>
    /// <summary>Marker meaning "the process holds the large file in memory" (resident set above 120 MB).</summary>
    private const string ReadingLargeFile = "(resident memory above 120 MB)";

    private static async Task WatchMemory(Process process, TaskCompletionSource seen)
    {
        while (!process.HasExited && !seen.Task.IsCompleted)
        {
            try
            {
                var rss = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (rss is not null && long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) > 120_000) seen.TrySetResult();
            }
            catch (IOException)
            {
                return; // the process has gone
            }
            await Task.Delay(20);
        }
    }

    private static async Task<(int Code, TimeSpan AfterSignal, string Stderr)> RunAndSignal(string[] args, string marker, int signal)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "signalsim.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["SIGNALSIM_Logging__LogLevel__Default"] = "Debug";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("signalsim did not start");
        var stderr = new ConcurrentQueue<string>();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            stderr.Enqueue(e.Data);
            if (e.Data.Contains(marker, StringComparison.Ordinal)) seen.TrySetResult();
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            if (marker == ReadingLargeFile) _ = WatchMemory(process, seen);
            var first = await Task.WhenAny(seen.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(120)));
            Assert.True(first == seen.Task, $"'{marker}' never appeared (exited: {process.HasExited})\n{string.Join("\n", stderr)}");
            var clock = Stopwatch.StartNew();
            Assert.Equal(0, kill(process.Id, signal));
            var exited = await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30)));
            var afterSignal = clock.Elapsed;
            Assert.True(process.HasExited, $"still running 30 s after signal {signal}\n{string.Join("\n", stderr)}");
            await process.WaitForExitAsync(); // drains the redirected streams
            return (process.ExitCode, afterSignal, string.Join("\n", stderr));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The default scenario on one line, padded with sources to about 50 MB: seconds to read.</summary>
    private static string LargeOneLineScenario()
    {
        var text = File.ReadAllText(CliRunner.ScenarioPath("porte-de-choisy.json"));
        var noComments = Encoding.UTF8.GetString(Core.Scenario.JsonComments.Blank(Encoding.UTF8.GetBytes(text)));
        var oneLine = System.Text.RegularExpressions.Regex.Replace(noComments, @"\s*\n\s*", " ");
        var at = oneLine.IndexOf("\"sources\": [", StringComparison.Ordinal) + "\"sources\": [".Length;
        var source = "\"" + new string('x', 90) + "\",";
        var padding = new StringBuilder(50_000_000);
        while (padding.Length < 50_000_000) padding.Append(source);
        return oneLine[..at] + padding + oneLine[at..];
    }
}
