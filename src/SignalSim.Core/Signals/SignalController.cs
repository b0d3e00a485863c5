// The running controller of one intersection. It plays the centre's scheduled fixed-time plan on
// the centre clock, on its own cycle time τc = τplan + Δ. Each plan carries the program of its
// control type (ControlTypes): fixed-time plays the windows; actuated (SignalController.Actuated.cs)
// moves τc with the same two safe operations, driven by detectors and push buttons. Priority and recovery only ever change
// Δ in two safe ways: HOLD (τc stands still while the states are steady and a group is green:
// a green is extended, nothing else changes) and SKIP (τc jumps forward to an instant where only
// greens end: greens are shortened, never below their minimum, and every amber and intergreen of
// the plan still follows in full). Plan changes run by the centre's transition method
// (SignalController.Transitions.cs): dwell or short-way.
using SignalSim.Core.Metrics;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Signals;

public sealed partial class SignalController : ISignalController
{
    private const int MaxRequests = 32;

    private struct PendingRequest
    {
        public int VehicleId;
        public int Line;
        public int Group;            // local index
        public TravelMode Mode;
        public long EtaTicks;
        public double LatenessS;
        public long ExpiryTicks;
        public long ExtensionUsed;
        public long EarlyUsed;
        public bool Forwarded;
        public bool LoggedExtension;
        public bool LoggedEarly;
        public PriorityReason LoggedRefusal;
    }

    private readonly ControllerDefinition _d;
    private readonly SignalState[] _state;
    private readonly long[] _greenSince;
    private readonly long[] _greenEnded;
    private readonly bool[] _greenAtTau;    // scratch of the safety checks: each group green by the plan at τc
    private readonly bool[] _greenAtTarget; // ... and at the τc a jump would land on
    private readonly PendingRequest[] _requests = new PendingRequest[MaxRequests];
    private int _requestCount;

    private int _planSlot;
    private int _pendingSlot = -1;
    private long _lastPendingCycleTime = -1;
    private long _delta;             // τc − τplan, in ticks
    private long _lastTau = -1;      // τc of the previous update
    private long _recoveryBudget;    // ticks of Δ that may be recovered in the current cycle
    private int _recoveryCyclesLeft;
    private long _lastUpdateTicks;
    private bool _inserting;         // the insertion plan runs this cycle

    public SignalController(ControllerDefinition definition)
    {
        _d = definition;
        _state = new SignalState[definition.GroupCount];
        _greenSince = new long[definition.GroupCount];
        _greenEnded = new long[definition.GroupCount];
        _greenAtTau = new bool[definition.GroupCount];
        _greenAtTarget = new bool[definition.GroupCount];
        _called = new bool[definition.GroupCount];
        _gapSinceTicks = new long[definition.GroupCount];
    }

    public ControllerDefinition Definition => _d;

    /// <summary>The scheduled plan (the insertion plan, when it runs, shares its cycle and offset).</summary>
    public FixedTimePlan CurrentPlan => _d.PlansBySlot[_planSlot];

    /// <summary>The plan whose greens are shown this cycle.</summary>
    private FixedTimePlan ShownPlan => _inserting ? _d.InsertionPlan! : CurrentPlan;

    /// <summary>Priority requests waiting for their vehicle to pass the stop line.</summary>
    public int PendingRequests => _requestCount;

    /// <summary>Vehicle of the i-th pending request (0 ≤ i &lt; <see cref="PendingRequests"/>), for inspection.</summary>
    public int PendingVehicle(int i) => _requests[i].VehicleId;

    /// <summary>The arrival estimate held for a vehicle's request, if it has one here (for inspection).</summary>
    public bool TryGetEstimate(int vehicleId, out long etaTicks)
    {
        for (var i = 0; i < _requestCount; i++)
        {
            if (_requests[i].VehicleId != vehicleId) continue;
            etaTicks = _requests[i].EtaTicks;
            return true;
        }
        etaTicks = 0;
        return false;
    }

    /// <summary>A plan change is under way: the old plan's cycle-time-0 state is held until the new plan reaches its own.</summary>
    public bool PlanChangeInProgress => _pendingSlot >= 0;

    /// <summary>How far the controller runs ahead of its coordinated plan (negative: behind), in ticks.</summary>
    public long OffsetDeviationTicks => Normalise(_delta, CurrentPlan.CycleTicks);

    public void Reset(long simTicks)
    {
        _planSlot = _d.Centre.PlanSlotAt(_d.Centre.LocalTicks(simTicks));
        _pendingSlot = -1;
        _lastPendingCycleTime = -1;
        _delta = 0;
        _lastTau = -1;
        _recoveryBudget = 0;
        _recoveryCyclesLeft = 0;
        _requestCount = 0;
        _inserting = false;
        _shortWay = false;
        _preempt = PreemptPhase.Idle;
        _preemptTramCount = 0;
        _preemptRecovering = false;
        _lastUpdateTicks = simTicks;
        ResetActuation();
        var plan = CurrentPlan;
        var tau = plan.CycleTime(_d.Centre.LocalTicks(simTicks));
        for (var g = 0; g < _state.Length; g++)
        {
            _state[g] = plan.Windows[g].StateAt(tau, _d.AmberTicks[g]);
            _greenSince[g] = long.MinValue / 2; // green since before the run: its minimum is served
            _greenEnded[g] = long.MinValue / 2; // ended before the run: its intergreens are served
        }
    }

