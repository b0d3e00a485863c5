// Priority in the running controller: requests from detectors and announcements, whose arrival
// estimates the simulation refreshes every step from the vehicle's state; the hold (green
// extension) and skip (early green) that serve them within the safety rules, the release of an
// extension the vehicle can no longer use, requests during plan changes, phase insertion, and
// the recovery to the coordinated offset afterwards.
using SignalSim.Core.Metrics;
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Signals;

public sealed partial class SignalController
{
    /// <summary>
    /// A check-in (or forwarded announcement) for a vehicle that will use a group of this
    /// intersection; refused (and logged) when the intersection grants no priority to the mode.
    /// </summary>
    public void Request(long simTicks, int vehicleId, int line, int globalGroup, TravelMode mode, long etaTicks, double latenessS, bool forwarded, Engine.SimulationRecorder log)
    {
        var rules = mode == TravelMode.Tram ? _d.Tram : _d.Bus;
        var group = globalGroup - _d.FirstGroup;
        if (IsPreempting(mode, group))
        {
            Preempt(simTicks, vehicleId, line, etaTicks, latenessS, forwarded, log);
            return;
        }
        for (var i = 0; i < _requestCount; i++)
        {
            if (_requests[i].VehicleId != vehicleId) continue;
            // Already announced (forwarded earlier): the local detector refreshes the estimate.
            _requests[i].EtaTicks = etaTicks;
            _requests[i].ExpiryTicks = simTicks + rules!.RequestExpiryTicks;
            return;
        }
        var etaS = SimTime.ToSeconds(etaTicks - simTicks);
        log.RecordPriority(new PriorityEvent(simTicks, vehicleId, line, _d.IntersectionIndex, mode, forwarded, PriorityAction.Requested, PriorityReason.None, etaS, latenessS, 0));
        if (rules is null)
        {
            log.RecordPriority(new PriorityEvent(simTicks, vehicleId, line, _d.IntersectionIndex, mode, forwarded, PriorityAction.Refused, PriorityReason.NoPriorityForMode, etaS, latenessS, 0));
            return;
        }
        if (rules.MinLatenessS is { } threshold && latenessS < threshold)
        {
            log.RecordPriority(new PriorityEvent(simTicks, vehicleId, line, _d.IntersectionIndex, mode, forwarded, PriorityAction.Refused, PriorityReason.NotLateEnough, etaS, latenessS, 0));
            return;
        }
        if (_requestCount == MaxRequests)
        {
            // More vehicles than any real detector zone holds: the newest is not served.
            log.RecordPriority(new PriorityEvent(simTicks, vehicleId, line, _d.IntersectionIndex, mode, forwarded, PriorityAction.Refused, PriorityReason.TooManyRequests, etaS, latenessS, 0));
            return;
        }
        _requests[_requestCount++] = new PendingRequest
        {
            VehicleId = vehicleId,
            Line = line,
            Group = group,
            Mode = mode,
            EtaTicks = etaTicks,
            LatenessS = latenessS,
            ExpiryTicks = simTicks + rules.RequestExpiryTicks,
            Forwarded = forwarded,
        };
    }

    /// <summary>
    /// A fresh estimate of the vehicle's arrival at the stop line, from its state this step
    /// (the simulation sends it for every vehicle with a request here). No request: nothing to do.
    /// </summary>
    public void UpdateEstimate(int vehicleId, long etaTicks)
    {
        for (var i = 0; i < _requestCount; i++)
        {
            if (_requests[i].VehicleId != vehicleId) continue;
            _requests[i].EtaTicks = etaTicks;
            return;
        }
    }

    /// <summary>The vehicle passed the stop line.</summary>
    public void CheckOut(long simTicks, int vehicleId, Engine.SimulationRecorder log)
    {
        if (_preemptTramCount > 0 && PreemptCheckOut(simTicks, vehicleId, log)) return;
        for (var i = 0; i < _requestCount; i++)
        {
            if (_requests[i].VehicleId != vehicleId) continue;
            ref var r = ref _requests[i];
            log.RecordPriority(Event(simTicks, ref r, PriorityAction.CheckedOut, PriorityReason.None, SimTime.ToSeconds(r.ExtensionUsed + r.EarlyUsed)));
            RemoveAt(i);
            return;
        }
    }

