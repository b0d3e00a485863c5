// Tram preemption (PreemptionRules): a tram checking in for the preempted group takes the
// intersection off its plan through a state sequence, the controller then setting each group's
// state itself within the same safety rules the plans obey (a green ends only after its
// minimum, every green end is followed by its amber, a green starts only once every conflicting
// green has ended at least its intergreen before):
//   clearance — the greens in conflict with the tram group or the clearance groups end (entry),
//               the clearance groups get their green for the clearance time so that vehicles
//               standing on the tracks leave; skipped when the tram group is already green;
//   dwell     — the clearance groups in conflict with the tram end, the tram group turns green
//               and stays green until every tram of the preemption has checked out, the maximum
//               dwell is reached, or the request lapses;
//   exit      — the plan is followed again from the cycle time where its tram green ends: each
//               group is moved towards the plan's state by the same safe changes, and the plan
//               takes over once every state matches it, no amber is showing and its next changes
//               keep every minimum green and intergreen;
//   recovery  — the named recovery (spread over recovery_cycles, or short-way) brings the
//               offset back. Each preemption is a PreemptionRecord (preemptions.csv).
using SignalSim.Core.Metrics;
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Signals;

public sealed partial class SignalController
{
    private enum PreemptPhase : byte { Idle, Clearance, Dwell, Exit }

    private const int MaxPreemptingTrams = 8;

    private PreemptPhase _preempt;
    private readonly int[] _preemptTrams = new int[MaxPreemptingTrams];
    private int _preemptTramCount;
    private bool[]? _desired;
    private long _clearanceFrom;
    private long _exitTau;               // the plan's cycle time being followed during the exit
    private bool _preemptRecovering;     // back on the plan, the recovery is under way
    private int _preemptIndex = -1;      // this preemption's record in the recorder
    private PreemptionRecord _preemptRecord;

    /// <summary>Whether the request is a tram of the preempted group (then it is handled here, not as priority).</summary>
    private bool IsPreempting(TravelMode mode, int group) =>
        mode == TravelMode.Tram && _d.Preemption is { } p && p.TramGroup == group && _d.Tram is not null;

    private void Preempt(long simTicks, int vehicleId, int line, long etaTicks, double latenessS, bool forwarded, Engine.SimulationRecorder log)
    {
        for (var i = 0; i < _preemptTramCount; i++)
        {
            if (_preemptTrams[i] == vehicleId) return; // announced earlier, now checked in locally
        }
        var etaS = SimTime.ToSeconds(etaTicks - simTicks);
        log.RecordPriority(new PriorityEvent(simTicks, vehicleId, line, _d.IntersectionIndex, TravelMode.Tram, forwarded, PriorityAction.Requested, PriorityReason.None, etaS, latenessS, 0));
        if (_preempt is PreemptPhase.Clearance or PreemptPhase.Dwell)
        {
            // Another tram of the group: it passes in the same dwell.
            if (_preemptTramCount == MaxPreemptingTrams)
            {
                log.RecordPriority(new PriorityEvent(simTicks, vehicleId, line, _d.IntersectionIndex, TravelMode.Tram, forwarded, PriorityAction.Refused, PriorityReason.TooManyRequests, etaS, latenessS, 0));
                return;
            }
            _preemptTrams[_preemptTramCount++] = vehicleId;
            log.RecordPriority(new PriorityEvent(simTicks, vehicleId, line, _d.IntersectionIndex, TravelMode.Tram, forwarded, PriorityAction.Preempted, PriorityReason.None, etaS, latenessS, 0));
            return;
        }
        var rules = _d.Preemption!;
        // The plan stops here: a plan change under way completes at once, a recovery is abandoned.
        if (_pendingSlot >= 0)
        {
            _planSlot = _pendingSlot;
            _pendingSlot = -1;
            _lastPendingCycleTime = -1;
            _transitionLengthened = simTicks - _transitionStartTicks;
            log.RecordTransition(Transition(simTicks, TransitionMethod.Dwell));
        }
        if (_shortWay) EndShortWay(simTicks, log);
        _inserting = false;
        if (_preemptRecovering) _preemptRecovering = false; // its record keeps RecoveredTicks -1
        _desired ??= new bool[_state.Length];
        _preemptTrams[0] = vehicleId;
        _preemptTramCount = 1;
        _clearanceFrom = simTicks;
        var tramGreen = _state[rules.TramGroup] == SignalState.Green;
        _preempt = tramGreen ? PreemptPhase.Dwell : PreemptPhase.Clearance;
        var entry = tramGreen ? 0 : EntryTicks(simTicks, rules);
        _preemptRecord = new PreemptionRecord(_d.IntersectionIndex, vehicleId, line, simTicks, etaTicks, entry,
            simTicks + entry <= etaTicks, tramGreen ? simTicks : -1, -1, -1, -1, 0, false);
        _preemptIndex = log.RecordPreemption(_preemptRecord);
        log.RecordPriority(new PriorityEvent(simTicks, vehicleId, line, _d.IntersectionIndex, TravelMode.Tram, forwarded, PriorityAction.Preempted, PriorityReason.None, etaS, latenessS, 0));
    }

