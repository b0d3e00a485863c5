// deploy/kubernetes: the Indexed Job of the shards, the merge Job and the results volume are
// valid against the Job (and PersistentVolumeClaim) schema, and they agree with each other and
// with `signalsim compare --shards`: as many shards as completions, each pod's folder from its
// 0-based JOB_COMPLETION_INDEX, the merge reading every shard's folder on the same volume.
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace SignalSim.Tests.Deploy;

public sealed partial class KubernetesManifestTests
{
    private static string DeployPath(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SignalSim.sln"))) return Path.Combine([dir.FullName, "deploy", .. parts]);
        }
        throw new DirectoryNotFoundException("SignalSim.sln not found above the test output folder");
    }

    private static Dictionary<object, object> Load(string file) =>
        (Dictionary<object, object>)new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(DeployPath("kubernetes", file)))!;

    private static Dictionary<object, object> At(Dictionary<object, object> node, params string[] path) =>
        path.Aggregate(node, (n, key) => (Dictionary<object, object>)n[key]);

    private static Dictionary<object, object> Container(Dictionary<object, object> job) =>
        (Dictionary<object, object>)((List<object>)At(job, "spec", "template", "spec")["containers"])[0];

    private static string Script(Dictionary<object, object> job) => string.Join(" ", ((List<object>)Container(job)["args"]).Cast<string>());

    [Theory]
    [InlineData("compare-job.yaml")]
    [InlineData("merge-job.yaml")]
    public void The_jobs_are_valid_batch_v1_Jobs(string file)
    {
        var errors = JobSchema.CheckJob(Load(file));
        Assert.True(errors.Count == 0, $"{file}:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void The_schema_check_catches_mistakes()
    {
        var job = Load("compare-job.yaml");
        At(job, "spec")["completionMode"] = "Indexd";
        At(job, "spec", "template", "spec")["restartPolicy"] = "Always";
        At(job, "spec")["completion"] = "4";
        var errors = JobSchema.CheckJob(job);
        Assert.Contains(errors, e => e.Contains("'Indexd' is not one of NonIndexed, Indexed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unknown field 'completion'", StringComparison.Ordinal));
        At(job, "spec")["completionMode"] = "Indexed";
        At(job, "spec").Remove("completion");
        Assert.Contains(JobSchema.CheckJob(job), e => e.Contains("restartPolicy", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shards_run_as_an_Indexed_Job_with_one_completion_per_shard()
    {
        var job = Load("compare-job.yaml");
        var spec = At(job, "spec");
        Assert.Equal("Indexed", spec["completionMode"]);
        var completions = int.Parse((string)spec["completions"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(int.Parse((string)spec["parallelism"], System.Globalization.CultureInfo.InvariantCulture) <= completions);
        var script = Script(job);
        Assert.Matches(@"^exec signalsim compare ", script);
        Assert.Equal(completions.ToString(System.Globalization.CultureInfo.InvariantCulture), ShardsOption().Match(script).Groups[1].Value);
        Assert.Contains("--out \"/results/sweep/shard-$((JOB_COMPLETION_INDEX + 1))\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("--shard ", script, StringComparison.Ordinal); // K comes from the index, N from --shards
    }

    [Fact]
    public void The_merge_reads_every_shard_folder_on_the_same_volume()
    {
        var compare = Load("compare-job.yaml");
        var merge = Load("merge-job.yaml");
        var completions = int.Parse((string)At(compare, "spec")["completions"], System.Globalization.CultureInfo.InvariantCulture);
        var folders = string.Join(" ", Enumerable.Range(1, completions).Select(k => $"/results/sweep/shard-{k}"));
        var script = Script(merge);
        Assert.Contains($"signalsim merge --status {folders}", script, StringComparison.Ordinal);
        Assert.Contains($"exec signalsim merge {folders} --out /results/sweep/merged", script, StringComparison.Ordinal);
        Assert.Equal(Claim(compare), Claim(merge));
        var pvc = Load("results-pvc.yaml");
        var errors = new List<string>();
        JobSchema.PersistentVolumeClaim.Check(pvc, "pvc", errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(Claim(compare), At(pvc, "metadata")["name"]);
        Assert.Contains("ReadWriteMany", (List<object>)At(pvc, "spec")["accessModes"]);
        Assert.Equal(Container(compare)["image"], Container(merge)["image"]);
    }

    [Fact]
    public async Task A_pod_of_the_Indexed_Job_runs_the_shard_of_its_index()
    {
        using var tmp = new SignalSim.Tests.Output.TempDirectory();
        // The pod's command as sh runs it, with the pod's paths moved to a temporary folder and a shorter study.
        var script = Script(Load("compare-job.yaml"))
            .Replace("/scenario/scenario.json", SignalSim.Tests.Cli.CliRunner.ScenarioPath("arterial-green-wave.json") + " --duration 300 --no-report", StringComparison.Ordinal)
            .Replace("--replications 20", "--replications 4", StringComparison.Ordinal)
            .Replace("/results", tmp.Path, StringComparison.Ordinal);
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["JOB_COMPLETION_INDEX"] = "1";
        start.Environment["PATH"] = AppContext.BaseDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await stdout}\n{await stderr}");
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(tmp.Path, "sweep", "shard-2", "shard.json")));
        Assert.Equal(2, manifest.RootElement.GetProperty("shard").GetInt32());
        Assert.Equal(4, manifest.RootElement.GetProperty("shards").GetInt32());
        Assert.Equal([2], manifest.RootElement.GetProperty("replications").EnumerateArray().Select(e => e.GetInt32()));
    }

    private static string Claim(Dictionary<object, object> job) =>
        ((List<object>)At(job, "spec", "template", "spec")["volumes"]).Cast<Dictionary<object, object>>()
            .Where(v => v.ContainsKey("persistentVolumeClaim")).Select(v => (string)((Dictionary<object, object>)v["persistentVolumeClaim"])["claimName"]).Single();

    [GeneratedRegex(@"--shards (\d+)")]
    private static partial Regex ShardsOption();
}
