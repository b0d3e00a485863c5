// Runs every strategy × replication, in parallel on a bounded pool of worker threads. Each run builds
// its own model and simulation (nothing is shared but immutable scenario records), and its metrics
// land in a fixed slot of the result, so what is computed from them does not depend on the thread
// count or on the order in which runs finish. Runs are started replication by replication, so
// that when the study is interrupted the finished runs pair up across strategies.
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using SignalSim.Analysis.Metrics;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;

namespace SignalSim.Analysis.Replications;

/// <param name="Seeds">Seed of each replication, the same in every strategy.</param>
/// <param name="DurationS">Measured duration overriding the scenarios', or null.</param>
/// <param name="Threads">Runs at the same time, at least 1.</param>
/// <param name="FirstReplicationRecording">Extra recording (trajectories) for replication 1, whose files are written.</param>
/// <param name="OnlyReplications">Replications to run (0-based, ascending), e.g. a shard's share; null runs every one. The others stay without metrics.</param>
/// <param name="OnlyRuns">
/// Runs to make (strategy, replication, both 0-based), in the order to start them, e.g. a shard's
/// share of an optimiser's batch; null runs the grid (or <paramref name="OnlyReplications"/>). The others stay without metrics.
/// </param>
/// <param name="ExtraRuns">
/// Runs outside the study's strategy × replication grid (the note's step-size check), on the same
/// workers so that they fill the cores instead of running after the study on a half-idle pool.
/// They start right after the first replication's runs (they are the longest) and are neither in
/// the study's figures nor in its progress; their metrics are <see cref="ReplicationResults.ExtraMetrics"/>.
/// </param>
public sealed record ReplicationRequest(IReadOnlyList<StrategyRun> Strategies, IReadOnlyList<ulong> Seeds, double? DurationS, int Threads,
    RecordingOptions? FirstReplicationRecording = null, IReadOnlyList<int>? OnlyReplications = null, IReadOnlyList<ExtraRun>? ExtraRuns = null,
    IReadOnlyList<(int Strategy, int Replication)>? OnlyRuns = null);

/// <summary>One run outside the study's grid: a strategy (its scenario as run) on a seed.</summary>
public sealed record ExtraRun(StrategyRun Strategy, ulong Seed);

/// <summary>Runs finished so far out of the total, and the wall time since the start.</summary>
public readonly record struct RunProgress(int Done, int Total, TimeSpan Elapsed)
{
    public int Left => Total - Done;

    /// <summary>
    /// Time left at the throughput so far; null until a twentieth of the runs (at least three) have
    /// finished, since the first runs also pay for start-up and compilation and would overstate it.
    /// </summary>
    public TimeSpan? Remaining => Done < Math.Max(3, Total / 20) ? null : Elapsed * Left / Done;
}

public sealed class ReplicationResults(IReadOnlyList<StrategyRun> strategies, IReadOnlyList<ulong> seeds, RunMetrics?[,] metrics, bool cancelled,
    IReadOnlyList<RunMetrics?>? extraMetrics = null)
{
    /// <summary>Metrics of the request's extra runs, in its order (null for one that did not finish); empty without them.</summary>
    public IReadOnlyList<RunMetrics?> ExtraMetrics { get; } = extraMetrics ?? [];

    public IReadOnlyList<StrategyRun> Strategies { get; } = strategies;
    public IReadOnlyList<ulong> Seeds { get; } = seeds;

    /// <summary>True when the study was interrupted: some runs have no metrics.</summary>
    public bool Cancelled { get; } = cancelled;

    public int TotalRuns => Strategies.Count * Seeds.Count;

    public int CompletedRuns => Enumerable.Range(0, Strategies.Count).Sum(s => Enumerable.Range(0, Seeds.Count).Count(k => metrics[s, k] is not null));

    /// <summary>Replications finished by every strategy: what a comparison's differences rest on.</summary>
    public int CompletedReplications => Enumerable.Range(0, Seeds.Count).Count(k => Enumerable.Range(0, Strategies.Count).All(s => metrics[s, k] is not null));

    /// <summary>Metrics of a strategy's replication (0-based), or null if that run did not finish.</summary>
    public RunMetrics? Metrics(int strategy, int replication) => metrics[strategy, replication];

    public int StrategyIndex(string id)
    {
        for (var s = 0; s < Strategies.Count; s++)
        {
            if (Strategies[s].Id == id) return s;
        }
        throw new ArgumentException($"no strategy '{id}' in these results", nameof(id));
    }
}

