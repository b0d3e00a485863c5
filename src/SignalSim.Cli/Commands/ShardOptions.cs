// `compare` and `optimize` `--shard K/N`, `--shard slurm` and `--shards N`: which shard of a
// split study this process runs. K and N come from the command line, from a Slurm job array
// (SLURM_ARRAY_TASK_ID, _MIN, _COUNT), from the tasks of one Slurm job step started by srun
// (SLURM_PROCID, 0-based, of SLURM_NTASKS: what a sharded optimize needs, since its shards must
// run at the same time), or from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, 0-based, with N
// from --shards since the pod is not told the completion count). A job array wins over srun tasks.
using System.CommandLine;
using System.Globalization;
using SignalSim.Analysis.Sharding;

namespace SignalSim.Cli.Commands;

internal static class ShardOptions
{
    public const string SlurmWord = "slurm";

    private const string SlurmWords = "'slurm' takes K and N from the job array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT), "
        + "or else from the srun task (SLURM_PROCID + 1 of SLURM_NTASKS).";

    /// <param name="what">What the shard runs and writes, for the help.</param>
    public static Option<string?> Shard(string what = "whole replications, every strategy of each; write per-run metrics and shard.json for `signalsim merge`") => new("--shard")
    {
        HelpName = "K/N|slurm",
        Description = $"Run only shard K of N (1-based): {what}. {SlurmWords}",
    };

    /// <param name="description">The help, when the compare one does not fit.</param>
    public static Option<int?> Shards(string? description = null) => new("--shards")
    {
        HelpName = "N",
        Description = description ?? "Split into N shards and run the one the scheduler names: shard JOB_COMPLETION_INDEX + 1 in a Kubernetes Indexed Job, else shard SLURM_ARRAY_TASK_ID (submit --array=1-N; --array=K re-runs shard K), "
            + "else shard SLURM_PROCID + 1 (srun with N tasks).",
        CustomParser = r => OptionParsers.PositiveCount(r, "--shards", ShardSpec.MaxCount, "give the number of shards, e.g. 4 (the Job's completions or the array's size)"),
    };

    /// <summary>The shard to run, or null for the whole study.</summary>
    /// <exception cref="InvalidInputException">Inconsistent options or scheduler variables.</exception>
    public static ShardSpec? Resolve(string? shard, int? shards, Func<string, string?> environment)
    {
        if (shard is not null && shards is not null)
            throw Error("--shard and --shards: give one of them (--shard K/N, --shard slurm, or --shards N inside a Kubernetes Indexed Job)");
        if (shards is { } n) return FromIndexedJob(n, environment) ?? FromSlurm(environment, n, "--shards");
        if (shard is null) return null;
        if (shard.Trim().Equals(SlurmWord, StringComparison.OrdinalIgnoreCase)) return FromSlurm(environment, null, "--shard slurm");
        return ShardSpec.TryParse(shard.Trim(), out var problem) ?? throw Error($"--shard: {problem}");
    }

    private static ShardSpec? FromIndexedJob(int n, Func<string, string?> environment)
    {
        if (environment("JOB_COMPLETION_INDEX") is not { } text) return null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            throw Error($"--shards: JOB_COMPLETION_INDEX is '{text}', not a whole number; run inside a Kubernetes Job with completionMode: Indexed");
        if (index >= n)
            throw Error($"--shards {n}: JOB_COMPLETION_INDEX is {index}, but indexes go from 0 to {n - 1}; set the Job's completions and parallelism to match --shards");
        return new ShardSpec(index + 1, n);
    }

    /// <summary>
    /// --shard slurm: K is the task's place in the array (SLURM_ARRAY_TASK_ID minus
    /// SLURM_ARRAY_TASK_MIN, plus 1) and N the array's size. --shards N: N is given and K is the
    /// task id itself (submit --array=1-N), so that one shard can be re-run alone with --array=K.
    /// Outside an array, the srun task's number decides (FromSrunTask).
    /// </summary>
    private static ShardSpec FromSlurm(Func<string, string?> environment, int? shards, string option)
    {
        if (environment("SLURM_ARRAY_TASK_ID") is not { } idText)
        {
            if (environment("SLURM_PROCID") is { } procText) return FromSrunTask(procText, environment, shards, option);
            throw Error(shards is null
                ? $"{option}: SLURM_ARRAY_TASK_ID is not set, nor SLURM_PROCID; submit with sbatch --array=1-N, start N tasks with srun, or give --shard K/N"
                : $"{option}: neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor SLURM_ARRAY_TASK_ID (Slurm job array) nor SLURM_PROCID (srun task) is set; give --shard K/N outside a scheduler");
        }
        var id = Number(idText, "SLURM_ARRAY_TASK_ID", option);
        if (shards is { } n)
        {
            if (id < 1 || id > n)
                throw Error($"{option} {n}: array task {id} is not a shard number (1 to {n}); submit --array=1-{n}, or --array=K to re-run shard K");
            return new ShardSpec(id, n);
        }
        var min = environment("SLURM_ARRAY_TASK_MIN") is { } minText ? Number(minText, "SLURM_ARRAY_TASK_MIN", option) : 1;
        if (environment("SLURM_ARRAY_TASK_STEP") is { } stepText && Number(stepText, "SLURM_ARRAY_TASK_STEP", option) != 1)
            throw Error($"{option}: the job array steps by {stepText}; submit a contiguous array such as --array=1-N so every shard runs");
        var count = environment("SLURM_ARRAY_TASK_COUNT") is { } countText
            ? Number(countText, "SLURM_ARRAY_TASK_COUNT", option)
            : throw Error($"{option}: SLURM_ARRAY_TASK_COUNT is not set; give --shards N or --shard K/N");
        var k = id - min + 1;
        if (k < 1 || k > count)
            throw Error($"{option}: array task {id} is outside the array's {count} tasks from {min}; submit a contiguous array such as --array=1-{count}");
        return new ShardSpec(k, count);
    }

    /// <summary>
    /// One of the N tasks of a job step started by srun (sbatch --ntasks=N, then srun): K is
    /// SLURM_PROCID + 1 and N is SLURM_NTASKS; with --shards N, the job must have N tasks.
    /// </summary>
    private static ShardSpec FromSrunTask(string procText, Func<string, string?> environment, int? shards, string option)
    {
        var proc = Number(procText, "SLURM_PROCID", option);
        int? tasks = environment("SLURM_NTASKS") is { } tasksText ? Number(tasksText, "SLURM_NTASKS", option) : null;
        if (shards is { } n && tasks is { } t && t != n)
            throw Error($"{option} {n}: the job step has {t} tasks (SLURM_NTASKS); submit with --ntasks={n} so that each task runs one shard");
        var count = shards ?? tasks ?? throw Error($"{option}: SLURM_PROCID is set but SLURM_NTASKS is not; submit with sbatch --ntasks=N and start the tasks with srun, or give --shards N");
        if (count < 1 || count > ShardSpec.MaxCount) throw Error($"{option}: {count} tasks (SLURM_NTASKS) is out of range (1 to {ShardSpec.MaxCount})");
        if (proc >= count)
            throw Error($"{option}: SLURM_PROCID is {proc}, but the {count} tasks are numbered 0 to {count - 1}; start exactly {count} tasks with srun");
        return new ShardSpec(proc + 1, count);
    }

    private static int Number(string text, string variable, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error($"{option}: {variable} is '{text}', not a whole number");

    private static InvalidInputException Error(string message) => new($"{CliConsole.ProgramName}: error: {message}");
}
