// merge refuses what is not one whole study: a missing shard, a shard given twice, a shard of
// another scenario, seed or program version, and a truncated or unfinished shard, each with
// exit code 2 and a message naming the shard; and nothing is written.
using SignalSim.Cli;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Sharding;

public sealed class MergeRefusalTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private async Task<string[]> ThreeShards(params string[] extra)
    {
        var dirs = new string[3];
        for (var k = 1; k <= 3; k++)
        {
            dirs[k - 1] = _tmp[$"sweep/shard-{k}"];
            var run = await ShardStudy.Shard(dirs[k - 1], k, 3, extra);
            Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        }
        return dirs;
    }

    private async Task Refused(IEnumerable<string> shards, params string[] expected)
    {
        var merge = await ShardStudy.Merge(_tmp["merged"], shards);
        Assert.True(merge.ExitCode == ExitCodes.InvalidInput, merge.ToString());
        foreach (var text in expected) Assert.Contains(text, merge.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", merge.Error, StringComparison.Ordinal); // no stack trace
        Assert.False(Directory.Exists(_tmp["merged"]), "nothing is written");
    }

    [Fact]
    public async Task A_missing_shard_is_refused_naming_it()
    {
        var dirs = await ThreeShards();
        await Refused([dirs[0], dirs[2]], "shard 2 of 3", "replications 3–4", "is missing", "--shard 2/3");
        await Refused([dirs[0], dirs[1], _tmp["sweep/shard-4"]], "sweep/shard-4' does not exist", "missing");
    }

    [Fact]
    public async Task A_shard_given_twice_is_refused_as_duplicated()
    {
        var dirs = await ThreeShards();
        var copy = _tmp["copy-of-2"];
        CopyFolder(dirs[1], copy);
        await Refused([dirs[0], dirs[1], copy, dirs[2]], "shard-2' and '", "copy-of-2' are both shard 2 of 3 (duplicated)");
    }

    [Fact]
    public async Task Shards_of_another_scenario_seed_or_version_are_refused_as_foreign()
    {
        var dirs = await ThreeShards();

        var otherSeed = _tmp["other-seed/shard-2"];
        Assert.Equal(ExitCodes.Ok, (await ShardStudy.Shard(otherSeed, 2, 3, "--seed", "99")).ExitCode);
        await Refused([dirs[0], otherSeed, dirs[2]], "other-seed/shard-2' (shard 2 of 3) is foreign", "other seeds (base seed 99");

        var edited = _tmp["edited.json"];
        var text = File.ReadAllText(CliRunner.ScenarioPath(ShardStudy.Arterial));
        var changed = text.Replace("\"name\": \"arterial eastbound to X1\"", "\"name\": \"arterial eastbound to X1, edited\"", StringComparison.Ordinal);
        Assert.NotEqual(text, changed);
        File.WriteAllText(edited, changed);
        var otherScenario = _tmp["other-scenario/shard-3"];
        var run = await CliRunner.RunAsync(["compare", edited, "--duration", "600", "--replications", "7", "--threads", "2", "--no-report", "--out", otherScenario, "--shard", "3/3"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        await Refused([dirs[0], dirs[1], otherScenario], "other-scenario/shard-3' (shard 3 of 3) is foreign", "another scenario");

        var otherVersion = _tmp["other-version/shard-1"];
        CopyFolder(dirs[0], otherVersion);
        var manifest = Path.Combine(otherVersion, "shard.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!;
        json["program_version"] = "0.0.1-older";
        File.WriteAllText(manifest, json.ToJsonString());
        await Refused([dirs[1], otherVersion, dirs[2]], "other-version/shard-1' (shard 1 of 3) is foreign", "another SignalSim version (0.0.1-older");
    }

    [Fact]
    public async Task Truncated_and_unfinished_shards_are_refused_naming_them()
    {
        var dirs = await ThreeShards();

        var cut = _tmp["cut/shard-2"];
        CopyFolder(dirs[1], cut);
        var runs = Path.Combine(cut, "runs.json");
        var bytes = File.ReadAllBytes(runs);
        File.WriteAllBytes(runs, bytes[..(bytes.Length / 2)]);
        await Refused([dirs[0], cut, dirs[2]], "cut/shard-2' (shard 2 of 3) is truncated");

        var noRuns = _tmp["no-runs/shard-2"];
        CopyFolder(dirs[1], noRuns);
        File.Delete(Path.Combine(noRuns, "runs.json"));
        await Refused([dirs[0], noRuns, dirs[2]], "no-runs/shard-2' (shard 2 of 3) is truncated", "runs.json is missing");

        var cutManifest = _tmp["cut-manifest/shard-3"];
        CopyFolder(dirs[2], cutManifest);
        var manifest = Path.Combine(cutManifest, "shard.json");
        var text = File.ReadAllText(manifest);
        File.WriteAllText(manifest, text[..(text.Length / 2)]);
        await Refused([dirs[0], dirs[1], cutManifest], "cut-manifest/shard-3/shard.json'", "truncated or damaged");

        var unfinished = _tmp["unfinished/shard-1"];
        CopyFolder(dirs[0], unfinished);
        var first = Path.Combine(unfinished, "shard.json");
        File.WriteAllText(first, File.ReadAllText(first).Replace("\"complete\": true", "\"complete\": false", StringComparison.Ordinal));
        await Refused([unfinished, dirs[1], dirs[2]], "unfinished/shard-1' (shard 1 of 3) is truncated", "interrupted");

        var noFiles = _tmp["no-files/shard-1"];
        CopyFolder(dirs[0], noFiles);
        Directory.Delete(Path.Combine(noFiles, "bad-offsets"), recursive: true);
        await Refused([noFiles, dirs[1], dirs[2]], "no-files/shard-1' (shard 1 of 3) is truncated", "'bad-offsets'");
    }

    [Fact]
    public async Task A_comparison_folder_is_not_a_shard()
    {
        var whole = _tmp["whole"];
        Assert.Equal(ExitCodes.Ok, (await ShardStudy.Whole(whole)).ExitCode);
        await Refused([whole], "whole' is not a shard folder", "it holds a comparison, not a shard");
    }

    [Theory]
    [InlineData("'3/2'", "3/2")]
    [InlineData("'0/2'", "0/2")]
    [InlineData("is not K/N", "two")]
    [InlineData("7 replications cannot be split into 8 shards", "8/8")]
    public async Task Bad_shard_options_are_refused_with_exit_code_2(string message, string shard)
    {
        var run = await CliRunner.RunAsync(ShardStudy.CompareArgs(_tmp["out"], "--shard", shard));
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_tmp["out"]));
    }

    [Fact]
    public async Task A_re_run_shard_replaces_only_its_own_folder()
    {
        var dirs = await ThreeShards();
        var before = Directory.GetLastWriteTimeUtc(Path.Combine(dirs[0], "shard.json"));
        var manifest3 = File.ReadAllBytes(Path.Combine(dirs[2], "shard.json"));
        var again = await ShardStudy.Shard(dirs[1], 2, 3);
        Assert.True(again.ExitCode == ExitCodes.Ok, again.ToString());
        Assert.Equal(before, Directory.GetLastWriteTimeUtc(Path.Combine(dirs[0], "shard.json")));
        Assert.Equal(manifest3, File.ReadAllBytes(Path.Combine(dirs[2], "shard.json")));
        Assert.Equal(ExitCodes.Ok, (await ShardStudy.Merge(_tmp["merged"], dirs)).ExitCode);
    }

    internal static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.EnumerateDirectories(from)) CopyFolder(d, Path.Combine(to, Path.GetFileName(d)));
    }
}