    /// <summary>Advances to a simulation time and writes each group's state into the shared array.</summary>
    public void Update(long simTicks, SignalState[] groupStates, ControllerInputs inputs, Engine.SimulationRecorder log)
    {
        var stepTicks = simTicks - _lastUpdateTicks;
        _lastUpdateTicks = simTicks;
        var local = _d.Centre.LocalTicks(simTicks);
        if (_preempt != PreemptPhase.Idle)
        {
            UpdatePreemption(simTicks, stepTicks, local, groupStates, log);
            return;
        }
        var tau = SimTime.Mod(CurrentPlan.CycleTime(local) + _delta, CurrentPlan.CycleTicks);
        var wrapped = _lastTau >= 0 && tau < _lastTau;

        // A plan change holds the cycle-time-0 state without recording τc, so every update of the
        // hold looks like a wrap: only the one that began the change starts a cycle.
        if (wrapped && _pendingSlot < 0)
        {
            OnCycleStart(simTicks, local, CurrentPlan, log);
            tau = SimTime.Mod(CurrentPlan.CycleTime(local) + _delta, CurrentPlan.CycleTicks); // a short-way may have begun
        }
        var plan = ShownPlan;
        if (_pendingSlot >= 0)
        {
            if (!AdvanceTransition(simTicks, local, ref plan, ref tau, log))
            {
                // The cycle-time-0 state is held: nothing may change, so requests are only closed or refused.
                if (_requestCount > 0) DuringPlanChange(simTicks, plan, log);
                Publish(plan, 0, simTicks, groupStates);
                return;
            }
        }
        var program = _inserting ? null : CurrentPlan.Actuated;
        if (program is not null) Sense(simTicks, program, inputs);
        if (_requestCount > 0) ExpireRequests(simTicks, log);
        // Priority requests are served on the plan's windows (an actuated plan's maximum greens).
        if (_requestCount > 0) tau = ServeRequests(simTicks, stepTicks, plan, tau, log);
        else if (_shortWay) tau = ShortWayStep(simTicks, stepTicks, plan, tau, log);
        else if (program is not null) tau = Actuate(simTicks, stepTicks, plan, program, tau, log);
        else if (_delta != 0) tau = Recover(simTicks, stepTicks, plan, tau);
        _lastTau = tau;
        Publish(plan, tau, simTicks, groupStates);
        if (_preemptRecovering) CheckPreemptionRecovered(simTicks, log);
    }

    private void OnCycleStart(long simTicks, long local, FixedTimePlan plan, Engine.SimulationRecorder log)
    {
        var scheduled = _d.Centre.PlanSlotAt(local);
        if (scheduled != _planSlot) BeginTransition(simTicks, local, scheduled, log);
        else if (_shortWay) OnShortWayCycle();
        if (_shortWay)
        {
            // The short-way, not the priority recovery, brings the offset back; its cycles are
            // already being changed, so no phase is inserted in them.
            _inserting = false;
            return;
        }
        _inserting = _pendingSlot < 0 && _d.InsertionPlan is not null && StartInsertion(simTicks, plan, log);
        // Spread the recovery of the remaining deviation over the cycles left.
        var deviation = Math.Abs(Normalise(_delta, plan.CycleTicks));
        if (deviation == 0) return;
        if (_recoveryCyclesLeft <= 0) _recoveryCyclesLeft = RecoveryCycles();
        _recoveryBudget = (deviation + _recoveryCyclesLeft - 1) / _recoveryCyclesLeft;
        if (_recoveryCyclesLeft > 1) _recoveryCyclesLeft--;
    }

    /// <summary>The tighter of the modes' recovery bounds (3 cycles when neither is configured).</summary>
    private int RecoveryCycles()
    {
        if (_preemptRecovering && _d.Preemption is { } preemption) return preemption.RecoveryCycles;
        var bus = _d.Bus?.RecoveryCycles ?? int.MaxValue;
        var tram = _d.Tram?.RecoveryCycles ?? int.MaxValue;
        var n = Math.Min(bus, tram);
        return n == int.MaxValue ? 3 : Math.Max(1, n);
    }

    private void Publish(FixedTimePlan plan, long tau, long simTicks, SignalState[] groupStates)
    {
        var windows = plan.Windows;
        for (var g = 0; g < windows.Length; g++)
        {
            var state = windows[g].StateAt(tau, _d.AmberTicks[g]);
            if (state == SignalState.Green && _state[g] != SignalState.Green) _greenSince[g] = simTicks;
            if (state != SignalState.Green && _state[g] == SignalState.Green) _greenEnded[g] = simTicks;
            _state[g] = state;
            groupStates[_d.FirstGroup + g] = state;
        }
    }

    private static long Normalise(long delta, long cycle)
    {
        var d = SimTime.Mod(delta, cycle);
        return d > cycle / 2 ? d - cycle : d;
    }
}