    /// <summary>A bus whose group only the insertion plan serves, while the scheduled plan runs.</summary>
    private bool WaitsForInsertion(ref PendingRequest r, FixedTimePlan scheduled) =>
        r.Mode == TravelMode.Bus && _d.InsertionPlan is { } insertion
        && !scheduled.Windows[r.Group].HasGreen && insertion.Windows[r.Group].HasGreen;

    private void ExpireRequests(long simTicks, Engine.SimulationRecorder log)
    {
        for (var i = _requestCount - 1; i >= 0; i--)
        {
            ref var r = ref _requests[i];
            if (simTicks < r.ExpiryTicks) continue;
            // Demand memory: a bus waiting for its inserted phase keeps its call until that cycle comes.
            if (!_inserting && WaitsForInsertion(ref r, CurrentPlan)) continue;
            log.RecordPriority(Event(simTicks, ref r, PriorityAction.Expired, PriorityReason.None, SimTime.ToSeconds(r.ExtensionUsed + r.EarlyUsed)));
            RemoveAt(i);
        }
    }

    private void RemoveAt(int i)
    {
        _requests[i] = _requests[--_requestCount];
        if (_requestCount == 0 && _delta != 0) _recoveryCyclesLeft = RecoveryCycles();
    }

    /// <summary>Index of the request served first: trams before buses, then the earliest arrival.</summary>
    private int MostUrgent()
    {
        var best = 0;
        for (var i = 1; i < _requestCount; i++)
        {
            ref var a = ref _requests[i];
            ref var b = ref _requests[best];
            var aTram = a.Mode == TravelMode.Tram;
            var bTram = b.Mode == TravelMode.Tram;
            if (aTram != bTram ? aTram : a.EtaTicks < b.EtaTicks) best = i;
        }
        return best;
    }

    /// <summary>
    /// During a plan change the cycle-time-0 state of the old plan is held until the new plan
    /// reaches its own cycle time 0; changing it then could cut an intergreen of the new plan. A
    /// vehicle whose group is green in the held state passes on that green (it lasts into the new
    /// plan, which shows the same greens at cycle time 0); the others are refused once with
    /// plan-change-in-progress and served as usual once the new plan runs. Requests still lapse.
    /// </summary>
    private void DuringPlanChange(long simTicks, FixedTimePlan held, Engine.SimulationRecorder log)
    {
        ExpireRequests(simTicks, log);
        for (var i = 0; i < _requestCount; i++)
        {
            ref var r = ref _requests[i];
            if (!held.Windows[r.Group].IsGreen(0)) Refuse(ref r, simTicks, PriorityReason.PlanChangeInProgress, log);
        }
    }

