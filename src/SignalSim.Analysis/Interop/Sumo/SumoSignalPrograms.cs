// Fixed-time programs for SUMO: for each intersection, the plan its centre runs at the start of
// the run, as a static tlLogic whose phases are the intervals between the plan's state changes
// (green starts, green ends, amber ends). The centre clock's offset and the start time of day are
// folded into the program offset, so the program shows at every second the state SignalSim shows.
using SignalSim.Core;
using SignalSim.Core.Model;
using SignalSim.Core.Signals;

namespace SignalSim.Analysis.Interop.Sumo;

internal sealed record SumoPhase(long DurationTicks, string State);

internal sealed record SumoProgram(string Intersection, string PlanName, long CycleTicks, long OffsetTicks, IReadOnlyList<SumoPhase> Phases);

internal static class SumoSignalPrograms
{
    public static IReadOnlyList<SumoProgram> Build(SimulationModel model, SumoNetwork network)
    {
        var programs = new List<SumoProgram>();
        for (var i = 0; i < model.Controllers.Length; i++)
        {
            var c = model.Controllers[i];
            var plan = PlanAtStart(c);
            var links = network.Connections.Where(k => k.Intersection == c.IntersectionId).OrderBy(k => k.LinkIndex).ToList();
            var groupOfLink = links.Select(k => Array.IndexOf(c.GroupIds, k.Group)).ToArray();

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
                var state = new char[groupOfLink.Length];
                for (var k = 0; k < groupOfLink.Length; k++)
                {
                    var g = groupOfLink[k];
                    state[k] = plan.Windows[g].StateAt(times[e], c.AmberTicks[g]) switch
                    {
                        // Priority green everywhere: SignalSim has no gap acceptance, movements released
                        // together do not yield to each other (conflicts are separated by the signals
                        // alone), and vehicles of two movements into one lane enter nose to tail.
                        SignalState.Green => 'G',
                        SignalState.Amber => 'y',
                        _ => 'r',
                    };
                }
                // Pedestrian groups have no SUMO link: an instant where only they change leaves
                // the vehicles' state as it was, so that phase continues.
                var text = new string(state);
                if (phases.Count > 0 && phases[^1].State == text) phases[^1] = phases[^1] with { DurationTicks = phases[^1].DurationTicks + next - times[e] };
                else phases.Add(new SumoPhase(next - times[e], text));
            }
            // SUMO's program time at simulation time t is (t − offset) mod cycle; SignalSim's cycle
            // time is (local time − plan offset) mod cycle with local time = start of day + t + clock offset.
            var offset = SimTime.Mod(plan.OffsetTicks - c.Centre.LocalTicks(0), plan.CycleTicks);
            programs.Add(new SumoProgram(c.IntersectionId, plan.Name, plan.CycleTicks, offset, phases));
        }
        return programs;
    }

    public static FixedTimePlan PlanAtStart(ControllerDefinition c) => c.PlansBySlot[c.Centre.PlanSlotAt(c.Centre.LocalTicks(0))];

    /// <summary>Plan names a centre switches to during the run, after the one in force at its start (SUMO's files carry one program).</summary>
    public static IReadOnlyList<string> LaterPlans(ControllerDefinition c, long endTicks)
    {
        var first = c.Centre.PlanSlotAt(c.Centre.LocalTicks(0));
        var later = new List<string>();
        for (var t = 0L; t <= endTicks; t += SimTime.TicksPerSecond)
        {
            var slot = c.Centre.PlanSlotAt(c.Centre.LocalTicks(t));
            if (slot != first && !later.Contains(c.PlansBySlot[slot].Name)) later.Add(c.PlansBySlot[slot].Name);
        }
        return later;
    }
}
