// A real Slurm run: deploy/slurm/local-cluster.sh starts a single-node cluster on this machine
// (munged, slurmctld, slurmd), deploy/slurm/submit.sh submits the array of 4 shards of a short
// comparison and the merge step, and the merged tables must equal the unsharded run's, byte for
// byte; deploy/slurm/optimize.sbatch runs a 2-task sharded search with srun, whose result must be
// the unsharded search's. The daemons are stopped whatever happens. Slurm is a test dependency like Chromium: when
// it is missing the test fails and says how to install it.
using System.Diagnostics;
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Optimisation;
using SignalSim.Cli;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Sharding;

public sealed class SlurmClusterTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task A_4_shard_array_on_a_local_Slurm_cluster_merges_to_the_unsharded_comparison()
    {
        foreach (var tool in new[] { "sbatch", "slurmctld", "slurmd", "munged" })
        {
            Assert.True(OnPath(tool), $"'{tool}' is not installed: run scripts/install-test-dependencies.sh (it installs Debian's slurm-wlm and munge), as root");
        }
        var root = RepositoryRoot();
        var scenario = CliRunner.ScenarioPath(ShardStudy.Arterial);
        string[] options = ["--duration", "600", "--replications", "8", "--no-report"];
        var whole = await CliRunner.RunAsync(["compare", scenario, .. options, "--threads", "2", "--out", _tmp["whole"]]);
        Assert.True(whole.ExitCode == ExitCodes.Ok, whole.ToString());

        var env = new Dictionary<string, string>
        {
            ["SIGNALSIM_SLURM_DIR"] = _tmp["slurm"],
            // A port pair of its own, so a cluster started by another test run on this machine does not answer.
            ["SIGNALSIM_SLURM_PORT"] = (20000 + 2 * Random.Shared.Next(0, 10000)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SLURM_CONF"] = Path.Combine(_tmp["slurm"], "slurm.conf"),
            ["SIGNALSIM"] = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "signalsim.exe" : "signalsim"),
            ["SIGNALSIM_WAIT"] = "1",
            ["SIGNALSIM_MERGE_OPTIONS"] = "--no-report",
        };
        var cluster = Path.Combine(root, "deploy", "slurm", "local-cluster.sh");
        var start = Exec(cluster, root, ["start"], env, TimeSpan.FromMinutes(2));
        try
        {
            Assert.True(start.ExitCode == 0, "the local Slurm cluster did not start:\n" + start);
            var submit = Exec(Path.Combine(root, "deploy", "slurm", "submit.sh"), root, ["4", _tmp["sweep"], scenario, .. options], env, TimeSpan.FromMinutes(10));
            Assert.True(submit.ExitCode == 0, $"sbatch array or merge failed:\n{submit}\n{Logs()}");
            // The sharded search: one job of 2 tasks that srun starts together, swapping their batches.
            var job = Exec("sbatch", root, ["--wait", "--ntasks=2", "--cpus-per-task=1", $"--output={_tmp["optimize.out"]}",
                Path.Combine(root, "deploy", "slurm", "optimize.sbatch"), _tmp["opt"], scenario, .. OptimizeOptions], env, TimeSpan.FromMinutes(10));
            Assert.True(job.ExitCode == 0, $"the optimize job failed:\n{job}\n{ReadIfAny(_tmp["optimize.out"])}");
        }
        finally
        {
            var stop = Exec(cluster, root, ["stop"], env, TimeSpan.FromMinutes(1));
            Assert.True(stop.ExitCode == 0, "the local Slurm cluster did not stop:\n" + stop);
        }
        Assert.False(Directory.Exists(_tmp["slurm"]), "stop removes the cluster's state");
        var wholeSearch = await CliRunner.RunAsync(["optimize", scenario, .. OptimizeOptions, "--threads", "1", "--out", _tmp["whole-search"]]);
        Assert.True(wholeSearch.ExitCode == ExitCodes.Ok, wholeSearch.ToString());
        foreach (var file in new[] { OptimisationOutput.StrategyFileName, OptimisationOutput.SearchFileName, OptimisationOutput.EvaluationCsvFileName, OptimisationOutput.SummaryFileName })
        {
            var sharded = _tmp[Path.Combine("opt", "result", file)];
            Assert.True(File.Exists(sharded), $"the optimize job wrote no {file}\n{ReadIfAny(_tmp["optimize.out"])}");
            Assert.True(File.ReadAllBytes(_tmp[Path.Combine("whole-search", file)]).SequenceEqual(File.ReadAllBytes(sharded)), $"{file} of the Slurm search differs from the unsharded search");
        }
        for (var k = 1; k <= 4; k++) Assert.True(File.Exists(_tmp[$"sweep/shard-{k}/shard.json"]), $"shard {k} ran\n{Logs()}");
        foreach (var file in new[] { ComparisonCsvWriter.FileName, ComparisonMarkdownWriter.FileName, ComparisonOutput.MetadataFileName })
        {
            var merged = _tmp[Path.Combine("sweep", "merged", file)];
            Assert.True(File.Exists(merged), $"the merge step wrote no {file}\n{Logs()}");
            Assert.True(File.ReadAllBytes(_tmp[Path.Combine("whole", file)]).SequenceEqual(File.ReadAllBytes(merged)), $"{file} of the Slurm sweep differs from the unsharded run");
        }
    }

    private static readonly string[] OptimizeOptions = ["--strategy", "bad-offsets", "--replications", "1", "--evaluation-replications", "2", "--duration", "600"];

    private static string ReadIfAny(string path) => File.Exists(path) ? File.ReadAllText(path) : "(no job log)";

    private string Logs()
    {
        var dir = _tmp["sweep/logs"];
        return Directory.Exists(dir)
            ? string.Join("\n", Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal).Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"))
            : "(no logs)";
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/sbin").Any(dir => File.Exists(Path.Combine(dir, tool)));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SignalSim.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("SignalSim.sln not found above the test output folder");
    }

    private static CliRun Exec(string fileName, string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string> env, TimeSpan timeout) =>
        ChildProcess.Exec(fileName, workingDirectory, args, timeout, env);
}
