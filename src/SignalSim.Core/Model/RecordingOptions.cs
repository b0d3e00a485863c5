// What a run records beyond its standard outputs: vehicle trajectories for time-space diagrams,
// in a time window (measured from the start of the run, warm-up included) and on chosen links.
namespace SignalSim.Core.Model;

public sealed record RecordingOptions
{
    /// <summary>No trajectories: the default, as they are large.</summary>
    public static RecordingOptions None { get; } = new();

    public bool RecordTrajectories { get; init; }
    public double TrajectoryFromS { get; init; }
    public double TrajectoryToS { get; init; }
    public double TrajectoryIntervalS { get; init; } = 1;

    /// <summary>Link ids whose vehicles are recorded; null for every link.</summary>
    public IReadOnlyList<string>? TrajectoryLinks { get; init; }

    /// <summary>Trajectories over a window starting at the end of the warm-up.</summary>
    public static RecordingOptions TrajectoriesAfterWarmup(double warmupS, double windowS, IReadOnlyList<string>? links = null) => new()
    {
        RecordTrajectories = true,
        TrajectoryFromS = warmupS,
        TrajectoryToS = warmupS + windowS,
        TrajectoryLinks = links,
    };
}