    /// <summary>A tram of the preemption passed the stop line; returns false when the vehicle is not one.</summary>
    private bool PreemptCheckOut(long simTicks, int vehicleId, Engine.SimulationRecorder log)
    {
        for (var i = 0; i < _preemptTramCount; i++)
        {
            if (_preemptTrams[i] != vehicleId) continue;
            _preemptTrams[i] = _preemptTrams[--_preemptTramCount];
            var greenS = _preemptRecord.TramGreenTicks >= 0 ? SimTime.ToSeconds(simTicks - _preemptRecord.TramGreenTicks) : 0;
            log.RecordPriority(new PriorityEvent(simTicks, vehicleId, _preemptRecord.Line, _d.IntersectionIndex, TravelMode.Tram, false, PriorityAction.CheckedOut, PriorityReason.None, 0, 0, greenS));
            return true;
        }
        return false;
    }

    /// <summary>One step of the preemption's state sequence; writes every group's state.</summary>
    private void UpdatePreemption(long simTicks, long stepTicks, long local, SignalState[] groupStates, Engine.SimulationRecorder log)
    {
        if (_requestCount > 0) ExpireRequests(simTicks, log); // other requests still lapse; none is served meanwhile
        var rules = _d.Preemption!;
        var tram = rules.TramGroup;
        var desired = _desired!;
        var plan = CurrentPlan;
        switch (_preempt)
        {
            case PreemptPhase.Clearance:
            {
                var cleared = true;
                for (var g = 0; g < desired.Length; g++)
                {
                    desired[g] = rules.Clearance[g] || (_state[g] == SignalState.Green && !ConflictsWith(g, tram) && !ConflictsWithClearance(g, rules.Clearance));
                }
                Follow(simTicks, desired);
                for (var g = 0; g < desired.Length; g++)
                {
                    if (!rules.Clearance[g]) continue;
                    if (_state[g] != SignalState.Green || simTicks - Math.Max(_greenSince[g], _clearanceFrom) < rules.ClearanceGreenTicks) cleared = false;
                }
                if (cleared) _preempt = PreemptPhase.Dwell;
                break;
            }
            case PreemptPhase.Dwell:
            {
                for (var g = 0; g < desired.Length; g++) desired[g] = g == tram || (_state[g] == SignalState.Green && !ConflictsWith(g, tram));
                Follow(simTicks, desired);
                if (_state[tram] == SignalState.Green && _preemptRecord.TramGreenTicks < 0)
                    _preemptRecord = _preemptRecord with { TramGreenTicks = simTicks };
                var green = _preemptRecord.TramGreenTicks;
                var maxDwell = green >= 0 && simTicks - green >= rules.MaxDwellTicks;
                var lapsed = simTicks - _preemptRecord.RequestTicks >= _d.Tram!.RequestExpiryTicks + rules.MaxDwellTicks;
                if (_preemptTramCount == 0 || maxDwell || lapsed)
                {
                    _preemptTramCount = 0;
                    _preempt = PreemptPhase.Exit;
                    _preemptRecord = _preemptRecord with { ExitTicks = simTicks, MaxDwellReached = maxDwell };
                    // The plan resumes where it ends the tram green itself (where it is, if it gives the tram none).
                    var window = plan.Windows[tram];
                    _exitTau = window.HasGreen ? window.EndTicks : SimTime.Mod(plan.CycleTime(local) + _delta, plan.CycleTicks);
                    _exitTau = SimTime.Mod(_exitTau - stepTicks, plan.CycleTicks); // advanced below, onto the window end
                }
                break;
            }
        }
        if (_preempt == PreemptPhase.Exit)
        {
            _exitTau = SimTime.Mod(_exitTau + stepTicks, plan.CycleTicks);
            for (var g = 0; g < desired.Length; g++) desired[g] = plan.Windows[g].IsGreen(_exitTau);
            Follow(simTicks, desired);
            if (CanResume(simTicks, plan, _exitTau)) Resume(simTicks, local, plan);
        }
        for (var g = 0; g < _state.Length; g++) groupStates[_d.FirstGroup + g] = _state[g];
        log.UpdatePreemption(_preemptIndex, _preemptRecord);
    }

