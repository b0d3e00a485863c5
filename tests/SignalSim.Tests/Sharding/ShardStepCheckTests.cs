// The note's step-size check under sharding: the shard owning replication 1 runs the half-step
// runs (and only it), `merge` sets them against the merged baseline runs, and the merged
// step_check.csv and report.md are the unsharded ones to the byte.
using SignalSim.Cli;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Sharding;

public sealed class ShardStepCheckTests
{
    private static string[] Args(string outDir, params string[] extra) =>
        ["compare", CliRunner.ScenarioPath(ShardStudy.Arterial), "--duration", "600", "--replications", "5", "--threads", "2", "--no-pdf", "--out", outDir, .. extra];

    [Fact]
    public async Task Merged_step_size_check_and_note_are_the_unsharded_ones()
    {
        using var tmp = new TempDirectory();
        var whole = await CliRunner.RunAsync(Args(tmp["whole"]));
        Assert.True(whole.ExitCode == ExitCodes.Ok, whole.ToString());
        // Shard 1 of 3 owns replication 1 only: the check's replications 2 and 3 come from shard 2.
        for (var k = 1; k <= 3; k++)
        {
            var shard = await CliRunner.RunAsync(Args(tmp[$"s{k}"], "--shard", $"{k}/3"));
            Assert.True(shard.ExitCode == ExitCodes.Ok, shard.ToString());
        }
        var halfStep = File.ReadAllLines(tmp["s1/step_check.csv"]).Skip(1).ToList();
        Assert.Equal(3, halfStep.Count);
        Assert.All(halfStep, l => Assert.Equal("0.25", l.Split(',')[2]));
        Assert.False(File.Exists(tmp["s2/step_check.csv"]));
        Assert.False(File.Exists(tmp["s3/step_check.csv"]));

        var merge = await CliRunner.RunAsync(["merge", tmp["s3"], tmp["s1"], tmp["s2"], "--out", tmp["merged"], "--no-pdf"]);
        Assert.True(merge.ExitCode == ExitCodes.Ok, merge.ToString());
        foreach (var file in new[] { "step_check.csv", "report.md" })
            Assert.True(File.ReadAllBytes(Path.Combine(tmp["whole"], file)).SequenceEqual(File.ReadAllBytes(Path.Combine(tmp["merged"], file))), $"{file} differs after merging");
        Assert.Equal(7, File.ReadAllLines(tmp["merged/step_check.csv"]).Length);
    }

    [Fact]
    public async Task A_damaged_half_step_file_is_refused_with_its_line()
    {
        using var tmp = new TempDirectory();
        for (var k = 1; k <= 2; k++)
            Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(Args(tmp[$"s{k}"], "--shard", $"{k}/2"))).ExitCode);
        var path = tmp["s1/step_check.csv"];
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, [.. lines.Take(2), lines[2][..(lines[2].Length / 2)]]);
        var merge = await CliRunner.RunAsync(["merge", tmp["s1"], tmp["s2"], "--out", tmp["merged"], "--no-pdf"]);
        Assert.Equal(ExitCodes.InvalidInput, merge.ExitCode);
        Assert.Contains("step_check.csv': line 3:", merge.Error, StringComparison.Ordinal);
        Assert.Contains("run the comparison again", merge.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", merge.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(tmp["merged/comparison.csv"]));
    }
}
