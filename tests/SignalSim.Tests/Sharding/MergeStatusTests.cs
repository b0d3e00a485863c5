// `merge --status`: which shards are done, running (a live shard.running in the staging folder
// beside the shard's folder), interrupted or missing, so a sweep can be watched and resumed;
// and merge refuses a shard that is still running.
using System.Diagnostics;
using SignalSim.Analysis.Sharding;
using SignalSim.Cli;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Sharding;

public sealed class MergeStatusTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task Status_says_done_running_and_missing()
    {
        Assert.Equal(ExitCodes.Ok, (await ShardStudy.Shard(_tmp["sweep/shard-1"], 1, 3)).ExitCode);
        // Shard 2 as a live run leaves it: its staging folder, with this very process as the runner.
        var staging = _tmp["sweep/.shard-2.partial-0123456789abcdef0123456789abcdef"];
        Directory.CreateDirectory(staging);
        new ShardProgressFile(staging, new ShardSpec(2, 3), runsTotal: 4).Update(3);

        var status = await CliRunner.RunAsync("merge", "--status", _tmp["sweep/shard-1"], _tmp["sweep/shard-2"]);
        Assert.True(status.ExitCode == ExitCodes.Ok, status.ToString());
        Assert.Contains("shard 1 of 3: done", status.Out, StringComparison.Ordinal);
        Assert.Contains("shard 2 of 3: running", status.Out, StringComparison.Ordinal);
        Assert.Contains("3 of 4 runs", status.Out, StringComparison.Ordinal);
        Assert.Contains("shard 3 of 3: missing", status.Out, StringComparison.Ordinal);
        Assert.Contains("1 of 3 shards done, 1 running, 1 missing", status.Out, StringComparison.Ordinal);

        var merge = await ShardStudy.Merge(_tmp["merged"], [_tmp["sweep/shard-1"], _tmp["sweep/shard-2"]]);
        Assert.True(merge.ExitCode == ExitCodes.InvalidInput, merge.ToString());
        Assert.Contains("shard-2' (shard 2 of 3) is still running (3 of 4 runs)", merge.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shard_whose_process_is_gone_is_missing_not_running()
    {
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        gone.WaitForExit();
        var staging = _tmp["sweep/.shard-1.partial-0123456789abcdef0123456789abcdef"];
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, ShardProgressFile.FileName),
            $$"""{"shard": 1, "shards": 2, "host": "{{Environment.MachineName}}", "pid": {{gone.Id}}, "started_utc": "2026-01-01T00:00:00+00:00", "updated_utc": "2026-01-01T00:01:00+00:00", "runs_done": 1, "runs_total": 8}""");
        var status = await CliRunner.RunAsync("merge", "--status", _tmp["sweep/shard-1"]);
        Assert.True(status.ExitCode == ExitCodes.Ok, status.ToString());
        Assert.Contains("shard 1 of 2: missing", status.Out, StringComparison.Ordinal);
        Assert.Contains("stopped without finishing; run it again", status.Out, StringComparison.Ordinal);
        Assert.Contains("shard 2 of 2: missing", status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_writes_the_shard_marked_incomplete_and_merge_refuses_it()
    {
        using var cancel = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new CancellingWriter("runs done", cancel);
        var dir = _tmp["sweep/shard-1"];
        var code = await SignalSimApp.RunAsync(
            ["compare", CliRunner.ScenarioPath(ShardStudy.Arterial), "--duration", "600", "--replications", "200", "--threads", "2", "--no-report", "--out", dir, "--shard", "1/2"],
            stdout, stderr, cancel.Token);
        Assert.True(code == ExitCodes.Cancelled, $"exit {code}\n{stdout}\n{stderr.Text}");
        Assert.Contains("marked as incomplete", stderr.Text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, ShardProgressFile.FileName)), "the progress file never reaches the folder");

        var status = await CliRunner.RunAsync("merge", "--status", dir);
        Assert.Contains("shard 1 of 2: interrupted", status.Out, StringComparison.Ordinal);
        var merge = await ShardStudy.Merge(_tmp["merged"], [dir]);
        Assert.True(merge.ExitCode == ExitCodes.InvalidInput, merge.ToString());
        Assert.Contains("shard-1' (shard 1 of 2) is truncated: it was interrupted after", merge.Error, StringComparison.Ordinal);
    }
}
