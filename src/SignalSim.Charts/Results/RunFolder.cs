// One run's files: those `run` writes (trips, approaches, signals, summary) and those written on
// request (trajectories.csv, crossings.csv). Each file is read once, when a chart first needs it,
// so a chart that does not use a file does not fail because that file is absent.
using SignalSim.Core.Scenario;

namespace SignalSim.Charts.Results;

public sealed class RunFolder
{
    private readonly Lazy<List<TripRow>> _trips;
    private readonly Lazy<List<QueueRow>> _queues;
    private readonly Lazy<List<SignalRow>> _signals;
    private readonly Lazy<List<TrajectoryRow>> _trajectories;
    private readonly Lazy<List<CrossingRow>> _crossings;
    private readonly Lazy<RunSummaryFile> _summary;
    private readonly Lazy<List<TransitionRow>> _transitions;

    public RunFolder(string path, string name, ScenarioFile scenario)
    {
        Path = path;
        Name = name;
        Scenario = scenario;
        _trips = new(() => TripRow.Read(PathOf(TripRow.FileName)));
        _queues = new(() => QueueRow.Read(PathOf(QueueRow.FileName)));
        _signals = new(() => SignalRow.Read(PathOf(SignalRow.FileName)));
        _trajectories = new(() => TrajectoryRow.Read(PathOf(TrajectoryRow.FileName)));
        _crossings = new(() => CrossingRow.Read(PathOf(CrossingRow.FileName)));
        _summary = new(() => RunSummaryFile.Read(PathOf(RunSummaryFile.FileName)));
        // Runs written before plan transitions were recorded have no transitions.csv: none shown.
        _transitions = new(() => Has(TransitionRow.FileName) ? TransitionRow.Read(PathOf(TransitionRow.FileName)) : []);
    }

    public string Path { get; }

    /// <summary>The strategy id, or the folder's name for a single run.</summary>
    public string Name { get; }

    /// <summary>The scenario as this run ran it (strategy overlay applied).</summary>
    public ScenarioFile Scenario { get; }

    public IReadOnlyList<TripRow> Trips => _trips.Value;
    public IReadOnlyList<QueueRow> Queues => _queues.Value;
    public IReadOnlyList<SignalRow> Signals => _signals.Value;
    public IReadOnlyList<TrajectoryRow> Trajectories => _trajectories.Value;
    public IReadOnlyList<CrossingRow> Crossings => _crossings.Value;
    public RunSummaryFile Summary => _summary.Value;
    public IReadOnlyList<TransitionRow> Transitions => _transitions.Value;

    public string PathOf(string fileName) => System.IO.Path.Combine(Path, fileName);

    public bool Has(string fileName) => File.Exists(PathOf(fileName));
}