    /// <summary>The plan takes over at cycle time τc = the exit's; the named recovery brings its offset back.</summary>
    private void Resume(long simTicks, long local, FixedTimePlan plan)
    {
        var rules = _d.Preemption!;
        _preempt = PreemptPhase.Idle;
        _delta = _exitTau - plan.CycleTime(local);
        _lastTau = _exitTau;
        _preemptRecord = _preemptRecord with { ResumedTicks = simTicks };
        _preemptRecovering = true;
        _recoveryBudget = 0;
        var behind = SimTime.Mod(-_delta, plan.CycleTicks);
        if (behind == 0) return; // recorded as recovered by the next update
        _transitionRecorded = false;
        if (rules.Recovery == PreemptionRecovery.ShortWay) StartShortWay(behind);
        else _recoveryCyclesLeft = rules.RecoveryCycles;
    }

    /// <summary>After an update on the plan: the recovery is complete once the offset is reached.</summary>
    private void CheckPreemptionRecovered(long simTicks, Engine.SimulationRecorder log)
    {
        if (_shortWay || Normalise(_delta, CurrentPlan.CycleTicks) != 0) return;
        _delta = 0;
        _preemptRecovering = false;
        // Cycles of the coordinated plan (on the centre clock) begun between the resumption and now.
        var plan = CurrentPlan;
        var resumed = _d.Centre.LocalTicks(_preemptRecord.ResumedTicks) - plan.OffsetTicks;
        var now = _d.Centre.LocalTicks(simTicks) - plan.OffsetTicks;
        var cycles = (int)(Math.Floor((double)now / plan.CycleTicks) - Math.Floor((double)resumed / plan.CycleTicks));
        _preemptRecord = _preemptRecord with { RecoveredTicks = simTicks, RecoveryCycles = cycles };
        log.UpdatePreemption(_preemptIndex, _preemptRecord);
    }

