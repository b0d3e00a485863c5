// Sharding keeps the priority requests: a comparison whose strategy relays bus requests between
// the centres over a lossy link (Porte de Choisy, 30 % loss), run whole and as 2 shards, gives
// after the merge the same priority_messages.csv, byte for byte, as every other file.
using SignalSim.Analysis.Comparison;
using SignalSim.Cli;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Sharding;

public sealed class ShardPriorityMergeTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string[] Args(string outDir, params string[] extra) =>
        ["compare", CliRunner.ScenarioPath("porte-de-choisy.json"), "--strategies", "bus-priority-shared-loss-30pc", "--duration", "900",
            "--replications", "3", "--threads", "2", "--no-report", "--out", outDir, .. extra];

    [Fact]
    public async Task Merged_shards_write_the_priority_requests_of_the_unsharded_comparison()
    {
        var whole = await CliRunner.RunAsync(Args(_tmp["whole"]));
        Assert.True(whole.ExitCode == ExitCodes.Ok, whole.ToString());
        for (var k = 1; k <= 2; k++)
        {
            var shard = await CliRunner.RunAsync(Args(_tmp[$"shard-{k}"], "--shard", $"{k}/2"));
            Assert.True(shard.ExitCode == ExitCodes.Ok, shard.ToString());
        }
        var merge = await ShardStudy.Merge(_tmp["merged"], [_tmp["shard-2"], _tmp["shard-1"]]);
        Assert.True(merge.ExitCode == ExitCodes.Ok, merge.ToString());

        var csv = File.ReadAllLines(_tmp[Path.Combine("whole", PriorityMessageComparison.CsvFileName)]);
        // The study has something to compare: relayed requests, some of them lost on the link.
        var rows = csv.Skip(1).Select(l => l.Split(',')).Where(r => r[0] == "bus-priority-shared-loss-30pc").ToList();
        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => double.Parse(r[6], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains(rows, r => double.Parse(r[7], System.Globalization.CultureInfo.InvariantCulture) > 0);

        var wholeFiles = Files(_tmp["whole"]);
        Assert.Contains(PriorityMessageComparison.CsvFileName, wholeFiles);
        Assert.Equal(wholeFiles, Files(_tmp["merged"]));
        foreach (var f in wholeFiles)
            Assert.True(File.ReadAllBytes(Path.Combine(_tmp["whole"], f)).SequenceEqual(File.ReadAllBytes(Path.Combine(_tmp["merged"], f))), $"{f} differs after merging");
    }

    private static List<string> Files(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToList();
}
