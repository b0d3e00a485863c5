// The options of a sharded `optimize` (--shard K/N, --shard slurm, --shards N, --exchange DIR,
// --exchange-timeout S) and what they become: the shard, checked against the exchange folder
// and --out, and the BatchExchange that shares out every batch of the search. The search and
// its output are OptimizeCommand's; only shard 1 writes it.
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SignalSim.Analysis.Optimisation;
using SignalSim.Analysis.Sharding;

namespace SignalSim.Cli.Commands;

internal sealed class ShardedOptimize
{
    public Option<string?> Shard { get; } = ShardOptions.Shard(
        "every batch of candidate runs is shared out between the N shards, which must run at the same time and swap results through --exchange; shard 1 writes the result");

    public Option<int?> Shards { get; } = ShardOptions.Shards(
        "Split into N shards and run the one the scheduler names: shard JOB_COMPLETION_INDEX + 1 in a Kubernetes Indexed Job (parallelism equal to completions), else SLURM_ARRAY_TASK_ID, "
        + "else SLURM_PROCID + 1 (one job of N tasks started by srun). The N shards must run at the same time.");

    public Option<string?> Exchange { get; } = new("--exchange")
    {
        HelpName = "DIR",
        Description = "With --shard: a folder every shard sees (e.g. on the cluster's shared file system), through which the shards swap each batch's runs; one empty folder per search.",
    };

    public Option<double?> ExchangeTimeout { get; } = new("--exchange-timeout")
    {
        HelpName = "S",
        Description = $"With --shard: seconds to wait for the other shards' runs of a batch before giving up (default {BatchExchange.DefaultTimeoutS:0}).",
        CustomParser = TimeoutS,
    };

    /// <summary>The shard this process runs, or null unsharded; creates the exchange folder.</summary>
    /// <exception cref="InvalidInputException">Options that do not go together, or an unusable exchange folder.</exception>
    public ShardSpec? Resolve(ParseResult parseResult, string outDir)
    {
        var error = $"{CliConsole.ProgramName}: error:";
        var shard = ShardOptions.Resolve(parseResult.GetValue(Shard), parseResult.GetValue(Shards), Environment.GetEnvironmentVariable);
        var exchangeDir = parseResult.GetValue(Exchange);
        if (shard is not { } s)
        {
            if (exchangeDir is not null || parseResult.GetValue(ExchangeTimeout) is not null)
                throw new InvalidInputException($"{error} {(exchangeDir is not null ? "--exchange" : "--exchange-timeout")} applies to a sharded search only; add --shard K/N (or --shard slurm, --shards N), or remove it");
            return null;
        }
        if (exchangeDir is null || exchangeDir.Trim().Length == 0)
            throw new InvalidInputException($"{error} --shard {s}: a sharded search needs --exchange DIR, a folder every shard sees (e.g. on the cluster's shared file system) through which the {s.Count} shards swap each batch's runs; give the same DIR to every shard");
        var exchange = Path.GetFullPath(exchangeDir);
        var target = Path.GetFullPath(outDir);
        // Shard 1 swaps its staged result in for --out while the others may still read their last batch.
        if (exchange == target || exchange.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidInputException($"{error} --exchange: '{exchangeDir}' lies inside --out '{outDir}', which shard 1 replaces with the result while the others may still read it; choose an exchange folder outside --out");
        try
        {
            Directory.CreateDirectory(exchange);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{error} --exchange: cannot create '{exchangeDir}': {e.Message}; give a folder every shard can write");
        }
        return s;
    }

    /// <summary>The exchange of shard <paramref name="shard"/> for this search, announced on stderr.</summary>
    /// <param name="frontPoints">The Pareto search's weightings, part of what the shards must agree on; null for one objective.</param>
    public BatchExchange ExchangeFor(ParseResult parseResult, ShardSpec shard, OptimisationRequest request, int? frontPoints, CliConsole console)
    {
        var dir = parseResult.GetValue(Exchange)!;
        var identity = new ExchangeIdentity(ScenarioHash.Of(ScenarioHash.Bytes(request.Scenario)), SignalSimApp.Version, request.BaseSeed, request.SearchWords(frontPoints));
        console.Error.WriteLine($"{CliConsole.ProgramName}: {shard.Words}: every batch of runs is shared out between {shard.Count} shards through '{dir}'");
        return new BatchExchange(Path.GetFullPath(dir), dir, shard, identity, TimeSpan.FromSeconds(parseResult.GetValue(ExchangeTimeout) ?? BatchExchange.DefaultTimeoutS));
    }

    /// <summary>A shard other than 1 has followed the search to its end: it says so, and that shard 1 writes the result.</summary>
    public static int ReportOtherShard(CliConsole console, BatchExchange exchange, string outDir, bool cancelled)
    {
        var shard = exchange.Shard;
        if (cancelled)
        {
            console.Report("cancelled", $"{shard.Words} stopped early after {exchange.Batches} batches; its runs of the batch are marked as interrupted, so the other shards stop too");
            return ExitCodes.Cancelled;
        }
        console.Out.WriteLine($"{shard.Words}: search done, {exchange.Batches} batches exchanged; shard 1 writes the result into '{outDir}' (this shard writes nothing there)");
        return ExitCodes.Ok;
    }

    private static double? TimeoutS(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds <= 0)
        {
            result.AddError($"--exchange-timeout: '{text}' is not a positive number of seconds; give how long a shard may wait for the others' runs of one batch, e.g. {BatchExchange.DefaultTimeoutS:0}");
            return null;
        }
        // TimeSpan holds about 29 000 years; beyond that the wait could not be measured.
        if (seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            result.AddError($"--exchange-timeout: {text} s is too long; give seconds, e.g. {BatchExchange.DefaultTimeoutS:0}");
            return null;
        }
        return seconds;
    }
}
