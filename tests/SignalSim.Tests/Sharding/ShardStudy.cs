// Helpers of the shard tests: a short comparison of the arterial scenario, run whole or as
// shard K of N, and the merge of shard folders, all in-process.
using SignalSim.Tests.Cli;

namespace SignalSim.Tests.Sharding;

internal static class ShardStudy
{
    public const string Arterial = "arterial-green-wave.json";

    /// <summary>7 replications, so that 7 shards get one each and 2 and 3 shards get uneven blocks.</summary>
    public const int Replications = 7;

    public static string[] CompareArgs(string outDir, params string[] extra) =>
        ["compare", CliRunner.ScenarioPath(Arterial), "--duration", "600", "--replications", Replications.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--threads", "2", "--no-report", "--out", outDir, .. extra];

    public static Task<CliRun> Whole(string outDir, params string[] extra) => CliRunner.RunAsync(CompareArgs(outDir, extra));

    public static Task<CliRun> Shard(string outDir, int k, int n, params string[] extra) =>
        CliRunner.RunAsync(CompareArgs(outDir, ["--shard", $"{k}/{n}", .. extra]));

    public static Task<CliRun> Merge(string outDir, IEnumerable<string> shards, params string[] extra) =>
        CliRunner.RunAsync(["merge", .. shards, "--out", outDir, "--no-report", .. extra]);
}