    /// <summary>
    /// The soonest the tram group can turn green from the states now, by the clearance sequence:
    /// each green in conflict with the tram or a clearance group ends once its minimum is served;
    /// each clearance group starts one intergreen after the last of its conflicting greens ends
    /// and runs the clearance time (and its minimum); the tram group starts one intergreen after
    /// each conflicting green, the clearance greens included, has ended.
    /// </summary>
    private long EntryTicks(long simTicks, Model.PreemptionRules rules)
    {
        var n = _state.Length;
        Span<long> end = stackalloc long[n];
        for (var g = 0; g < n; g++)
        {
            end[g] = _state[g] == SignalState.Green ? Math.Max(simTicks, _greenSince[g] + _d.MinGreenTicks[g]) : _greenEnded[g];
        }
        for (var k = 0; k < n; k++)
        {
            if (!rules.Clearance[k]) continue;
            long start;
            if (_state[k] == SignalState.Green) start = _greenSince[k];
            else
            {
                // An amber runs out before the group can turn green again.
                start = _state[k] == SignalState.Amber ? Math.Max(simTicks, _greenEnded[k] + _d.AmberTicks[k]) : simTicks;
                foreach (var c in _d.ConflictsInto[k]) start = Math.Max(start, end[c.From] + c.IntergreenTicks);
            }
            end[k] = Math.Max(start + _d.MinGreenTicks[k], Math.Max(start, simTicks) + rules.ClearanceGreenTicks);
        }
        var tramStart = simTicks;
        foreach (var c in _d.ConflictsInto[rules.TramGroup]) tramStart = Math.Max(tramStart, end[c.From] + c.IntergreenTicks);
        return tramStart - simTicks;
    }

    private bool ConflictsWith(int a, int b) => _d.InConflict(a, b);

    private bool ConflictsWithClearance(int g, bool[] clearance)
    {
        foreach (var c in _d.ConflictsOutOf[g])
        {
            if (clearance[c.To]) return true;
        }
        return false;
    }

    /// <summary>
    /// Moves every group towards its desired state by safe changes only: an amber runs its full
    /// time, a green ends only after its minimum, a green starts only once no conflicting group
    /// shows green or amber and each conflicting green ended at least its intergreen before.
    /// </summary>
    private void Follow(long simTicks, bool[] desired)
    {
        for (var g = 0; g < _state.Length; g++)
        {
            if (_state[g] == SignalState.Amber && simTicks - _greenEnded[g] >= _d.AmberTicks[g]) _state[g] = SignalState.Red;
            if (_state[g] == SignalState.Green && !desired[g] && simTicks - _greenSince[g] >= _d.MinGreenTicks[g])
            {
                _greenEnded[g] = simTicks;
                _state[g] = _d.AmberTicks[g] > 0 ? SignalState.Amber : SignalState.Red;
            }
        }
        for (var g = 0; g < _state.Length; g++)
        {
            if (_state[g] != SignalState.Red || !desired[g] || !CanStart(simTicks, g)) continue;
            _state[g] = SignalState.Green;
            _greenSince[g] = simTicks;
        }
    }

    private bool CanStart(long simTicks, int g)
    {
        foreach (var c in _d.ConflictsOutOf[g])
        {
            if (_state[c.To] != SignalState.Red) return false;
        }
        foreach (var c in _d.ConflictsInto[g])
        {
            if (_state[c.From] != SignalState.Red || simTicks - _greenEnded[c.From] < c.IntergreenTicks) return false;
        }
        return true;
    }

    /// <summary>
    /// The plan may take over at cycle time τ: every group shows the plan's state, none amber, each
    /// green keeps its minimum by the plan's end of it, and each green the plan starts next keeps
    /// its intergreen after the conflicting greens that have ended.
    /// </summary>
    private bool CanResume(long simTicks, FixedTimePlan plan, long tau)
    {
        var windows = plan.Windows;
        for (var g = 0; g < windows.Length; g++)
        {
            var w = windows[g];
            var planned = w.StateAt(tau, _d.AmberTicks[g]);
            if (planned == SignalState.Amber || _state[g] == SignalState.Amber || planned != _state[g]) return false;
            if (planned == SignalState.Green && simTicks - _greenSince[g] + SimTime.Mod(w.EndTicks - tau, plan.CycleTicks) < _d.MinGreenTicks[g]) return false;
        }
        for (var to = 0; to < windows.Length; to++)
        {
            var w = windows[to];
            if (!w.HasGreen || w.IsGreen(tau)) continue;
            var untilStart = SimTime.Mod(w.StartTicks - tau, plan.CycleTicks);
            foreach (var c in _d.ConflictsInto[to])
            {
                if (_state[c.From] == SignalState.Green) continue;
                if (simTicks + untilStart - _greenEnded[c.From] < c.IntergreenTicks) return false;
            }
        }
        return true;
    }
}
