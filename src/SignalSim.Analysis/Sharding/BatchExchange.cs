// A search split over N processes that run at the same time (`optimize --shard K/N --exchange
// DIR`). Every shard walks the same deterministic search; each batch of runs the search asks for
// is numbered b = 1, 2, … in the order asked (across every weighting of a Pareto search, the
// fresh-seed check included), and its runs, taken replication by replication (run i is
// replication i / S of strategy i mod S, S strategies), are shared out round-robin: run i is
// shard (i mod N) + 1's. A shard runs its share, writes it to DIR/batch-b/shard-K.json, waits
// until the N − 1 other files of batch b are there, reads them and hands the whole batch back,
// so the search goes on from the same figures, bit for bit, as in one process.
using System.Diagnostics;
using System.Globalization;
using SignalSim.Analysis.Metrics;
using SignalSim.Analysis.Replications;

namespace SignalSim.Analysis.Sharding;

/// <param name="directory">The exchange folder, shared by every shard.</param>
/// <param name="shownDirectory">The folder as the user gave it, for messages.</param>
/// <param name="timeout">How long to wait for the other shards' files of one batch before giving up.</param>
public sealed class BatchExchange(string directory, string shownDirectory, ShardSpec shard, ExchangeIdentity identity, TimeSpan timeout) : IBatchRunner
{
    public const double DefaultTimeoutS = 3600;

    /// <summary>How often a waiting shard looks for the other files: often enough to cost nothing next to a batch of runs.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private int _batches;

    public ShardSpec Shard => shard;

    /// <summary>Batches exchanged so far.</summary>
    public int Batches => _batches;

    /// <summary>The shard that makes run <paramref name="runIndex"/> of a batch (0-based, replication by replication), 1-based.</summary>
    public static int OwnerOf(int runIndex, int shards) => runIndex % shards + 1;

    /// <summary>The runs (strategy, replication; 0-based) of a batch of <paramref name="strategies"/> × <paramref name="replications"/> that shard <paramref name="shardIndex"/> of <paramref name="shards"/> makes.</summary>
    public static List<(int Strategy, int Replication)> Share(int strategies, int replications, int shardIndex, int shards)
    {
        var share = new List<(int, int)>();
        for (var i = 0; i < strategies * replications; i++)
        {
            if (OwnerOf(i, shards) == shardIndex) share.Add((i % strategies, i / strategies));
        }
        return share;
    }

    public ReplicationResults Run(ReplicationRequest request, Action<RunProgress>? progress, CancellationToken cancellation)
    {
        var batch = new ExchangeBatch(++_batches, request.Strategies.Select(s => s.Id).ToList(), request.Seeds);
        var strategyCount = request.Strategies.Count;
        var seedCount = request.Seeds.Count;
        var mine = Share(strategyCount, seedCount, shard.Index, shard.Count);
        var local = ReplicationRunner.Run(request with { OnlyRuns = mine }, progress, cancellation: cancellation);
        var metrics = new RunMetrics?[strategyCount, seedCount];
        var runs = new List<ShardRun>();
        foreach (var (s, k) in mine)
        {
            if (local.Metrics(s, k) is not { } m) continue;
            metrics[s, k] = m;
            runs.Add(new ShardRun(s, k + 1, m));
        }
        Write(batch, runs, interrupted: local.Cancelled);
        if (local.Cancelled) return new ReplicationResults(request.Strategies, request.Seeds, metrics, cancelled: true);

        var waiting = Enumerable.Range(1, shard.Count).Where(k => k != shard.Index).ToList();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            foreach (var k in waiting.ToList())
            {
                var path = BatchExchangeFile.PathOf(directory, batch.Number, k);
                if (!File.Exists(path)) continue;
                var peer = new ShardSpec(k, shard.Count);
                var theirs = BatchExchangeFile.Read(path, BatchExchangeFile.PathOf(shownDirectory, batch.Number, k), identity, peer, batch,
                    Share(strategyCount, seedCount, k, shard.Count));
                foreach (var (s, r) in Share(strategyCount, seedCount, k, shard.Count)) metrics[s, r] = theirs[s, r];
                waiting.Remove(k);
            }
            if (waiting.Count == 0) return new ReplicationResults(request.Strategies, request.Seeds, metrics, cancelled: false);
            if (clock.Elapsed >= timeout) throw TimedOut(batch.Number, waiting);
            // Ctrl+C while waiting: the search stops as it would during its own runs. This shard's
            // share of batch b is complete, so the next batch's file says it will not come,
            // and the others stop there instead of waiting for it until their timeout.
            if (cancellation.WaitHandle.WaitOne(PollInterval))
            {
                Write(new ExchangeBatch(batch.Number + 1, [], []), [], interrupted: true);
                return new ReplicationResults(request.Strategies, request.Seeds, metrics, cancelled: true);
            }
        }
    }

    private void Write(ExchangeBatch batch, List<ShardRun> runs, bool interrupted)
    {
        var path = BatchExchangeFile.PathOf(directory, batch.Number, shard.Index);
        try
        {
            BatchExchangeFile.Write(path, identity, shard, batch, runs, interrupted);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ShardFileException($"cannot write '{BatchExchangeFile.PathOf(shownDirectory, batch.Number, shard.Index)}': {e.Message}; give --exchange a folder every shard can write");
        }
    }

    private ShardFileException TimedOut(int batch, List<int> missing)
    {
        var c = CultureInfo.InvariantCulture;
        var who = string.Join(", ", missing.Select(k => new ShardSpec(k, shard.Count).Words));
        var folder = Path.Combine(shownDirectory, BatchExchangeFile.FolderOf(batch));
        return new ShardFileException(string.Create(c,
            $"{shard.Words} waited {timeout.TotalSeconds:0.###} s for batch {batch}, but {who} wrote nothing into '{folder}'. ") +
            $"All {shard.Count} shards must run at the same time, with the same --exchange folder (Slurm: one job of {shard.Count} tasks started with srun, not a job array, whose tasks may run one after another; Kubernetes: parallelism equal to completions); "
            + "check that every shard started and is still running, or raise --exchange-timeout if a shard is only slow");
    }
}
