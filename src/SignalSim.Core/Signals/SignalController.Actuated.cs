// Actuated control in the running controller. The plan's windows are the maximum greens and the
// stage order; detectors and push buttons move τc with the controller's two safe operations only:
// SKIP forward (gap-out: a green ends one passage time after its detectors last cleared, never
// before its minimum; stage skipping: a stage nothing calls is jumped over when every state
// either stays as it is or turns green after its intergreens) and HOLD (rest in green when
// nothing else calls, free-running; the coordinated groups' green absorbing the time gained, so
// the plan's cycle and offset are kept and the window ends act as force-offs).
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Signals;

public sealed partial class SignalController
{
    private const long DetectorOccupied = long.MaxValue;

    private readonly bool[] _called;        // call memory: a detector or push button called while the group was not green
    private readonly long[] _gapSinceTicks; // when the group's detectors last all became clear; DetectorOccupied while one is occupied

    private void ResetActuation()
    {
        Array.Clear(_called);
        Array.Fill(_gapSinceTicks, long.MinValue / 2); // no vehicle seen yet: the gap is long
    }

    /// <summary>Reads the group's detectors and push buttons: gap timers and call memory.</summary>
    private void Sense(long simTicks, ActuatedProgram a, ControllerInputs inputs)
    {
        var occupiedIn = inputs.DetectorOccupied;
        var waitingAt = inputs.PedestrianWaiting;
        for (var g = 0; g < _state.Length; g++)
        {
            var occupied = false;
            var detectors = a.DetectorsOfGroup[g];
            for (var k = 0; k < detectors.Length && !occupied; k++) occupied = occupiedIn[detectors[k]];
            var pressed = false;
            var crossings = a.CrossingsOfGroup[g];
            for (var k = 0; k < crossings.Length && !pressed; k++) pressed = waitingAt[crossings[k]];
            if (occupied) _gapSinceTicks[g] = DetectorOccupied;
            else if (_gapSinceTicks[g] == DetectorOccupied) _gapSinceTicks[g] = simTicks;
            if (_state[g] == SignalState.Green) _called[g] = false; // served: vehicles and pedestrians go now
            else if (occupied || pressed) _called[g] = true;
        }
    }

    private bool IsCalled(ActuatedProgram a, int g) => a.Recall[g] != RecallMode.None || a.Coordinated[g] || _called[g];

    /// <summary>The green is still wanted: maximum recall, coordinated, or a vehicle over a detector within the passage time.</summary>
    private bool IsExtending(ActuatedProgram a, int g, long simTicks) =>
        a.Recall[g] == RecallMode.Maximum || a.Coordinated[g]
        || _gapSinceTicks[g] == DetectorOccupied || simTicks - _gapSinceTicks[g] < a.PassageTicks[g];

    private long Actuate(long simTicks, long stepTicks, FixedTimePlan plan, ActuatedProgram a, long tau, Engine.SimulationRecorder log)
    {
        var windows = plan.Windows;
        if (a.IsCoordinated)
        {
            var deviation = Normalise(_delta, plan.CycleTicks);
            // Ahead after a gap-out or a skip: the coordinated groups keep their green until the plan catches up.
            if (deviation > 0 && CoordinatedGreen(a, windows, tau) && SteadyGreen())
            {
                var hold = Math.Min(stepTicks, deviation);
                _delta -= hold;
                return SimTime.Mod(tau - hold, plan.CycleTicks);
            }
            if (deviation < 0) tau = Recover(simTicks, stepTicks, plan, tau); // behind after a priority extension
        }

        var otherCall = false;
        for (var g = 0; g < windows.Length && !otherCall; g++) otherCall = IsCalled(a, g) && !windows[g].IsGreen(tau);
        if (!otherCall)
        {
            // Nothing else calls: free-running rests in green; a coordinated plan runs its windows.
            return !a.IsCoordinated && SteadyGreen() ? Hold(tau, plan, stepTicks) : tau;
        }

        var next = plan.NextEvent(tau, out var untilEvent);
        var eventTau = plan.EventTicks[next];
        if (plan.IsGreenEndOnly[next])
        {
            if (eventTau <= tau && eventTau != 0) return tau; // a green running past the cycle end gaps out only up to it
            var any = false;
            foreach (var g in plan.GroupsEndingAt[next])
            {
                if (!windows[g].IsGreen(tau)) continue;
                if (a.Coordinated[g] || IsExtending(a, g, simTicks) || _state[g] != SignalState.Green
                    || simTicks - _greenSince[g] < _d.MinGreenTicks[g]) return tau;
                any = true;
            }
            if (!any) return tau;
            var jumped = SkipForward(simTicks, plan, tau, untilEvent, protectRequestedGreens: true);
            return AfterJump(simTicks, plan, tau, SimTime.Mod(tau + jumped, plan.CycleTicks), log);
        }

        // The next event starts greens: skip the stages nothing calls, to the first that is called.
        if (AnyAmber()) return tau;
        var target = -1L;
        var k = next;
        for (var n = 0; n < plan.EventTicks.Length && target < 0; n++, k = (k + 1) % plan.EventTicks.Length)
        {
            foreach (var g in plan.GroupsStartingAt[k])
            {
                if (IsCalled(a, g)) target = plan.EventTicks[k];
            }
        }
        if (target < 0 || target == eventTau) return tau;      // nothing calls, or the next stage does
        if (target <= tau && target != 0) return tau;          // never across the cycle end except onto cycle time 0
        if (!SafeJump(simTicks, plan, a, tau, target)) return tau;
        _delta += SimTime.Mod(target - tau, plan.CycleTicks);
        return AfterJump(simTicks, plan, tau, target, log);
    }

