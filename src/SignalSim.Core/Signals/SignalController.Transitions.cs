// Plan transitions, by the centre's method (TransitionRules). Every plan shows the same greens
// at cycle time 0 and no amber there (the loader checks it), so a change always begins when the
// old plan reaches its cycle time 0.
// dwell: that state is held until the new plan reaches its own cycle time 0 (at most one new
//   cycle of hold; the new plan then runs on its offset at once).
// short-way: the new plan starts at once at its cycle time 0, off its offset by p = the new
//   plan's cycle time at that instant. The offset is reached either by shortening the next
//   cycles by p in total (skips to green ends, never cutting a minimum green or an intergreen)
//   or lengthening them by cycle − p (holds while the states are steady and a group is green),
//   each cycle by at most its limit: whichever takes fewer cycles (lengthening on a tie, as it
//   cuts nothing). Shortening is also bounded by what the plan can give up above its minimum
//   greens. Each change is recorded with its cost (PlanTransition, transitions.csv).
using SignalSim.Core.Metrics;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Signals;

public sealed partial class SignalController
{
    private bool _shortWay;               // a short-way transition is under way
    private bool _shortWayShortens;       // its direction: cut (true) or hold (false)
    private long _shortWayBudgetTicks;    // most it may change per cycle
    private long _shortWayBudgetLeft;     // what is left of that this cycle
    private int _transitionFrom;
    private long _transitionStartTicks;
    private int _transitionCycles;
    private int _transitionPlannedCycles;
    private long _transitionLengthened;
    private long _transitionShortened;
    private long[]? _shortenCapacity;     // per plan slot: green time a cycle can give up above the minimums

    /// <summary>The old plan has reached its cycle time 0 and another plan is scheduled.</summary>
    private void BeginTransition(long simTicks, long local, int scheduled, Engine.SimulationRecorder log)
    {
        if (_shortWay) EndShortWay(simTicks, log); // a new change interrupts the one under way: it ends here
        _transitionFrom = _planSlot;
        _transitionStartTicks = simTicks;
        _transitionCycles = 0;
        _transitionLengthened = 0;
        _transitionShortened = 0;
        if (_d.Transition.Method == TransitionMethod.Dwell || !ShortWaySafeAtCycleStart(simTicks, _d.PlansBySlot[scheduled]))
        {
            // Dwell; also when switching at once would cut a minimum green or an intergreen that
            // the old plan began: holding the shared cycle-time-0 state cannot.
            _pendingSlot = scheduled;
            return;
        }
        var p = _d.PlansBySlot[scheduled].CycleTime(local); // how far the new plan already is into its cycle
        _planSlot = scheduled;
        _delta = -p; // τc = 0 now
        _recoveryBudget = 0;
        _recoveryCyclesLeft = 0;
        _transitionRecorded = true;
        if (p == 0)
        {
            _transitionPlannedCycles = 0;
            log.RecordTransition(Transition(simTicks, TransitionMethod.ShortWay));
            return;
        }
        StartShortWay(p);
    }

    private bool _transitionRecorded;     // the short-way under way is a plan change (not a preemption's recovery)

    /// <summary>Reaches the current plan's offset when τc runs <paramref name="behindTicks"/> behind it (0 &lt; behind &lt; cycle).</summary>
    private void StartShortWay(long behindTicks)
    {
        var cycle = CurrentPlan.CycleTicks;
        var limits = _d.Transition.Method == TransitionMethod.ShortWay ? _d.Transition : TransitionRules.DefaultShortWay;
        var lengthenBudget = Math.Max(1, (long)(limits.MaxLengthenFraction * cycle));
        var shortenBudget = Math.Min((long)(limits.MaxShortenFraction * cycle), ShortenCapacity(_planSlot));
        var lengthenCycles = Ceiling(cycle - behindTicks, lengthenBudget);
        var shortenCycles = shortenBudget > 0 ? Ceiling(behindTicks, shortenBudget) : int.MaxValue;
        _shortWay = true;
        _shortWayShortens = shortenCycles < lengthenCycles;
        _shortWayBudgetTicks = _shortWayShortens ? shortenBudget : lengthenBudget;
        _shortWayBudgetLeft = _shortWayBudgetTicks;
        _transitionPlannedCycles = _shortWayShortens ? shortenCycles : lengthenCycles;
    }

    private static int Ceiling(long amount, long perCycle) => (int)((amount + perCycle - 1) / perCycle);

    /// <summary>A cycle of the new plan begins during the short-way: a fresh budget.</summary>
    private void OnShortWayCycle()
    {
        _transitionCycles++;
        _shortWayBudgetLeft = _shortWayBudgetTicks;
    }