    private long ServeRequests(long simTicks, long stepTicks, FixedTimePlan plan, long tau, Engine.SimulationRecorder log)
    {
        var index = MostUrgent();
        for (var i = 0; i < _requestCount; i++)
        {
            if (i != index) Refuse(ref _requests[i], simTicks, PriorityReason.AnotherRequestServed, log);
        }
        ref var r = ref _requests[index];
        var rules = (r.Mode == TravelMode.Tram ? _d.Tram : _d.Bus)!;
        var window = plan.Windows[r.Group];
        var untilArrival = r.EtaTicks - simTicks;

        // The plan at τ decides, not the state shown last step: a green starting in this very
        // update is already the vehicle's green.
        if (window.IsGreen(tau))
        {
            var untilEnd = SimTime.Mod(window.EndTicks - tau, plan.CycleTicks);
            if (untilEnd > stepTicks) return tau;
            // The green ends now: hold it if the vehicle can still make it within the extension.
            if (!rules.AllowExtension) return tau;
            if (r.ExtensionUsed + stepTicks > rules.MaxExtensionTicks)
            {
                Refuse(ref r, simTicks, PriorityReason.ExtensionLimitReached, log);
                return tau;
            }
            if (untilArrival > untilEnd + rules.MaxExtensionTicks - r.ExtensionUsed)
            {
                // The refreshed estimate shows the vehicle cannot reach the line in what is left
                // of the extension (it dwells, queues or runs slower than expected): an extension
                // under way is released, so the green ends now instead of being held for nobody.
                if (r.LoggedExtension) Cancel(ref r, simTicks, PriorityReason.TooFarForExtension, log);
                else Refuse(ref r, simTicks, PriorityReason.TooFarForExtension, log);
                return tau;
            }
            if (!r.LoggedExtension)
            {
                r.LoggedExtension = true;
                log.RecordPriority(Event(simTicks, ref r, PriorityAction.Extension, PriorityReason.None, 0));
            }
            r.ExtensionUsed += stepTicks;
            return Hold(tau, plan, stepTicks);
        }

        // Red (or amber): bring the green forward if the plan would give it only after arrival.
        if (!rules.AllowEarlyGreen || !window.HasGreen) return tau;
        var untilGreen = SimTime.Mod(window.StartTicks - tau, plan.CycleTicks);
        if (untilGreen <= untilArrival) return tau; // the plan serves it in time
        var budget = rules.MaxEarlyGreenTicks - r.EarlyUsed;
        if (budget <= 0)
        {
            Refuse(ref r, simTicks, PriorityReason.EarlyGreenLimitReached, log);
            return tau;
        }
        var jumped = SkipForward(simTicks, plan, tau, budget, protectRequestedGreens: true);
        if (jumped == 0) return tau;
        if (!r.LoggedEarly)
        {
            r.LoggedEarly = true;
            log.RecordPriority(Event(simTicks, ref r, PriorityAction.EarlyGreen, PriorityReason.None, 0));
        }
        r.EarlyUsed += jumped;
        return SimTime.Mod(tau + jumped, plan.CycleTicks);
    }

    /// <summary>Releases an extension under way; a later green end may grant what is left of the maximum.</summary>
    private void Cancel(ref PendingRequest r, long simTicks, PriorityReason reason, Engine.SimulationRecorder log)
    {
        r.LoggedExtension = false;
        r.LoggedRefusal = reason; // the same condition is not logged again as a refusal
        log.RecordPriority(Event(simTicks, ref r, PriorityAction.Cancelled, reason, SimTime.ToSeconds(r.ExtensionUsed)));
    }

    private void Refuse(ref PendingRequest r, long simTicks, PriorityReason reason, Engine.SimulationRecorder log)
    {
        if (r.LoggedRefusal == reason) return;
        r.LoggedRefusal = reason;
        log.RecordPriority(Event(simTicks, ref r, PriorityAction.Refused, reason, 0));
    }

    private PriorityEvent Event(long simTicks, ref PendingRequest r, PriorityAction action, PriorityReason reason, double grantedS) =>
        new(simTicks, r.VehicleId, r.Line, _d.IntersectionIndex, r.Mode, r.Forwarded, action, reason, SimTime.ToSeconds(r.EtaTicks - simTicks), r.LatenessS, grantedS);

    /// <summary>Keeps τc where it was at the previous update: every state stays as it is.</summary>
    private long Hold(long tau, FixedTimePlan plan, long stepTicks)
    {
        var held = _lastTau >= 0 ? _lastTau : tau;
        _delta -= SimTime.Mod(tau - held, plan.CycleTicks);
        return held;
    }

