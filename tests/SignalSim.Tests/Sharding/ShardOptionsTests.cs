// Which shard a process runs: K/N on the command line, or the scheduler's variables (a Slurm job
// array, a Kubernetes Indexed Job), with clear errors when they do not fit; and the blocks of
// replications, which cover every replication exactly once.
using SignalSim.Analysis.Sharding;
using SignalSim.Cli;
using SignalSim.Cli.Commands;

namespace SignalSim.Tests.Sharding;

public sealed class ShardOptionsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Explicit_K_of_N()
    {
        Assert.Equal(new ShardSpec(2, 4), ShardOptions.Resolve("2/4", null, Env()));
        Assert.Null(ShardOptions.Resolve(null, null, Env(("SLURM_ARRAY_TASK_ID", "3"))));
    }

    [Fact]
    public void Slurm_array_tasks_count_from_the_array_minimum()
    {
        Assert.Equal(new ShardSpec(3, 4), ShardOptions.Resolve("slurm", null, Env(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "4"))));
        Assert.Equal(new ShardSpec(1, 4), ShardOptions.Resolve("slurm", null, Env(("SLURM_ARRAY_TASK_ID", "0"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_COUNT", "4"))));
        Assert.Equal(new ShardSpec(4, 4), ShardOptions.Resolve(null, 4, Env(("SLURM_ARRAY_TASK_ID", "4"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "4"))));
    }

    [Fact]
    public void With_shards_N_the_array_task_id_is_the_shard_so_one_shard_can_be_re_run_alone()
    {
        // sbatch --array=3 re-runs shard 3 of 4: an array of one task, whose id is 3.
        Assert.Equal(new ShardSpec(3, 4), ShardOptions.Resolve(null, 4, Env(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_MIN", "3"), ("SLURM_ARRAY_TASK_COUNT", "1"))));
    }

    [Fact]
    public void Outside_a_job_array_slurm_takes_the_srun_task_number()
    {
        // sbatch --ntasks=3, then srun: task 0, 1, 2 of 3 are shards 1, 2, 3 of 3.
        Assert.Equal(new ShardSpec(1, 3), ShardOptions.Resolve("slurm", null, Env(("SLURM_PROCID", "0"), ("SLURM_NTASKS", "3"))));
        Assert.Equal(new ShardSpec(3, 3), ShardOptions.Resolve("slurm", null, Env(("SLURM_PROCID", "2"), ("SLURM_NTASKS", "3"))));
        Assert.Equal(new ShardSpec(2, 4), ShardOptions.Resolve(null, 4, Env(("SLURM_PROCID", "1"), ("SLURM_NTASKS", "4"))));
        // A job array wins: its tasks are shards, whatever their step's task number.
        Assert.Equal(new ShardSpec(3, 4), ShardOptions.Resolve("slurm", null, Env(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "4"), ("SLURM_PROCID", "0"), ("SLURM_NTASKS", "1"))));
    }

    [Theory]
    [InlineData("SLURM_PROCID is 3, but the 3 tasks are numbered 0 to 2", "slurm", null, "3", "3")]
    [InlineData("SLURM_PROCID is set but SLURM_NTASKS is not", "slurm", null, "0", null)]
    [InlineData("--shards 4: the job step has 3 tasks (SLURM_NTASKS); submit with --ntasks=4", null, 4, "0", "3")]
    [InlineData("SLURM_PROCID is 'x', not a whole number", "slurm", null, "x", "3")]
    public void Inconsistent_srun_task_variables_are_refused(string message, string? shard, int? shards, string procId, string? tasks)
    {
        var variables = tasks is null ? new[] { ("SLURM_PROCID", procId) } : [("SLURM_PROCID", procId), ("SLURM_NTASKS", tasks)];
        var e = Assert.Throws<InvalidInputException>(() => ShardOptions.Resolve(shard, shards, Env(variables)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_completion_index_is_0_based()
    {
        Assert.Equal(new ShardSpec(1, 5), ShardOptions.Resolve(null, 5, Env(("JOB_COMPLETION_INDEX", "0"))));
        Assert.Equal(new ShardSpec(5, 5), ShardOptions.Resolve(null, 5, Env(("JOB_COMPLETION_INDEX", "4"))));
    }

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID is not set", "slurm", null)]
    [InlineData("neither JOB_COMPLETION_INDEX", null, 4)]
    [InlineData("give one of them", "1/4", 4)]
    public void Missing_scheduler_variables_are_explained(string message, string? shard, int? shards)
    {
        var e = Assert.Throws<InvalidInputException>(() => ShardOptions.Resolve(shard, shards, Env()));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconsistent_scheduler_variables_are_refused()
    {
        Assert.Contains("indexes go from 0 to 3", Assert.Throws<InvalidInputException>(() => ShardOptions.Resolve(null, 4, Env(("JOB_COMPLETION_INDEX", "4")))).Message);
        Assert.Contains("array task 0 is not a shard number (1 to 4)", Assert.Throws<InvalidInputException>(() =>
            ShardOptions.Resolve(null, 4, Env(("SLURM_ARRAY_TASK_ID", "0"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_COUNT", "4")))).Message);
        Assert.Contains("steps by 2", Assert.Throws<InvalidInputException>(() =>
            ShardOptions.Resolve("slurm", null, Env(("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_STEP", "2"), ("SLURM_ARRAY_TASK_COUNT", "3")))).Message);
    }

    [Fact]
    public void Blocks_cover_every_replication_once_and_differ_by_at_most_one()
    {
        for (var replications = 1; replications <= 40; replications++)
        {
            for (var n = 1; n <= replications; n++)
            {
                var blocks = Enumerable.Range(1, n).Select(k => new ShardSpec(k, n).Replications(replications)).ToList();
                Assert.Equal(Enumerable.Range(0, replications), blocks.SelectMany(b => b));
                Assert.True(blocks.Max(b => b.Count) - blocks.Min(b => b.Count) <= 1);
                Assert.Equal(0, blocks[0][0]); // replication 1, whose files feed the note, is in shard 1
            }
        }
    }
}
