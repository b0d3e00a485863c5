// Everything in a scenario that the SUMO files leave out or approximate, found by looking at the
// scenario as the strategy runs it. Nothing is dropped silently: each entry goes to the README.
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Analysis.Interop.Sumo;

internal static class SumoLimitations
{
    public static IReadOnlyList<SumoLimitation> Find(ScenarioFile s, SimulationModel model)
    {
        var list = new List<SumoLimitation>();
        foreach (var c in s.Centres)
        {
            if (c.Clock.DriftSPerHour != 0)
                list.Add(new("clock drift", $"centre {c.Id} ({c.Clock.DriftSPerHour:0.###} s/h)",
                    "not exported: a SUMO program runs on the simulation clock; the programs keep the centre's offset at the start of the run, so they drift apart from SignalSim's by the drift accumulated since (at most " +
                    $"{Math.Abs(c.Clock.DriftSPerHour) * model.EndTicks / 3_600_000.0:0.0} s at the end)"));
            if (c.Forwarding is { Enabled: true })
                list.Add(new("cross-centre announcements", $"centre {c.Id}", "not exported: SUMO's static programs receive no requests"));
        }
        foreach (var ctrl in model.Controllers)
        {
            if (ctrl.PlansBySlot.Any(p => p.Actuated is not null))
                list.Add(new("actuated plans", $"intersection {ctrl.IntersectionId}",
                    "approximated: exported as the fixed-time plan of their windows (the maximum greens); SUMO's static program neither calls, extends nor skips stages"));
            if (ctrl.Bus is not null)
                list.Add(new("bus priority", $"intersection {ctrl.IntersectionId}", "not exported: green extension, early green and phase insertion need a controller that reads detectors; the fixed-time plan is exported as is"));
            if (ctrl.Tram is not null)
                list.Add(new("tram priority", $"intersection {ctrl.IntersectionId}", "not exported: the fixed-time plan is exported as is"));
        }
        foreach (var x in s.Intersections)
            foreach (var crossing in x.Crossings)
                list.Add(new("pedestrian crossing", $"intersection {x.Id}, crossing {crossing.Id} ({crossing.FlowForwardPedPerHour + crossing.FlowBackwardPedPerHour:0} ped/h)",
                    "not exported: a SUMO crossing needs the sidewalks and the arm it crosses, which a SignalSim crossing does not give (length and signal group only); its signal group's plan is exported with the vehicles' and the pedestrians' waits are SignalSim's alone"));
        foreach (var d in s.Demand)
        {
            if (d.Arrivals == ArrivalProcess.Uniform)
                list.Add(new("uniform arrivals' random phase", $"demand {d.Id}", "SUMO's flow starts at the period's begin; SignalSim draws the first arrival at a random phase of the headway"));
        }
        foreach (var c in model.Classes)
        {
            if (c.MinSpeedMps < c.MaxSpeedMps && s.Demand.Any(d => d.VehicleClass == c.Id))
                list.Add(new("desired speed drawn from a range", $"vehicle class {c.Id}",
                    $"approximated: a vTypeDistribution of {SumoDemand.SpeedBins} equally likely speeds at the centres of equal bins between {c.MinSpeedMps * 3.6:0.#} and {c.MaxSpeedMps * 3.6:0.#} km/h"));
        }
        foreach (var l in s.Lines)
        {
            if (l.DepartureJitterS > 0)
                list.Add(new("departure jitter", $"line {l.Id} (±{l.DepartureJitterS:0.#} s)", "not exported: vehicles depart on their scheduled times"));
            foreach (var stop in l.Stops.Where(st => st.PassengersPerHour > 0))
                list.Add(new("passenger-dependent dwell", $"line {l.Id}, stop {stop.Id}",
                    "approximated: a fixed stop duration, the fixed dwell plus boarding for the passengers expected in one mean headway; SignalSim draws the passengers (Poisson) since the previous vehicle, so late vehicles dwell longer"));
            if (l.ScheduledRunTimeS is not null || l.Stops.Count > 0)
                list.Add(new("lateness against the schedule", $"line {l.Id}", "not exported (SUMO has no lateness-dependent behaviour without priority)"));
        }
        list.Add(new("lane changes", "every link", "model difference: both change lanes to reach the lanes of their next movement and to gain speed; SignalSim with mandatory changes, courtesy from the target lane and MOBIL, SUMO with its own model (LC2013)"));
        foreach (var x in s.Intersections)
        {
            foreach (var m in x.Movements.Where(m => m.Yields.Count > 0))
                list.Add(new("permissive conflicts", $"intersection {x.Id}, movement {m.From} → {m.To}",
                    "approximated: a turn that gives way to an opposing movement has SUMO's minor green ('g') and yields by SUMO's junction model and gap rules, not by SignalSim's critical gap and follow-up time; giving way to pedestrians is not exported (no crossing is)"));
        }
        list.Add(new("merging and keep-clear at the stop line", "every intersection", "model difference: SignalSim holds a vehicle at its stop line when its exit lane is full and merges vehicles from several lanes in turn; SUMO applies its own junction model (no internal links, so no blocking inside the junction)"));
        list.Add(new("measured period", $"warm-up {s.Simulation.WarmupS:0} s", "SUMO records every trip; keep those departing after the warm-up to compare with SignalSim, whose outputs start there"));
        return list;
    }
}