    /// <summary>
    /// Jumps τc forward towards the next event if that event only ends greens. The jump is cut
    /// short so that no green ends before its minimum and no conflicting green starts before the
    /// intergreen of a green that has already ended. Returns the ticks skipped (0: no safe skip now).
    /// </summary>
    private long SkipForward(long simTicks, FixedTimePlan plan, long tau, long budget, bool protectRequestedGreens)
    {
        var next = plan.NextEvent(tau, out var untilEvent);
        if (!plan.IsGreenEndOnly[next]) return 0;
        var eventTau = plan.EventTicks[next];
        var allowed = Math.Min(untilEvent, budget);
        var windows = plan.Windows;
        var greenAtTau = _greenAtTau;
        for (var g = 0; g < windows.Length; g++) greenAtTau[g] = windows[g].IsGreen(tau);
        for (var g = 0; g < windows.Length; g++)
        {
            // Green by the plan at τ, including a green that starts in this very update.
            var w = windows[g];
            if (!greenAtTau[g]) continue;
            var endsAtEvent = w.EndTicks == eventTau;
            if (endsAtEvent && protectRequestedGreens && HasRequestFor(g)) return 0; // never cut a green a vehicle is waiting for
            // The jump brings every green end forward, not only this event's: each green still
            // running must last its minimum by its (earlier) end.
            var untilEnd = endsAtEvent ? untilEvent : SimTime.Mod(w.EndTicks - tau, plan.CycleTicks);
            var since = _state[g] == SignalState.Green ? _greenSince[g] : simTicks;
            var shortfall = _d.MinGreenTicks[g] - (simTicks - since);
            if (shortfall > 0) allowed = Math.Min(allowed, untilEnd - shortfall);
        }
        // A jump brings every later green start forward: keep those that follow a green which has
        // already ended at least one intergreen after that end.
        for (var to = 0; to < windows.Length; to++)
        {
            var w = windows[to];
            if (!w.HasGreen || greenAtTau[to]) continue;
            var untilStart = SimTime.Mod(w.StartTicks - tau, plan.CycleTicks);
            foreach (var c in _d.ConflictsInto[to])
            {
                if (greenAtTau[c.From]) continue;
                var ended = _state[c.From] == SignalState.Green ? simTicks : _greenEnded[c.From]; // ending in this update
                allowed = Math.Min(allowed, simTicks + untilStart - ended - c.IntergreenTicks);
            }
        }
        if (allowed <= 0) return 0;
        _delta += allowed;
        return allowed;
    }

    private bool HasRequestFor(int group)
    {
        for (var i = 0; i < _requestCount; i++)
        {
            if (_requests[i].Group == group) return true;
        }
        return false;
    }

    /// <summary>Back to the coordinated plan: hold greens when ahead, shorten greens when behind.</summary>
    private long Recover(long simTicks, long stepTicks, FixedTimePlan plan, long tau)
    {
        if (_recoveryBudget <= 0) return tau; // Update never recovers during a plan change
        var deviation = Normalise(_delta, plan.CycleTicks);
        if (deviation == 0)
        {
            _delta = 0;
            return tau;
        }
        if (deviation > 0)
        {
            // Ahead after an early green: lose time by holding while some group is green and none is amber.
            if (!SteadyGreen()) return tau;
            var hold = Math.Min(Math.Min(stepTicks, deviation), _recoveryBudget);
            _recoveryBudget -= hold;
            _delta -= hold;
            return SimTime.Mod(tau - hold, plan.CycleTicks);
        }
        var skipped = SkipForward(simTicks, plan, tau, Math.Min(-deviation, _recoveryBudget), protectRequestedGreens: false);
        _recoveryBudget -= skipped;
        return SimTime.Mod(tau + skipped, plan.CycleTicks);
    }

    private bool SteadyGreen()
    {
        var anyGreen = false;
        for (var g = 0; g < _state.Length; g++)
        {
            if (_state[g] == SignalState.Amber) return false;
            if (_state[g] == SignalState.Green) anyGreen = true;
        }
        return anyGreen;
    }

    /// <summary>
    /// Phase insertion: when a waiting bus's group is left red by the plan, this cycle runs the
    /// insertion plan. Returns whether it does.
    /// </summary>
    private bool StartInsertion(long simTicks, FixedTimePlan plan, Engine.SimulationRecorder log)
    {
        var index = -1;
        for (var i = 0; i < _requestCount && index < 0; i++)
        {
            if (WaitsForInsertion(ref _requests[i], plan)) index = i;
        }
        if (index < 0) return false;
        log.RecordPriority(Event(simTicks, ref _requests[index], PriorityAction.PhaseInsertion, PriorityReason.None, 0));
        // The inserted green comes within this cycle: waiting requests now count their expiry from here.
        for (var i = 0; i < _requestCount; i++)
        {
            if (WaitsForInsertion(ref _requests[i], plan)) _requests[i].ExpiryTicks = simTicks + _d.Bus!.RequestExpiryTicks;
        }
        return true;
    }
}