    /// <summary>One step of the short-way: hold or cut within this cycle's budget; ends once the offset is reached.</summary>
    private long ShortWayStep(long simTicks, long stepTicks, FixedTimePlan plan, long tau, Engine.SimulationRecorder log)
    {
        var cycle = plan.CycleTicks;
        var remaining = _shortWayShortens ? SimTime.Mod(-_delta, cycle) : SimTime.Mod(_delta, cycle);
        if (remaining == 0)
        {
            EndShortWay(simTicks, log);
            _delta = 0;
            return tau;
        }
        if (_shortWayBudgetLeft <= 0) return tau;
        if (!_shortWayShortens)
        {
            // Not on the update that crossed cycle time 0: holding it there would cross it again
            // at every update, each taken for a new cycle with a fresh budget.
            if (!SteadyGreen() || (_lastTau >= 0 && tau < _lastTau)) return tau;
            var hold = Math.Min(Math.Min(stepTicks, remaining), _shortWayBudgetLeft);
            _shortWayBudgetLeft -= hold;
            _transitionLengthened += hold;
            _delta -= hold;
            return SimTime.Mod(tau - hold, cycle);
        }
        var skipped = SkipForward(simTicks, plan, tau, Math.Min(remaining, _shortWayBudgetLeft), protectRequestedGreens: false);
        _shortWayBudgetLeft -= skipped;
        _transitionShortened += skipped;
        return SimTime.Mod(tau + skipped, cycle);
    }

    private void EndShortWay(long simTicks, Engine.SimulationRecorder log)
    {
        _shortWay = false;
        if (_transitionRecorded) log.RecordTransition(Transition(simTicks, TransitionMethod.ShortWay));
    }

    private PlanTransition Transition(long simTicks, TransitionMethod method) => new(
        _d.IntersectionIndex, _transitionFrom, _planSlot, method, _transitionStartTicks, simTicks,
        _transitionCycles, method == TransitionMethod.ShortWay ? _transitionPlannedCycles : 0, _transitionLengthened, _transitionShortened);

    /// <summary>Dwell: returns false while the cycle-time-0 state is being held.</summary>
    private bool AdvanceTransition(long simTicks, long local, ref FixedTimePlan plan, ref long tau, Engine.SimulationRecorder log)
    {
        var next = _d.PlansBySlot[_pendingSlot];
        var tauNext = next.CycleTime(local);
        var reachedStart = tauNext == 0 || (_lastPendingCycleTime >= 0 && tauNext < _lastPendingCycleTime);
        _lastPendingCycleTime = tauNext;
        if (!reachedStart) return false;
        _planSlot = _pendingSlot;
        _pendingSlot = -1;
        _lastPendingCycleTime = -1;
        _delta = 0; // the new plan starts on its own offset
        plan = next;
        tau = tauNext;
        _transitionLengthened = simTicks - _transitionStartTicks;
        log.RecordTransition(Transition(simTicks, TransitionMethod.Dwell));
        return true;
    }

    /// <summary>
    /// Whether the new plan may start at once from the shared cycle-time-0 state: each group green
    /// there still gets its minimum by the new plan's end of that green, and each green the new
    /// plan starts later keeps its intergreen after the conflicting greens the old plan ended.
    /// </summary>
    private bool ShortWaySafeAtCycleStart(long simTicks, FixedTimePlan next)
    {
        var windows = next.Windows;
        for (var g = 0; g < windows.Length; g++)
        {
            var w = windows[g];
            if (!w.IsGreen(0) || _state[g] != SignalState.Green) continue;
            if (simTicks - _greenSince[g] + w.EndTicks < _d.MinGreenTicks[g]) return false;
        }
        foreach (var c in _d.Conflicts)
        {
            var to = windows[c.To];
            if (!to.HasGreen || to.IsGreen(0) || _state[c.From] == SignalState.Green) continue;
            if (simTicks + to.StartTicks - _greenEnded[c.From] < c.IntergreenTicks) return false;
        }
        return true;
    }

    /// <summary>
    /// What one cycle of a plan can give up to skips: at each event where only greens end, the time
    /// since the previous event, bounded by what each green running into it has above its minimum
    /// (used up across the events it spans). An estimate that sets the short-way's direction.
    /// </summary>
    private long ShortenCapacity(int slot)
    {
        _shortenCapacity ??= new long[_d.PlansBySlot.Length];
        if (_shortenCapacity[slot] > 0) return _shortenCapacity[slot] - 1;
        var plan = _d.PlansBySlot[slot];
        var slack = new long[plan.Windows.Length];
        for (var g = 0; g < slack.Length; g++) slack[g] = Math.Max(0, plan.Windows[g].GreenTicks - _d.MinGreenTicks[g]);
        var total = 0L;
        var events = plan.EventTicks;
        for (var e = 0; e < events.Length; e++)
        {
            if (!plan.IsGreenEndOnly[e]) continue;
            var previous = events[(e + events.Length - 1) % events.Length];
            var amount = SimTime.Mod(events[e] - previous, plan.CycleTicks);
            var before = SimTime.Mod(events[e] - 1, plan.CycleTicks);
            for (var g = 0; g < slack.Length; g++)
            {
                if (plan.Windows[g].IsGreen(before)) amount = Math.Min(amount, slack[g]);
            }
            for (var g = 0; g < slack.Length; g++)
            {
                if (plan.Windows[g].IsGreen(before)) slack[g] -= amount;
            }
            total += amount;
        }
        _shortenCapacity[slot] = total + 1; // 0 means not computed yet
        return total;
    }
}
