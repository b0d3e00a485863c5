// What a run records, in lists sized up front from the scenario so the step loop does not
// allocate: trips, queue samples and signal changes; at the end, the measured vehicles and
// pedestrians that did not finish, and the time spent in the system over the measured period.
// Priority messages (requests and the controllers' replies, PriorityReplies) are kept beside the
// priority events they accompany.
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
    private readonly List<StopEvent> _stopEvents;
    private readonly List<PedestrianRecord> _pedestrians;
    private readonly List<PriorityEvent> _priority;
    private readonly List<PriorityMessage> _messages;
    private readonly List<TrajectorySample> _trajectories;
    private readonly SignalState[] _initialSignals;
    private readonly List<DetectorEvent> _detectorEvents;
    private readonly List<PlanTransition> _transitions;
    private readonly List<PreemptionRecord> _preemptions;
    private readonly List<TripRecord> _unfinishedTrips = [];
    private readonly List<PedestrianRecord> _unfinishedPedestrians = [];

    /// <param name="buffers">Where to borrow the record lists from (a worker's, between runs); null allocates them.</param>
    public SimulationRecorder(SimulationModel model, EngineBuffers? buffers = null)
    {
        List<T> Rent<T>(int capacity) => buffers is { } b ? b.List<T>(capacity) : new List<T>(capacity);
        var hours = SimTime.ToSeconds(model.EndTicks) / 3600.0;
        var expectedTrips = model.Demands.Sum(d => d.PeriodFlowVehPerHour.Max()) * hours;
        _trips = Rent<TripRecord>((int)Math.Min(10_000_000, expectedTrips * 1.25 + 256));
        var samples = (model.EndTicks - model.WarmupTicks) / model.QueueSampleTicks + 1;
        _queues = Rent<QueueSample>((int)Math.Min(50_000_000, samples * model.ApproachLinks.Length + 16));
        var shortestCycle = model.Controllers.SelectMany(c => c.PlansBySlot).Select(p => p.CycleTicks).DefaultIfEmpty(SimTime.TicksPerHour).Min();
        var changes = (model.EndTicks / shortestCycle + 2) * 4 * model.GroupCount + 16;
        _signals = Rent<SignalChange>((int)Math.Min(50_000_000, changes));
        _initialSignals = new SignalState[model.GroupCount];
        Occupancy = new SystemOccupancy(model.Classes.Length);
        // Crossings from each demand's own routes (the longest route times every trip would grow
        // with the square of a corridor's length: 2.4 GB for 300 intersections).
        var transitCrossings = TransitCrossings(model);
        var expectedCrossings = DemandCrossings(model, hours) + transitCrossings;
        _crossings = Rent<StopLineCrossing>((int)Math.Min(50_000_000, expectedCrossings * 1.25 + 256));
        InitialCrossingCapacity = _crossings.Capacity;
        _stopEvents = Rent<StopEvent>(model.Lines.Sum(l => l.ScheduledDepartureTicks.Length * l.StopCount) + 16);
        _priority = Rent<PriorityEvent>((int)Math.Min(50_000_000, transitCrossings * 6 + 64));
        // Per request: a relayed request, the vehicle's own, a few updates, the cancellation, and a
        // reply to each and to each change of status: about twice the events sized for above.
        _messages = Rent<PriorityMessage>((int)Math.Min(50_000_000, transitCrossings * 12 + 64));
        Replies = new PriorityReplies(model.Controllers.Length, _messages);
        var pedestrians = model.Crossings.Sum(c => c.FlowForwardPedPerHour + c.FlowBackwardPedPerHour) * hours;
        _pedestrians = Rent<PedestrianRecord>((int)Math.Min(50_000_000, pedestrians * 1.25 + 64));
        var rec = model.Recording;
        var trajectorySamples = rec.RecordTrajectories ? (rec.TrajectoryToS - rec.TrajectoryFromS) / rec.TrajectoryIntervalS : 0;
        // About one vehicle per 20 m of recorded lane at any time.
        var lanes = rec.RecordTrajectories ? model.LaneLink.Where(l => model.TrajectoryLink[l]).Sum(l => model.LinkLengthM[l] / 20) : 0;
        _trajectories = Rent<TrajectorySample>((int)Math.Min(20_000_000, trajectorySamples * lanes + 16));
        // Each vehicle turns a detector on and off once; a detector sees at most its approach's share of the trips.
        var detectors = model.Scenario.Intersections.Sum(x => x.Detectors.Count);
        // A plan change per period boundary and intersection, each centre's schedule at most once a day.
        _transitions = Rent<PlanTransition>(model.Controllers.Length * (model.Centres.Select(c => c.PeriodStartTicks.Length).DefaultIfEmpty(0).Max() + 1) * (int)(hours / 24 + 2) + 8);
        _preemptions = Rent<PreemptionRecord>(model.Controllers.Any(c => c.Preemption is not null) ? (int)Math.Min(50_000_000, transitCrossings + 16) : 0);
        _detectorEvents = Rent<DetectorEvent>((int)Math.Min(50_000_000, 2.5 * expectedCrossings * detectors / Math.Max(1, model.ApproachLinks.Length) + 64));
        (_initialPriorityCapacity, _initialMessageCapacity, _initialDetectorEventCapacity) = (_priority.Capacity, _messages.Capacity, _detectorEvents.Capacity);
    }

    /// <summary>Stop-line crossings to expect from the demands: each demand's highest flow over the run, times the mean number of links of its routes, weighted by their shares.</summary>
    private static double DemandCrossings(SimulationModel model, double hours)
    {
        var total = 0.0;
        foreach (var d in model.Demands)
        {
            var linksPerVehicle = 0.0;
            var previous = 0.0;
            for (var r = 0; r < d.Routes.Length; r++)
            {
                linksPerVehicle += (d.CumulativeShares[r] - previous) * model.RouteStepCount[d.Routes[r]];
                previous = d.CumulativeShares[r];
            }
            total += d.PeriodFlowVehPerHour.DefaultIfEmpty(0).Max() * hours * linksPerVehicle;
        }
        return total;
    }

    /// <summary>Stop-line crossings of the lines' scheduled trips, each over its own route.</summary>
    private static double TransitCrossings(SimulationModel model)
    {
        var total = 0.0;
        foreach (var line in model.Lines) total += line.ScheduledDepartureTicks.Length * (double)model.RouteStepCount[line.Route];
        return total;
    }

    /// <summary>Detector on/off changes, every detector of every intersection numbered in scenario order.</summary>
    public IReadOnlyList<DetectorEvent> DetectorEvents => _detectorEvents;

    internal void RecordDetector(in DetectorEvent e) => _detectorEvents.Add(e);

    /// <summary>Plan changes, in the order they completed.</summary>
    public IReadOnlyList<PlanTransition> Transitions => _transitions;

    internal void RecordTransition(in PlanTransition t) => _transitions.Add(t);

    /// <summary>Tram preemptions, in the order they began, each as far as it got by the end of the run.</summary>
    public IReadOnlyList<PreemptionRecord> Preemptions => _preemptions;

    /// <summary>Adds a preemption as it begins; returns its index so that it can be completed as it runs.</summary>
    internal int RecordPreemption(in PreemptionRecord p)
    {
        _preemptions.Add(p);
        return _preemptions.Count - 1;
    }

    internal void UpdatePreemption(int index, in PreemptionRecord p) => _preemptions[index] = p;

    /// <summary>Finished trips of measured vehicles, in completion order.</summary>
    public IReadOnlyList<TripRecord> Trips => _trips;

    /// <summary>Measured vehicles still in the network or waiting at an entry at the end of the run.</summary>
    public IReadOnlyList<TripRecord> UnfinishedTrips => _unfinishedTrips;

    /// <summary>Measured pedestrians still waiting to cross at the end of the run.</summary>
    public IReadOnlyList<PedestrianRecord> UnfinishedPedestrians => _unfinishedPedestrians;

    /// <summary>Vehicle-time in the network and at entries over the measured period, and the measured arrivals.</summary>
    public SystemOccupancy Occupancy { get; }
    public IReadOnlyList<QueueSample> Queues => _queues;
    public IReadOnlyList<SignalChange> SignalChanges => _signals;
    public IReadOnlyList<SignalState> InitialSignals => _initialSignals;
    public IReadOnlyList<StopLineCrossing> Crossings => _crossings;

    /// <summary>The crossings the buffer was sized for: a run that records more grew it, allocating inside the step loop.</summary>
    internal int InitialCrossingCapacity { get; }

    /// <summary>
    /// The record buffers a run grew beyond their sizing (each growth allocates inside the step
    /// loop): crossings, priority events and messages, detector events.
    /// </summary>
    internal IEnumerable<string> BuffersGrown()
    {
        if (_crossings.Capacity != InitialCrossingCapacity) yield return $"crossings ({_crossings.Count})";
        if (_priority.Capacity != _initialPriorityCapacity) yield return $"priority events ({_priority.Count})";
        if (_messages.Capacity != _initialMessageCapacity) yield return $"priority messages ({_messages.Count})";
        if (_detectorEvents.Capacity != _initialDetectorEventCapacity) yield return $"detector events ({_detectorEvents.Count})";
    }

    private readonly int _initialPriorityCapacity, _initialMessageCapacity, _initialDetectorEventCapacity;
    public IReadOnlyList<StopEvent> StopEvents => _stopEvents;
    public IReadOnlyList<PedestrianRecord> Pedestrians => _pedestrians;
    public IReadOnlyList<PriorityEvent> Priority => _priority;

    /// <summary>Priority request and status messages, in the order they were sent (requests lost on the link included).</summary>
    public IReadOnlyList<PriorityMessage> PriorityMessages => _messages;

    /// <summary>The controllers' side of the messages: open requests and the replies they get.</summary>
    internal PriorityReplies Replies { get; }
    public IReadOnlyList<TrajectorySample> Trajectories => _trajectories;

    internal void RecordTrip(in TripRecord trip) => _trips.Add(trip);

    internal void RecordUnfinishedTrip(in TripRecord trip) => _unfinishedTrips.Add(trip);

    internal void RecordUnfinishedPedestrian(in PedestrianRecord pedestrian) => _unfinishedPedestrians.Add(pedestrian);

    internal void RecordCrossing(in StopLineCrossing crossing) => _crossings.Add(crossing);

    internal void RecordStop(in StopEvent stop) => _stopEvents.Add(stop);

    internal void RecordTrajectory(in TrajectorySample sample) => _trajectories.Add(sample);

    internal void RecordPedestrian(in PedestrianRecord pedestrian) => _pedestrians.Add(pedestrian);

    internal void RecordPriority(in PriorityEvent e)
    {
        _priority.Add(e);
        Replies.OnEvent(e);
    }

    internal void RecordMessage(in PriorityMessage m) => _messages.Add(m);

    internal void RecordQueue(in QueueSample sample) => _queues.Add(sample);

    internal void RecordSignal(long ticks, int group, SignalState state) => _signals.Add(new SignalChange(ticks, group, state));

    internal void RecordInitialSignals(SignalState[] states) => Array.Copy(states, _initialSignals, states.Length);
}
