// deploy/slurm/optimize.sbatch as Slurm would run it, without a cluster: a stand-in `srun` on the
// PATH starts the job's N tasks together, each with its SLURM_PROCID, as srun does. The shards
// find their number from SLURM_PROCID and SLURM_NTASKS (`--shard slurm` outside a job array),
// swap their batches through the job's exchange folder, and shard 1's result must be the
// unsharded search's, byte for byte.
using SignalSim.Analysis.Optimisation;
using SignalSim.Cli;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Sharding;

public sealed class OptimizeSbatchTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>Takes srun's --ntasks=N, ignores its other options, and runs the command N times at once with SLURM_PROCID 0 to N−1.</summary>
    private const string FakeSrun = """
        #!/usr/bin/env bash
        set -u
        tasks=1
        while [ "$#" -gt 0 ]; do
          case "$1" in
            --ntasks=*) tasks="${1#--ntasks=}"; shift ;;
            --*) shift ;;
            *) break ;;
          esac
        done
        pids=()
        for i in $(seq 0 $((tasks - 1))); do SLURM_PROCID="$i" "$@" & pids+=($!); done
        status=0
        for p in "${pids[@]}"; do wait "$p" || status=$?; done
        exit "$status"
        """;

    [Fact]
    public async Task The_job_of_3_tasks_writes_the_unsharded_result()
    {
        Assert.True(File.Exists("/bin/bash") || File.Exists("/usr/bin/bash"), "bash is needed to run the sbatch script");
        string[] options = ["--strategy", "bad-offsets", "--replications", "1", "--evaluation-replications", "2", "--duration", "600"];
        var scenario = CliRunner.ScenarioPath(ShardStudy.Arterial);
        var whole = await CliRunner.RunAsync(["optimize", scenario, .. options, "--threads", "1", "--out", _tmp["whole"]]);
        Assert.True(whole.ExitCode == ExitCodes.Ok, whole.ToString());

        Directory.CreateDirectory(_tmp["bin"]);
        var srun = _tmp["bin/srun"];
        File.WriteAllText(srun, FakeSrun.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(srun, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var env = new Dictionary<string, string>
        {
            ["PATH"] = _tmp["bin"] + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["SLURM_NTASKS"] = "3",
            ["SLURM_CPUS_PER_TASK"] = "1",
            ["SLURM_JOB_ID"] = "42",
            ["SIGNALSIM"] = Path.Combine(AppContext.BaseDirectory, "signalsim"),
        };
        var script = Path.Combine(RepositoryRoot(), "deploy", "slurm", "optimize.sbatch");
        var job = ChildProcess.Exec(script, _tmp.Path, [_tmp["opt"], scenario, .. options], TimeSpan.FromMinutes(5), env);
        Assert.True(job.ExitCode == 0, job.ToString());
        foreach (var k in new[] { 2, 3 }) Assert.Contains($"shard {k} of 3: search done", job.Out, StringComparison.Ordinal);
        Assert.True(Directory.Exists(_tmp["opt/exchange-42/batch-1"]), job.ToString());
        Assert.Equal(["shard-1.json", "shard-2.json", "shard-3.json"], Directory.GetFiles(_tmp["opt/exchange-42/batch-1"]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in new[] { OptimisationOutput.StrategyFileName, OptimisationOutput.SearchFileName, OptimisationOutput.EvaluationCsvFileName, OptimisationOutput.SummaryFileName })
            Assert.True(File.ReadAllBytes(_tmp[Path.Combine("whole", file)]).SequenceEqual(File.ReadAllBytes(_tmp[Path.Combine("opt", "result", file)])), $"{file} of the job differs from the unsharded search");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SignalSim.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("SignalSim.sln not found above the test output folder");
    }
}