public static class ReplicationRunner
{
    /// <summary>
    /// Runs the study. Cancellation stops it cleanly: runs in progress are abandoned, finished
    /// ones are kept, and the results say they are incomplete (no exception is thrown for it).
    /// </summary>
    /// <param name="progress">Called after each finished run, from the worker that ran it.</param>
    /// <param name="onResult">
    /// Called with each finished run's full result (strategy and replication, 0-based), from the
    /// worker that ran it. The result is lent for the call only: its records live in the worker's
    /// buffers, which its next run reuses, so write or copy what is needed before returning.
    /// </param>
    public static ReplicationResults Run(ReplicationRequest request, Action<RunProgress>? progress = null,
        Action<int, int, SimulationResult>? onResult = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Threads, 1);
        var strategies = request.Strategies;
        var seeds = request.Seeds;
        var metrics = new RunMetrics?[strategies.Count, seeds.Count];
        var replications = request.OnlyReplications ?? Enumerable.Range(0, seeds.Count).ToArray();
        // Replication-major: early stops leave whole replications.
        var runs = request.OnlyRuns ?? replications.SelectMany(k => Enumerable.Range(0, strategies.Count).Select(s => (Strategy: s, Replication: k))).ToArray();
        var total = runs.Count;
        var extras = request.ExtraRuns ?? [];
        var extraMetrics = new RunMetrics?[extras.Count];
        // The first replication's runs start first (an interrupted study keeps its files), then
        // the extra runs (the longest), then the other replications.
        var firstBlock = Math.Min(strategies.Count, total);
        var done = 0;
        var clock = Stopwatch.StartNew();
        var next = -1;
        Exception? failure = null;

        void Work()
        {
            // This worker's arrays and record lists, lent to each of its runs in turn.
            var buffers = new EngineBuffers();
            while (!cancellation.IsCancellationRequested && Volatile.Read(ref failure) is null)
            {
                var job = Interlocked.Increment(ref next);
                if (job >= extras.Count + total) return;
                if (job >= firstBlock && job < firstBlock + extras.Count)
                {
                    if (!RunExtra(job - firstBlock, buffers)) return;
                    continue;
                }
                if (job >= firstBlock) job -= extras.Count;
                var (strategy, replication) = runs[job];
                try
                {
                    var model = SimulationModelBuilder.Build(strategies[strategy].Scenario, seeds[replication], request.DurationS,
                        replication == 0 ? request.FirstReplicationRecording : null);
                    var result = new Simulation(model, buffers).Run(cancellation);
                    metrics[strategy, replication] = MetricsExtractor.Extract(result);
                    onResult?.Invoke(strategy, replication, result);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                    return;
                }
                finally
                {
                    buffers.Recycle(); // the run's metrics and files are done with its records
                }
                var finished = Interlocked.Increment(ref done);
                progress?.Invoke(new RunProgress(finished, total, clock.Elapsed));
            }
        }

        bool RunExtra(int i, EngineBuffers buffers)
        {
            try
            {
                var model = SimulationModelBuilder.Build(extras[i].Strategy.Scenario, extras[i].Seed, request.DurationS);
                extraMetrics[i] = MetricsExtractor.Extract(new Simulation(model, buffers).Run(cancellation));
                return true;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                return false;
            }
            finally
            {
                buffers.Recycle();
            }
        }

        // Dedicated threads rather than the thread pool: runs last seconds each, and holding pool
        // threads that long would delay the timers and the Ctrl+C handling that rely on the pool.
        var workers = Enumerable.Range(1, Math.Max(0, Math.Min(request.Threads, total + extras.Count) - 1))
            .Select(i => new Thread(Work) { IsBackground = true, Name = $"signalsim-run-{i}" })
            .ToList();
        workers.ForEach(t => t.Start());
        Work();
        workers.ForEach(t => t.Join());
        if (failure is not null) ExceptionDispatchInfo.Capture(failure).Throw();
        var cancelled = cancellation.IsCancellationRequested && done < total;
        return new ReplicationResults(strategies, seeds, metrics, cancelled, extraMetrics);
    }
}
