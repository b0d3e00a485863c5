// How a search runs each of its batches of runs: all of them in this process, or, for a search
// split over processes, this shard's share with the others' results read from an exchange
// folder (Sharding.BatchExchange). The search itself is the same either way, so it makes the
// same choices from the same figures.
namespace SignalSim.Analysis.Replications;

public interface IBatchRunner
{
    /// <summary>Runs one batch and returns every run's metrics, as ReplicationRunner.Run would.</summary>
    /// <param name="progress">Runs of this process finished so far in the batch.</param>
    ReplicationResults Run(ReplicationRequest request, Action<RunProgress>? progress, CancellationToken cancellation);
}

/// <summary>Every run of every batch here.</summary>
public sealed class LocalBatchRunner : IBatchRunner
{
    public static readonly LocalBatchRunner Instance = new();

    private LocalBatchRunner()
    {
    }

    public ReplicationResults Run(ReplicationRequest request, Action<RunProgress>? progress, CancellationToken cancellation) =>
        ReplicationRunner.Run(request, progress, cancellation: cancellation);
}
