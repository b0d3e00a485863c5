// Sharding changes nothing: the shards of a comparison, merged, give the same comparison.csv,
// comparison.md, comparison.json, scenario.json and replication-1 files as the unsharded run, for
// 1, 2, 3 and 7 shards; and the merged note is the unsharded one.
using SignalSim.Analysis.Comparison;
using SignalSim.Cli;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Sharding;

/// <summary>The unsharded comparison, run once for every test of the class.</summary>
public sealed class UnshardedComparison : IAsyncLifetime
{
    private readonly TempDirectory _tmp = new();

    public string Dir => _tmp["whole"];

    public async Task InitializeAsync()
    {
        var run = await ShardStudy.Whole(Dir);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
    }

    public Task DisposeAsync()
    {
        _tmp.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class ShardMergeTests(UnshardedComparison whole) : IClassFixture<UnshardedComparison>, IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task Merged_shards_are_byte_identical_to_the_unsharded_comparison(int shards)
    {
        var folders = new List<string>();
        for (var k = 1; k <= shards; k++)
        {
            var dir = _tmp[$"sweep/shard-{k}"];
            var run = await ShardStudy.Shard(dir, k, shards);
            Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
            folders.Add(dir);
        }
        folders.Reverse(); // any order
        var merge = await ShardStudy.Merge(_tmp["merged"], folders);
        Assert.True(merge.ExitCode == ExitCodes.Ok, merge.ToString());
        Assert.Contains($"merged {shards} shards", merge.Out, StringComparison.Ordinal);

        foreach (var file in new[] { ComparisonCsvWriter.FileName, ComparisonMarkdownWriter.FileName, ComparisonOutput.MetadataFileName, "scenario.json" })
            Assert.True(File.ReadAllBytes(Path.Combine(whole.Dir, file)).SequenceEqual(File.ReadAllBytes(_tmp[Path.Combine("merged", file)])), $"{file} differs after merging {shards} shards");
        var wholeFiles = Files(whole.Dir);
        Assert.Equal(wholeFiles, Files(_tmp["merged"]));
        foreach (var f in wholeFiles)
            Assert.True(File.ReadAllBytes(Path.Combine(whole.Dir, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(_tmp["merged"], f))), $"{f} differs after merging {shards} shards");
    }

    [Fact]
    public async Task Every_strategy_of_a_replication_is_in_the_same_shard_and_replication_1_files_only_in_its_shard()
    {
        for (var k = 1; k <= 3; k++) Assert.Equal(ExitCodes.Ok, (await ShardStudy.Shard(_tmp[$"s{k}"], k, 3)).ExitCode);
        var owned = new List<int>();
        for (var k = 1; k <= 3; k++)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(_tmp[$"s{k}/shard.json"]));
            var replications = doc.RootElement.GetProperty("replications").EnumerateArray().Select(e => e.GetInt32()).ToList();
            owned.AddRange(replications);
            using var runs = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(_tmp[$"s{k}/runs.json"]));
            var pairs = runs.RootElement.GetProperty("runs").EnumerateArray()
                .Select(r => (Strategy: r.GetProperty("strategy").GetString(), Replication: r.GetProperty("replication").GetInt32())).ToList();
            foreach (var r in replications)
                Assert.Equal(["green-wave", "bad-offsets"], pairs.Where(p => p.Replication == r).Select(p => p.Strategy).Order(StringComparer.Ordinal).Reverse());
            Assert.Equal(k == 1, Directory.Exists(_tmp[$"s{k}/green-wave"]));
        }
        Assert.Equal(Enumerable.Range(1, ShardStudy.Replications), owned);
    }

    private static List<string> Files(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToList();
}
