// Fixed-time programs for SUMO: for each intersection, every plan its centre runs during the run,
// as a static tlLogic whose phases are the intervals between the plan's state changes (green
// starts, green ends, amber ends). The centre clock's offset and the start time of day are folded
// into each program's offset, so a program shows at every second the state SignalSim shows.
//
// Plan changes follow SignalSim's dwell method step by step: at the first cycle start of the old
// plan after the schedule changes, SignalSim holds the state of cycle time 0 until the new plan
// reaches its own cycle time 0. SUMO gets the same as program switches (a WAUT): at the start of
// the hold, a one-phase program showing the held state; at its end, the new plan's program, whose
// cycle time is 0 there, so SUMO's switch needs no synchronisation of its own.
using SignalSim.Core;
using SignalSim.Core.Model;
using SignalSim.Core.Signals;

namespace SignalSim.Analysis.Interop.Sumo;

internal sealed record SumoPhase(long DurationTicks, string State);

/// <param name="ProgramId">SUMO's programID: the plan's name, or OLD-hold-NEW for the state held during a plan change.</param>
/// <param name="PlanName">The SignalSim plan the program plays (the old plan for a hold).</param>
internal sealed record SumoProgram(string Intersection, string ProgramId, string PlanName, long CycleTicks, long OffsetTicks, IReadOnlyList<SumoPhase> Phases)
{
    public bool IsHold => ProgramId != PlanName;
}

/// <summary>A switch to another program at a simulation time.</summary>
internal sealed record SumoProgramSwitch(long AtTicks, string ProgramId);

/// <param name="Programs">Every program; the first of each intersection is the one in force at the start.</param>
/// <param name="Switches">By intersection: the switches during the run, in time order (none without plan changes).</param>
internal sealed record SumoSignalSchedule(IReadOnlyList<SumoProgram> Programs, IReadOnlyDictionary<string, IReadOnlyList<SumoProgramSwitch>> Switches)
{
    public IEnumerable<SumoProgram> StartPrograms => Programs.GroupBy(p => p.Intersection).Select(g => g.First());

    public IEnumerable<SumoProgram> LaterPrograms => Programs.GroupBy(p => p.Intersection).SelectMany(g => g.Skip(1));
}

internal static class SumoSignalPrograms
{
    public static SumoSignalSchedule Build(SimulationModel model, SumoNetwork network)
    {
        var programs = new List<SumoProgram>();
        var switches = new Dictionary<string, IReadOnlyList<SumoProgramSwitch>>(StringComparer.Ordinal);
        for (var i = 0; i < model.Controllers.Length; i++)
        {
            var c = model.Controllers[i];
            var links = network.Connections.Where(k => k.Intersection == c.IntersectionId).OrderBy(k => k.LinkIndex).ToList();
            var x = model.Scenario.Intersections.First(i => i.Id == c.IntersectionId);
            // A movement that gives way to an opposing one on the same green is SUMO's minor green 'g'.
            var permissive = links.Select(k => x.Movements.Any(m => m.From == k.From && m.To == k.To && m.Yields.Any(y => y.From is not null))).ToArray();
            var groups = new LinkGroups(links.Select(k => Array.IndexOf(c.GroupIds, k.Group)).ToArray(), permissive);
            var mine = new List<SumoProgram> { Program(c, PlanAtStart(c), groups) };
            var list = new List<SumoProgramSwitch>();
            foreach (var (holdTicks, from, to, switchTicks) in PlanChanges(c, model.StepTicks, model.EndTicks))
            {
                if (holdTicks < switchTicks)
                {
                    var hold = $"{from.Name}-hold-{to.Name}";
                    if (!mine.Any(p => p.ProgramId == hold))
                        mine.Add(new SumoProgram(c.IntersectionId, hold, from.Name, SimTime.TicksPerSecond, 0, [new SumoPhase(SimTime.TicksPerSecond, State(c, from, 0, groups))]));
                    list.Add(new SumoProgramSwitch(holdTicks, hold));
                }
                if (!mine.Any(p => p.ProgramId == to.Name)) mine.Add(Program(c, to, groups));
                list.Add(new SumoProgramSwitch(switchTicks, to.Name));
            }
            programs.AddRange(mine);
            switches[c.IntersectionId] = list;
        }
        return new SumoSignalSchedule(programs, switches);
    }

