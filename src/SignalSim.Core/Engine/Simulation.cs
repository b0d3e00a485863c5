// The simulation: state of every vehicle, lane and signal, and the step that advances it.
// The whole model is the list of stages in Step(); each stage lives in its own partial file.
using SignalSim.Core.Model;
using SignalSim.Core.Signals;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    private readonly SimulationModel _m;
    private readonly double _dtS;

    // Vehicles: parallel arrays indexed by pool slot.
    private readonly double[] _posM;          // front bumper, metres from the lane start
    private readonly double[] _speedMps;
    private readonly double[] _accMps2;       // next acceleration, computed before any vehicle moves
    private readonly double[] _lengthM;
    private readonly int[] _class;
    private readonly int[] _route;
    private readonly int[] _step;             // absolute index into the model's route steps
    private readonly long[] _departTicks;
    private readonly double[] _stopLineDueS;  // free-flow arrival time at this link's end
    private readonly int[] _stops;
    private readonly int[] _vehicleId;
    private readonly bool[] _moving;          // for counting stops, with hysteresis
    private readonly bool[] _committed;       // passed the amber point of no return: clears the line even on red
    private readonly double[] _desiredSpeedMps; // the vehicle's own, before the speed limit
    private readonly double[] _speedFactor;   // the driver's desired speed as a factor of each link's limit
    private readonly byte[] _accCause;        // what bound this step's acceleration (BrakingCause), for the hard-braking diagnostic
    private readonly YieldDecision[] _yield;  // where the driver stands with the gap of its movement on this link
    private readonly double[] _previousPosM;  // front before this step's move, on the present link (below 0 just after crossing onto it): what a loop saw pass
    private readonly bool[] _inIntersection;  // giving way, it stood at its line on green: entered, its signal no longer holds it
    private readonly long[] _wrongLaneSinceTicks; // stopped at the line in a lane that does not serve its movement since, -1 otherwise
    private readonly double[] _freeFlowS;     // free-flow time of its whole route, for trip delay
    private readonly long[] _scheduledTicks;  // timetable departure (lines) or arrival (demand)
    private readonly int[] _nextStop;         // next stop of its line, -1 when none is left
    private readonly double[] _stopAtM;       // position of that stop on the current link, +∞ when not on it
    private readonly long[] _dwellUntilTicks; // end of the current dwell, -1 when not dwelling
    private readonly double[] _dwellOnLinkS;  // dwell on the current link, to tell stops from signals
    private readonly double[] _freeSpeedHereMps; // FreeSpeedMps on the current link, set on entry: read by every step of car-following
    private readonly double[] _redLossOnLinkS; // time lost on the current link while its signal was not green, to tell the signal from the queue
    private readonly double[] _checkInAtM;    // priority check-in position on the current link, +∞ when none
    private readonly int[] _freeSlots;
    private int _freeSlotCount;
    private int _nextVehicleId;

    // Lanes: ring buffers of vehicle slots, front (nearest the stop line) first.
    private readonly int[] _laneSlots;
    private readonly int[] _laneOffset;
    private readonly int[] _laneCapacity;
    private readonly int[] _laneHead;
    private readonly int[] _laneCount;
    private readonly bool[] _laneFrontHeld;   // the front vehicle must not cross the stop line this step

    private readonly SignalState[] _groupState;
    private readonly SignalState[] _previousGroupState;
    private readonly ISignalController[] _controllers;
    private readonly SafetyMonitor _safety;
    private readonly EngineBuffers? _buffers;

    /// <summary>A zeroed array, borrowed from the worker's buffers when the run has them.</summary>
    private T[] Rent<T>(int length) => _buffers is { } b ? b.Array<T>(length) : new T[length];

    /// <param name="buffers">Where to borrow the run's arrays and record lists from (a worker's, between runs); null allocates them.</param>
    public Simulation(SimulationModel model, EngineBuffers? buffers = null)
    {
        _buffers = buffers;
        _m = model;
        _dtS = SimTime.ToSeconds(model.StepTicks);
        var laneCount = model.LaneCount;
        _laneOffset = Rent<int>(laneCount);
        _laneCapacity = Rent<int>(laneCount);
        _laneHead = Rent<int>(laneCount);
        _laneCount = Rent<int>(laneCount);
        _laneFrontHeld = Rent<bool>(laneCount);
        var total = 0;
        for (var l = 0; l < laneCount; l++)
        {
            _laneOffset[l] = total;
            _laneCapacity[l] = model.LaneCapacity[l];
            total += model.LaneCapacity[l];
        }
        _laneSlots = Rent<int>(total);

        // Every vehicle in the network occupies a lane slot, so the pool never needs to grow.
        _posM = Rent<double>(total);
        _speedMps = Rent<double>(total);
        _accMps2 = Rent<double>(total);
        _lengthM = Rent<double>(total);
        _class = Rent<int>(total);
        _route = Rent<int>(total);
        _step = Rent<int>(total);
        _departTicks = Rent<long>(total);
        _stopLineDueS = Rent<double>(total);
        _stops = Rent<int>(total);
        _vehicleId = Rent<int>(total);
        _moving = Rent<bool>(total);
        _committed = Rent<bool>(total);
        _desiredSpeedMps = Rent<double>(total);
        _speedFactor = Rent<double>(total);
        _accCause = Rent<byte>(total);
        _yield = Rent<YieldDecision>(total);
        _inIntersection = Rent<bool>(total);
        _previousPosM = Rent<double>(total);
        _wrongLaneSinceTicks = Rent<long>(total);
        _freeFlowS = Rent<double>(total);
        _scheduledTicks = Rent<long>(total);
        _nextStop = Rent<int>(total);
        _stopAtM = Rent<double>(total);
        _dwellUntilTicks = Rent<long>(total);
        _dwellOnLinkS = Rent<double>(total);
        _redLossOnLinkS = Rent<double>(total);
        _freeSpeedHereMps = Rent<double>(total);
        _checkInAtM = Rent<double>(total);
        _freeSlots = Rent<int>(total);
        for (var i = 0; i < total; i++) _freeSlots[i] = total - 1 - i;
        _freeSlotCount = total;

        _groupState = new SignalState[model.GroupCount];
        _previousGroupState = new SignalState[model.GroupCount];
        _arrivals = new ArrivalStream[model.Demands.Length + model.Lines.Length];
        _approachOfLink = new int[model.LinkCount];
        Array.Fill(_approachOfLink, -1);
        for (var a = 0; a < model.ApproachLinks.Length; a++) _approachOfLink[model.ApproachLinks[a]] = a;
        _approachDepartures = new int[model.ApproachLinks.Length];
        _approachDelaySumS = new double[model.ApproachLinks.Length];
        Recorder = new SimulationRecorder(model, buffers);

        InitialiseArrivals();
        InitialiseTransit();
        InitialisePedestrians();
        InitialiseMerging();
        InitialiseLaneChanges();
        InitialiseYielding();
        InitialiseMeasurement();
        _controllers = new ISignalController[model.Controllers.Length];
        _controllerInputs = CreateControllerInputs();
        for (var i = 0; i < _controllers.Length; i++)
        {
            _controllers[i] = ControlTypes.Create(model.Controllers[i]);
            _controllers[i].Reset(0);
            _controllers[i].Update(0, _groupState, _controllerInputs, Recorder);
        }
        Array.Copy(_groupState, _previousGroupState, _groupState.Length);
        Recorder.RecordInitialSignals(_groupState);
        _safety = new SafetyMonitor(model, _groupState);
    }

    public SimulationModel Model => _m;

    public SimulationRecorder Recorder { get; }

    /// <summary>Current simulation time in ticks (milliseconds).</summary>
    public long NowTicks { get; private set; }

    public bool Finished => NowTicks >= _m.EndTicks;

    /// <summary>Vehicle updates performed so far (one per vehicle per step), for throughput figures.</summary>
    public long VehicleUpdates { get; private set; }

    public int VehiclesInNetwork => _freeSlots.Length - _freeSlotCount;

    public ReadOnlySpan<SignalState> GroupStates => _groupState;

    /// <summary>Advances the simulation by one step.</summary>
    public void Step()
    {
        DeliverMessages();          // priority requests relayed between the centres that have crossed the link by now
        UpdateSignals();            // every controller on its centre's clock, priority included
        CheckSafety();              // conflicts, intergreens, minimum greens, whatever priority did
        GenerateArrivals();         // each demand's and line's own random stream
        InsertWaitingVehicles();    // entries admit vehicles where the first link has room
        ServePedestrians();         // crossings: arrivals wait for the walk signal, then walk at their own speed
        WatchConflicts();           // permissive conflicts: when the next opposing vehicle reaches its line
        ComputeAccelerations();     // IDM against leader, stop, red stop line, give way, full exit lane
        MoveVehicles();             // commit speeds and positions together (two-phase update)
        NowTicks += _m.StepTicks;
        AdvanceDecisionPhase();
        ServeStopsAndDetectors();   // dwell at stops, priority check-ins
        CrossStopLines();           // hand vehicles to the lane ahead on the next link, or finish their trip
        ChangeLanes();              // MOBIL and mandatory changes, decided on the moved state, applied in order
        UpdateDetectors();          // event-log detectors: on while a vehicle is over the loop
        RecordQueues();             // queue samples per approach at the sample interval
        RecordTrajectories();       // positions for time-space diagrams, when asked for
        AccumulateSystemTime();     // vehicle-time in the network and at entries, measured period only
    }

    /// <summary>Runs to the end and returns what was recorded.</summary>
    public SimulationResult Run(CancellationToken cancellation = default)
    {
        var checkEvery = Math.Max(1, (int)(SimTime.TicksPerHour / 60 / _m.StepTicks)); // about once a simulated minute
        var steps = 0;
        while (!Finished)
        {
            Step();
            if (++steps % checkEvery == 0) cancellation.ThrowIfCancellationRequested();
        }
        return Result();
    }

    /// <summary>What was recorded; at the end of the run, the unfinished measured vehicles and pedestrians are added first (once).</summary>
    public SimulationResult Result()
    {
        RecordUnfinished();
        return new(_m, Recorder, NowTicks, VehiclesInNetwork, WaitingAtEntries(), _nextVehicleId,
            new DrivingCounters(MandatoryLaneChanges, DiscretionaryLaneChanges, MandatoryLaneChangesNeeded, MandatoryLaneChangesMissed, _hardBrakingSteps.ToArray()));
    }

    private void UpdateSignals()
    {
        var controllers = _controllers;
        RefreshControllerInputs();
        for (var i = 0; i < controllers.Length; i++) controllers[i].Update(NowTicks, _groupState, _controllerInputs, Recorder);
        for (var g = 0; g < _groupState.Length; g++)
        {
            if (_groupState[g] != _previousGroupState[g])
            {
                _previousGroupState[g] = _groupState[g];
                Recorder.RecordSignal(NowTicks, g, _groupState[g]);
            }
        }
    }

    private void CheckSafety() => _safety.Check(NowTicks, _groupState);

    /// <summary>The running controller of an intersection (for inspection and tests).</summary>
    public ISignalController Controller(int intersection) => _controllers[intersection];

    // Lane ring buffer access -------------------------------------------------------------

    private int SlotAt(int lane, int k)
    {
        var i = _laneHead[lane] + k;
        if (i >= _laneCapacity[lane]) i -= _laneCapacity[lane];
        return _laneSlots[_laneOffset[lane] + i];
    }

    private int BackOf(int lane) => SlotAt(lane, _laneCount[lane] - 1);

    private void PushBack(int lane, int slot)
    {
        var i = _laneHead[lane] + _laneCount[lane];
        if (i >= _laneCapacity[lane]) i -= _laneCapacity[lane];
        _laneSlots[_laneOffset[lane] + i] = slot;
        _laneCount[lane]++;
    }

    private void PopFront(int lane)
    {
        var head = _laneHead[lane] + 1;
        _laneHead[lane] = head == _laneCapacity[lane] ? 0 : head;
        _laneCount[lane]--;
    }

    /// <summary>Free space at the lane entry: the rear of its last vehicle, or its whole length.</summary>
    private double EntrySpaceM(int lane)
    {
        if (_laneCount[lane] == 0) return _m.LinkLengthM[_m.LaneLink[lane]];
        var back = BackOf(lane);
        return _posM[back] - _lengthM[back];
    }

    /// <summary>
    /// Lane continuity: the lane of the next link a vehicle in <paramref name="lane"/> enters at the
    /// end of route step <paramref name="step"/>, or -1 when the lane does not serve its movement.
    /// </summary>
    private int ExitLaneOf(int lane, int step) =>
        _m.StepExitLane[_m.StepExitLaneOffset[step] + lane - _m.LinkFirstLane[_m.StepLink[step]]];

    /// <summary>A driver stuck this long at the stop line in a lane that does not serve its movement turns from it anyway.</summary>
    private const long WrongLaneGiveUpTicks = 10 * SimTime.TicksPerSecond;

    /// <summary>
    /// The lane a front vehicle enters beyond its stop line: the one ahead of its lane, or, when its
    /// lane does not serve its movement and it has waited at the line longer than
    /// WrongLaneGiveUpTicks (a queue beside it that never opens, or two drivers each needing the
    /// other's lane), the one ahead of the nearest lane that does: drivers then turn from the wrong
    /// lane, as they do in the street. -1 while it still waits for a gap.
    /// </summary>
    private int ExitLaneFor(int slot, int lane, int step)
    {
        var next = ExitLaneOf(lane, step);
        if (next >= 0 || _wrongLaneSinceTicks[slot] < 0 || NowTicks - _wrongLaneSinceTicks[slot] < WrongLaneGiveUpTicks) return next;
        var first = _m.LinkFirstLane[_m.StepLink[step]];
        var index = lane - first;
        var dir = TowardsMask(_m.StepLaneMask[step], index);
        for (var k = index + dir; k >= 0 && k < _m.LinkLaneCount[_m.StepLink[step]]; k += dir)
        {
            var exit = ExitLaneOf(first + k, step);
            if (exit >= 0) return exit;
        }
        return -1;
    }

    /// <summary>Entry lane: the allowed lane with most room at its entry.</summary>
    private int ChooseLane(int link, ulong laneMask)
    {
        var first = _m.LinkFirstLane[link];
        var count = _m.LinkLaneCount[link];
        var best = -1;
        var bestSpace = double.NegativeInfinity;
        for (var k = 0; k < count; k++)
        {
            if ((laneMask & (1UL << k)) == 0) continue;
            var lane = first + k;
            if (_laneCount[lane] >= _laneCapacity[lane]) continue;
            var space = EntrySpaceM(lane);
            if (space > bestSpace)
            {
                bestSpace = space;
                best = lane;
            }
        }
        return best;
    }

    /// <summary>The driver's desired speed on a link: its own factor of the limit, capped by its own (class) maximum.</summary>
    private double FreeSpeedMps(int slot, int link)
    {
        var max = _desiredSpeedMps[slot];
        var limit = _m.LinkSpeedLimitMps[link] * _speedFactor[slot];
        return max < limit ? max : limit;
    }
}