    /// <summary>A jump onto cycle time 0 starts the cycle there (plan changes, recovery budget).</summary>
    private long AfterJump(long simTicks, FixedTimePlan plan, long tau, long newTau, Engine.SimulationRecorder log)
    {
        if (newTau < tau) OnCycleStart(simTicks, _d.Centre.LocalTicks(simTicks), plan, log);
        return newTau;
    }

    private static bool CoordinatedGreen(ActuatedProgram a, GreenWindow[] windows, long tau)
    {
        for (var g = 0; g < windows.Length; g++)
        {
            if (a.Coordinated[g] && windows[g].IsGreen(tau)) return true;
        }
        return false;
    }

    private bool AnyAmber()
    {
        for (var g = 0; g < _state.Length; g++)
        {
            if (_state[g] == SignalState.Amber) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether τc may jump from <paramref name="tau"/> to <paramref name="target"/>: no amber is cut
    /// or shown without its green, no green ends inside the jump, no called group is jumped over,
    /// and every green that starts at or after the landing keeps its intergreen after each
    /// conflicting green that has really ended.
    /// </summary>
    private bool SafeJump(long simTicks, FixedTimePlan plan, ActuatedProgram a, long tau, long target)
    {
        var cycle = plan.CycleTicks;
        var span = SimTime.Mod(target - tau, cycle);
        var windows = plan.Windows;
        var greenAtTau = _greenAtTau;
        var greenAtTarget = _greenAtTarget;
        for (var g = 0; g < windows.Length; g++)
        {
            var w = windows[g];
            var before = w.StateAt(tau, _d.AmberTicks[g]);
            var after = w.StateAt(target, _d.AmberTicks[g]);
            greenAtTau[g] = before == SignalState.Green;
            greenAtTarget[g] = after == SignalState.Green;
            if (before == SignalState.Amber || after == SignalState.Amber) return false;
            if (before == SignalState.Green && after != SignalState.Green) return false;
            if (before != SignalState.Green && after != SignalState.Green && w.HasGreen && IsCalled(a, g))
            {
                var untilStart = SimTime.Mod(w.StartTicks - tau, cycle);
                if (untilStart > 0 && untilStart < span) return false;
            }
        }
        for (var to = 0; to < windows.Length; to++)
        {
            var w = windows[to];
            if (!w.HasGreen || (greenAtTau[to] && greenAtTarget[to])) continue;
            var untilStart = greenAtTarget[to] ? 0 : SimTime.Mod(w.StartTicks - target, cycle);
            foreach (var c in _d.ConflictsInto[to])
            {
                if (greenAtTau[c.From]) continue;
                var ended = _state[c.From] == SignalState.Green ? simTicks : _greenEnded[c.From]; // ending in this update
                if (simTicks + untilStart - ended < c.IntergreenTicks) return false;
            }
        }
        return true;
    }
}
