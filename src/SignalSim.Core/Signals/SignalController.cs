// The controller of one intersection: runs the centre's scheduled fixed-time plan on the centre
// clock and writes each group's state. Plan changes use the dwell method: the running plan ends
// its cycle, then the cycle-boundary state is held until the new plan reaches its cycle start
// (the loader checks that every plan shows the same steady state there).
namespace SignalSim.Core.Signals;

public sealed class SignalController
{
    private int _planSlot;
    private int _pendingSlot = -1;
    private long _lastCycleTime = -1;
    private long _lastPendingCycleTime = -1;

    public SignalController(string intersectionId, CentreClock centre, int firstGroup, string[] groupIds,
        long[] amberTicks, FixedTimePlan[] plansBySlot)
    {
        IntersectionId = intersectionId;
        Centre = centre;
        FirstGroup = firstGroup;
        GroupIds = groupIds;
        AmberTicks = amberTicks;
        PlansBySlot = plansBySlot;
    }

    public string IntersectionId { get; }
    public CentreClock Centre { get; }

    /// <summary>Index of this controller's first group in the simulation-wide group arrays.</summary>
    public int FirstGroup { get; }
    public string[] GroupIds { get; }
    public long[] AmberTicks { get; }

    /// <summary>This intersection's plans, indexed by the centre's plan slots.</summary>
    public FixedTimePlan[] PlansBySlot { get; }

    public FixedTimePlan CurrentPlan => PlansBySlot[_planSlot];

    public bool InTransition => _pendingSlot >= 0;

    public void Reset(long simTicks)
    {
        _planSlot = Centre.PlanSlotAt(Centre.LocalTicks(simTicks));
        _pendingSlot = -1;
        _lastCycleTime = -1;
        _lastPendingCycleTime = -1;
    }

    /// <summary>Writes the state of each group at a simulation time into the shared state array.</summary>
    public void Update(long simTicks, SignalState[] groupStates)
    {
        var local = Centre.LocalTicks(simTicks);
        var plan = PlansBySlot[_planSlot];
        var tau = plan.CycleTime(local);
        var wrapped = _lastCycleTime >= 0 && tau < _lastCycleTime;
        _lastCycleTime = tau;

        if (_pendingSlot < 0 && wrapped)
        {
            var scheduled = Centre.PlanSlotAt(local);
            if (scheduled != _planSlot) _pendingSlot = scheduled;
        }
        if (_pendingSlot >= 0)
        {
            var next = PlansBySlot[_pendingSlot];
            var tauNext = next.CycleTime(local);
            var reachedStart = tauNext == 0 || (_lastPendingCycleTime >= 0 && tauNext < _lastPendingCycleTime);
            _lastPendingCycleTime = tauNext;
            if (!reachedStart)
            {
                WriteStates(plan, 0, groupStates); // hold the cycle-boundary state
                return;
            }
            _planSlot = _pendingSlot;
            _pendingSlot = -1;
            _lastPendingCycleTime = -1;
            plan = next;
            tau = tauNext;
            _lastCycleTime = tau;
        }
        WriteStates(plan, tau, groupStates);
    }

    private void WriteStates(FixedTimePlan plan, long tau, SignalState[] groupStates)
    {
        var windows = plan.Windows;
        for (var g = 0; g < windows.Length; g++)
        {
            groupStates[FirstGroup + g] = windows[g].StateAt(tau, AmberTicks[g]);
        }
    }
}
