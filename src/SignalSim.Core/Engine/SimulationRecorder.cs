// What a run records, in lists sized up front from the scenario so the step loop does not
// allocate: trips, queue samples and signal changes.
using SignalSim.Core.Metrics;
using SignalSim.Core.Model;
using SignalSim.Core.Signals;

namespace SignalSim.Core.Engine;

public sealed class SimulationRecorder
{
    private readonly List<TripRecord> _trips;
    private readonly List<QueueSample> _queues;
    private readonly List<SignalChange> _signals;
    private readonly List<StopLineCrossing> _crossings;
    private readonly SignalState[] _initialSignals;

    public SimulationRecorder(SimulationModel model)
    {
        var hours = SimTime.ToSeconds(model.EndTicks) / 3600.0;
        var expectedTrips = model.Demands.Sum(d => d.PeriodFlowVehPerHour.Max()) * hours;
        _trips = new List<TripRecord>((int)Math.Min(10_000_000, expectedTrips * 1.25 + 256));
        var samples = (model.EndTicks - model.WarmupTicks) / model.QueueSampleTicks + 1;
        _queues = new List<QueueSample>((int)Math.Min(50_000_000, samples * model.ApproachLinks.Length + 16));
        var shortestCycle = model.Controllers.SelectMany(c => c.PlansBySlot).Select(p => p.CycleTicks).DefaultIfEmpty(SimTime.TicksPerHour).Min();
        var changes = (model.EndTicks / shortestCycle + 2) * 4 * model.GroupCount + 16;
        _signals = new List<SignalChange>((int)Math.Min(50_000_000, changes));
        _initialSignals = new SignalState[model.GroupCount];
        var approachesPerTrip = model.RouteStepCount.DefaultIfEmpty(1).Max();
        _crossings = new List<StopLineCrossing>((int)Math.Min(50_000_000, expectedTrips * 1.25 * approachesPerTrip + 256));
    }

    public IReadOnlyList<TripRecord> Trips => _trips;
    public IReadOnlyList<QueueSample> Queues => _queues;
    public IReadOnlyList<SignalChange> SignalChanges => _signals;
    public IReadOnlyList<SignalState> InitialSignals => _initialSignals;
    public IReadOnlyList<StopLineCrossing> Crossings => _crossings;

    internal void RecordTrip(in TripRecord trip) => _trips.Add(trip);

    internal void RecordCrossing(in StopLineCrossing crossing) => _crossings.Add(crossing);

    internal void RecordQueue(in QueueSample sample) => _queues.Add(sample);

    internal void RecordSignal(long ticks, int group, SignalState state) => _signals.Add(new SignalChange(ticks, group, state));

    internal void RecordInitialSignals(SignalState[] states) => Array.Copy(states, _initialSignals, states.Length);
}