    private static SumoProgram Program(ControllerDefinition c, FixedTimePlan plan, LinkGroups links)
    {
        var events = new SortedSet<long> { 0 };
        for (var g = 0; g < c.GroupCount; g++)
        {
            var w = plan.Windows[g];
            if (!w.HasGreen) continue;
            events.Add(w.StartTicks);
            events.Add(SimTime.Mod(w.EndTicks, plan.CycleTicks));
            events.Add(SimTime.Mod(w.EndTicks + c.AmberTicks[g], plan.CycleTicks));
        }
        var times = events.ToArray();
        var phases = new List<SumoPhase>();
        for (var e = 0; e < times.Length; e++)
        {
            var next = e + 1 < times.Length ? times[e + 1] : plan.CycleTicks;
            // Pedestrian groups have no SUMO link: an instant where only they change leaves
            // the vehicles' state as it was, so that phase continues.
            var text = State(c, plan, times[e], links);
            if (phases.Count > 0 && phases[^1].State == text) phases[^1] = phases[^1] with { DurationTicks = phases[^1].DurationTicks + next - times[e] };
            else phases.Add(new SumoPhase(next - times[e], text));
        }
        // SUMO's program time at simulation time t is (t − offset) mod cycle; SignalSim's cycle
        // time is (local time − plan offset) mod cycle with local time = start of day + t + clock offset.
        var offset = SimTime.Mod(plan.OffsetTicks - c.Centre.LocalTicks(0), plan.CycleTicks);
        return new SumoProgram(c.IntersectionId, plan.Name, plan.Name, plan.CycleTicks, offset, phases);
    }

    /// <summary>For each SUMO link of an intersection (by link index): its signal group and whether its movement gives way to an opposing one.</summary>
    private sealed record LinkGroups(int[] Group, bool[] Permissive);

    private static string State(ControllerDefinition c, FixedTimePlan plan, long cycleTicks, LinkGroups links)
    {
        var state = new char[links.Group.Length];
        for (var k = 0; k < state.Length; k++)
        {
            var g = links.Group[k];
            state[k] = plan.Windows[g].StateAt(cycleTicks, c.AmberTicks[g]) switch
            {
                // Priority green, or minor green for a turn that gives way to opposing traffic;
                // giving way to pedestrians stays SignalSim's own (no crossing is exported).
                SignalState.Green => links.Permissive[k] ? 'g' : 'G',
                SignalState.Amber => 'y',
                _ => 'r',
            };
        }
        return new string(state);
    }

    public static FixedTimePlan PlanAtStart(ControllerDefinition c) => c.PlansBySlot[c.Centre.PlanSlotAt(c.Centre.LocalTicks(0))];

    /// <summary>
    /// The plan changes of a run as SignalSim's controller makes them without priority: at each
    /// cycle start of the current plan, a change is due when the schedule names another plan;
    /// the cycle-time-0 state is then held from <c>HoldTicks</c> until the new plan wraps or
    /// stands at cycle time 0 (<c>SwitchTicks</c>), step by step as the controller updates.
    /// </summary>
    public static IEnumerable<(long HoldTicks, FixedTimePlan From, FixedTimePlan To, long SwitchTicks)> PlanChanges(ControllerDefinition c, long stepTicks, long endTicks)
    {
        var slot = c.Centre.PlanSlotAt(c.Centre.LocalTicks(0));
        var lastTau = -1L;
        var pending = -1;
        var holdTicks = 0L;
        var lastPendingTau = -1L;
        for (var t = 0L; t <= endTicks; t += stepTicks)
        {
            var local = c.Centre.LocalTicks(t);
            var plan = c.PlansBySlot[slot];
            if (pending < 0)
            {
                var tau = plan.CycleTime(local);
                var wrapped = lastTau >= 0 && tau < lastTau;
                lastTau = tau;
                if (!wrapped) continue;
                var scheduled = c.Centre.PlanSlotAt(local);
                if (scheduled == slot) continue;
                pending = scheduled;
                holdTicks = t;
                lastPendingTau = -1;
            }
            var next = c.PlansBySlot[pending];
            var tauNext = next.CycleTime(local);
            var reached = tauNext == 0 || (lastPendingTau >= 0 && tauNext < lastPendingTau);
            lastPendingTau = tauNext;
            if (!reached) continue;
            yield return (holdTicks, plan, next, t);
            slot = pending;
            pending = -1;
            lastTau = tauNext;
        }
    }
}
