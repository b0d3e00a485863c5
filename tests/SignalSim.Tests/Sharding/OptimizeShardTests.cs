// `optimize --shard K/N --exchange DIR`: N shards run together (one task each, in-process) must
// write, through shard 1, the very files of the unsharded search, byte for byte (the outputs hold
// no wall-clock time, so nothing is excluded from the comparison); the other shards write nothing
// into --out. A file of another search in the exchange folder, a shard that never comes, and
// options that do not fit are refused with exit code 2 and a message that names what is wrong.
using SignalSim.Analysis.Optimisation;
using SignalSim.Analysis.Sharding;
using SignalSim.Cli;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Sharding;

public sealed class OptimizeShardTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>A short search: 1 search replication, 2 fresh ones, 10 minutes measured (about 76 runs).</summary>
    private static string[] Arterial(params string[] extra) =>
        ["optimize", CliRunner.ScenarioPath(ShardStudy.Arterial), "--strategy", "bad-offsets", "--replications", "1", "--evaluation-replications", "2",
            "--duration", "600", "--threads", "1", .. extra];

    /// <summary>Runs the N shards at the same time, shard K into out-K, and returns their runs in order.</summary>
    private async Task<CliRun[]> Shards(int n, Func<int, string[]> args) =>
        await Task.WhenAll(Enumerable.Range(1, n).Select(k => Task.Run(() => CliRunner.RunAsync(args(k)))));

    private void AssertSameFolder(string expected, string actual)
    {
        var names = Directory.EnumerateFiles(expected).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.EnumerateFiles(actual).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (var name in names)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(actual, name!))), $"{name} of the sharded search differs from the unsharded one");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task N_shards_running_together_write_through_shard_1_the_unsharded_result(int n)
    {
        var whole = await CliRunner.RunAsync(Arterial("--out", _tmp["whole"]));
        Assert.True(whole.ExitCode == ExitCodes.Ok, whole.ToString());

        var runs = await Shards(n, k => Arterial("--shard", $"{k}/{n}", "--exchange", _tmp["exchange"], "--out", _tmp[$"out-{k}"]));
        for (var k = 1; k <= n; k++) Assert.True(runs[k - 1].ExitCode == ExitCodes.Ok, $"shard {k}: {runs[k - 1]}");
        foreach (var file in new[] { OptimisationOutput.StrategyFileName, OptimisationOutput.SearchFileName })
            Assert.True(File.ReadAllBytes(_tmp[Path.Combine("whole", file)]).SequenceEqual(File.ReadAllBytes(_tmp[Path.Combine("out-1", file)])), $"{file} differs");
        AssertSameFolder(_tmp["whole"], _tmp["out-1"]); // the evaluation files and the summary too, and the folder's manifest
        for (var k = 2; k <= n; k++)
        {
            Assert.False(Directory.Exists(_tmp[$"out-{k}"]), $"shard {k} wrote into its --out");
            Assert.Contains("shard 1 writes the result", runs[k - 1].Out, StringComparison.Ordinal);
        }
        // Every batch holds one file per shard, and nothing half-written is left behind.
        var batches = Directory.GetDirectories(_tmp["exchange"]);
        Assert.True(batches.Length > 10, $"{batches.Length} batches");
        foreach (var batch in batches)
            Assert.Equal(Enumerable.Range(1, n).Select(k => $"shard-{k}.json").Order(StringComparer.Ordinal), Directory.GetFiles(batch).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_sharded_pareto_search_writes_the_unsharded_front()
    {
        string[] Args(params string[] extra) =>
            ["optimize", CliRunner.ScenarioPath("porte-de-choisy.json"), "--strategy", "status-quo", "--objective", "pareto", "--front-points", "2", "--keep-cycle",
                "--replications", "1", "--evaluation-replications", "2", "--duration", "300", "--threads", "1", .. extra];
        var whole = await CliRunner.RunAsync(Args("--out", _tmp["whole"]));
        Assert.True(whole.ExitCode == ExitCodes.Ok, whole.ToString());
        var runs = await Shards(2, k => Args("--shard", $"{k}/2", "--exchange", _tmp["exchange"], "--out", _tmp[$"out-{k}"]));
        Assert.All(runs, r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
        AssertSameFolder(_tmp["whole"], _tmp["out-1"]);
        Assert.False(Directory.Exists(_tmp["out-2"]));
    }

    [Fact]
    public async Task A_file_of_another_search_in_the_exchange_folder_is_refused_and_named()
    {
        // Shard 2 runs with other seeds: each shard writes its batch 1, then finds the other's foreign.
        var runs = await Shards(2, k => Arterial(["--shard", $"{k}/2", "--exchange", _tmp["exchange"], "--out", _tmp[$"out-{k}"], .. k == 2 ? new[] { "--seed", "99" } : []]));
        Assert.True(runs[0].ExitCode == ExitCodes.InvalidInput, runs[0].ToString());
        Assert.Contains(Path.Combine("batch-1", "shard-2.json"), runs[0].Error, StringComparison.Ordinal);
        Assert.Contains("is from another search: other seeds (base seed 99, here 1)", runs[0].Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", runs[0].Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_tmp["out-1"]), "nothing is written into --out");
        Assert.True(runs[1].ExitCode == ExitCodes.InvalidInput, runs[1].ToString());
        Assert.Contains(Path.Combine("batch-1", "shard-1.json"), runs[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shard_whose_peers_never_come_stops_naming_them()
    {
        var run = await CliRunner.RunAsync(Arterial("--shard", "2/3", "--exchange", _tmp["exchange"], "--exchange-timeout", "0.5", "--out", _tmp["out"]));
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("shard 2 of 3 waited 0.5 s for batch 1, but shard 1 of 3, shard 3 of 3 wrote nothing", run.Error, StringComparison.Ordinal);
        Assert.Contains("must run at the same time", run.Error, StringComparison.Ordinal);
        Assert.Contains("srun", run.Error, StringComparison.Ordinal);
        // Its own share of batch 1 is there for the others, complete.
        Assert.Equal(["shard-2.json"], Directory.GetFiles(_tmp["exchange/batch-1"]).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_stopped_shard_stops_the_others_instead_of_leaving_them_waiting()
    {
        // Shard 2 runs its share of batch 1, then is stopped while it waits for shard 1: its
        // batch-2 file says so, and shard 1, started only then with an hour to wait, goes through
        // batch 1 on shard 2's runs and stops at batch 2 on reading it.
        using var stop = new CancellationTokenSource();
        var second = Task.Run(() => CliRunner.RunAsync(stop.Token, Arterial("--shard", "2/2", "--exchange", _tmp["exchange"], "--out", _tmp["out-2"])));
        for (var i = 0; i < 600 && !File.Exists(_tmp["exchange/batch-1/shard-2.json"]) && !second.IsCompleted; i++) await Task.Delay(100);
        await stop.CancelAsync();
        var stopped = await second;
        Assert.True(stopped.ExitCode == ExitCodes.Cancelled, stopped.ToString());
        Assert.True(File.Exists(_tmp["exchange/batch-2/shard-2.json"]), stopped.ToString());
        var first = await CliRunner.RunAsync(Arterial("--shard", "1/2", "--exchange", _tmp["exchange"], "--out", _tmp["out-1"]));
        Assert.True(first.ExitCode == ExitCodes.InvalidInput, first.ToString());
        Assert.Contains("shard 2 of 2 was stopped (Ctrl+C or termination) at batch 2", first.Error, StringComparison.Ordinal);
        Assert.Contains("run all 2 shards again", first.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_tmp["out-1"]));
        Assert.False(Directory.Exists(_tmp["out-2"]));
    }

    [Fact]
    public async Task Shard_1_alone_leaves_no_result_in_out_when_it_gives_up()
    {
        var run = await CliRunner.RunAsync(Arterial("--shard", "1/2", "--exchange", _tmp["exchange"], "--exchange-timeout", "0.5", "--out", _tmp["out"]));
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("shard 2 of 2 wrote nothing", run.Error, StringComparison.Ordinal);
        Assert.Equal(["exchange"], _tmp.Entries()); // neither the result nor its staging folder
    }

    [Theory]
    [InlineData("a sharded search needs --exchange DIR", "--shard", "1/2")]
    [InlineData("--exchange-timeout: '0' is not a positive number", "--shard", "1/2", "--exchange", "EX", "--exchange-timeout", "0")]
    [InlineData("--exchange-timeout: 'inf' is not a positive number", "--shard", "1/2", "--exchange", "EX", "--exchange-timeout", "inf")]
    [InlineData("--exchange-timeout: '-1' is not a positive number", "--shard", "1/2", "--exchange", "EX", "--exchange-timeout", "-1")]
    [InlineData("--exchange-timeout: 'NaN' is not a positive number", "--shard", "1/2", "--exchange", "EX", "--exchange-timeout", "NaN")]
    [InlineData("shard 3 does not exist in 2 shards", "--shard", "3/2", "--exchange", "EX")]
    [InlineData("--exchange applies to a sharded search only", "--exchange", "EX")]
    [InlineData("--exchange-timeout applies to a sharded search only", "--exchange-timeout", "60")]
    [InlineData("lies inside --out", "--shard", "1/2", "--exchange", "OUT/exchange")]
    public async Task Bad_shard_options_are_refused_with_exit_code_2(string message, params string[] options)
    {
        var given = options.Select(o => o.Replace("EX", _tmp["exchange"], StringComparison.Ordinal).Replace("OUT", _tmp["out"], StringComparison.Ordinal)).ToArray();
        var run = await CliRunner.RunAsync(Arterial([.. given, "--out", _tmp["out"]]));
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(_tmp.Entries()); // neither --out nor the exchange folder
    }

    [Fact]
    public void Runs_of_a_batch_go_round_robin_and_each_to_exactly_one_shard()
    {
        Assert.Equal([(0, 0), (2, 0), (1, 1)], BatchExchange.Share(3, 2, 1, 2)); // runs 0, 2, 4, replication by replication
        Assert.Equal([(1, 0), (0, 1), (2, 1)], BatchExchange.Share(3, 2, 2, 2));
        for (var n = 1; n <= 5; n++)
        {
            var all = Enumerable.Range(1, n).SelectMany(k => BatchExchange.Share(4, 3, k, n)).ToList();
            Assert.Equal(12, all.Count);
            Assert.Equal(12, all.Distinct().Count());
        }
        Assert.Empty(BatchExchange.Share(2, 1, 3, 3)); // more shards than runs: the last ones have nothing to run, and still exchange
    }
}
