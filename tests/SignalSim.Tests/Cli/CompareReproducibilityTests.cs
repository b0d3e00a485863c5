// A comparison's files are those of the same runs made one by one in fresh processes: each
// strategy's replication-1 folder (written by a worker that ran other strategies before it, with
// whatever the workers keep from one run to the next) equals, byte for byte, what `signalsim run`
// writes for that strategy's scenario.json with the same seed and recording, in a process of its
// own. Only summary.json's "source" line differs by construction: compare names the file it
// studied, run the file it read.
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Cli;

public sealed class CompareReproducibilityTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "signalsim.dll");

    private CliRun Signalsim(params string[] args) => ChildProcess.Exec("dotnet", _tmp.Path, [Dll, .. args], TimeSpan.FromMinutes(5));

    [Fact]
    public void Each_strategy_of_a_comparison_writes_what_a_run_in_a_fresh_process_writes()
    {
        // Two threads and two replications: each worker runs several strategies in turn.
        var compare = Signalsim("compare", "--replications", "2", "--threads", "2", "--duration", "600", "--no-report", "--out", _tmp["compare"]);
        Assert.True(compare.ExitCode == 0, compare.ToString());
        var strategyFolders = Directory.GetDirectories(_tmp["compare"]).Order(StringComparer.Ordinal).ToList();
        Assert.True(strategyFolders.Count >= 3, $"expected a folder per strategy in {_tmp["compare"]}");
        foreach (var folder in strategyFolders)
        {
            var name = Path.GetFileName(folder);
            var runDir = _tmp["run-" + name];
            // Compare records 900 s of trajectories after the warm-up in replication 1; replication 1's seed is the scenario's.
            var run = Signalsim("run", Path.Combine(folder, "scenario.json"), "--duration", "600", "--trajectories", "900", "--out", runDir);
            Assert.True(run.ExitCode == 0, run.ToString());
            var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            // run also leaves the manifest that marks its folder as its own output.
            Assert.Equal(files, Directory.GetFiles(runDir).Select(Path.GetFileName).Where(f => f != Core.Output.OutputManifest.FileName).Order(StringComparer.Ordinal).ToArray());
            foreach (var file in files)
            {
                var fromCompare = File.ReadAllBytes(Path.Combine(folder, file!));
                var fromRun = File.ReadAllBytes(Path.Combine(runDir, file!));
                if (file == "summary.json")
                {
                    fromCompare = WithoutSource(fromCompare);
                    fromRun = WithoutSource(fromRun);
                }
                Assert.True(fromCompare.AsSpan().SequenceEqual(fromRun), $"{name}/{file} differs between the comparison and a run of its scenario.json in a fresh process");
            }
        }
    }

    /// <summary>summary.json without its "source" line (the only line that names the input file).</summary>
    private static byte[] WithoutSource(byte[] summary)
    {
        var lines = System.Text.Encoding.UTF8.GetString(summary).Split('\n');
        Assert.Single(lines, l => l.StartsWith("  \"source\": ", StringComparison.Ordinal));
        return System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines.Where(l => !l.StartsWith("  \"source\": ", StringComparison.Ordinal))));
    }
}
