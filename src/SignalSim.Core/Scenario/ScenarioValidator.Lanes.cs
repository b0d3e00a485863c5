// Checks of what drivers do between and at stop lines: lane continuity across the stop line
// (exit_lanes), permissive conflicts (yields) and the behaviour parameters of vehicle classes.
namespace SignalSim.Core.Scenario;

public sealed partial class ScenarioValidator
{
    private void CheckMovementLanesAndYields(IntersectionSpec x, MovementSpec m, string mp, LinkSpec from, LinkSpec to, Dictionary<(string, string), double> intergreen)
    {
        if (m.ExitLanes is { } exits)
        {
            var count = ScenarioRules.MovementLanes(from, m).Count();
            if (exits.Count != count)
                Error($"{mp}.exit_lanes", $"exit_lanes lists {exits.Count} lanes but the movement uses {count} approach lanes; give one exit lane per approach lane, in the order of 'lanes'");
            for (var k = 0; k < exits.Count; k++)
            {
                if (exits[k] < 0 || exits[k] >= to.Lanes)
                    Error($"{mp}.exit_lanes[{k}]", $"exit lane {exits[k]} does not exist on link '{to.Id}' (lanes 0 to {to.Lanes - 1}, 0 = rightmost)");
            }
        }
        if (m.TurnSpeedKmh is { } turn && (!(turn >= 5) || turn > 70))
            Error($"{mp}.turn_speed_kmh", $"turn_speed_kmh {turn} is outside 5–70 km/h; drivers take a turn at about 15–30 km/h");
        for (var k = 0; k < m.Yields.Count; k++)
        {
            var y = m.Yields[k];
            var yp = $"{mp}.yields[{k}]";
            if ((y.Crossing is null) == (y.From is null || y.To is null))
            {
                Error(yp, "give either 'crossing' (the id of a crossing of this intersection) or both 'from' and 'to' (the links of an opposing movement), not both");
                continue;
            }
            string otherGroup;
            if (y.Crossing is { } crossingId)
            {
                var crossing = x.Crossings.FirstOrDefault(c => c.Id == crossingId);
                if (crossing is null)
                {
                    Error($"{yp}.crossing", $"unknown crossing '{crossingId}' at intersection '{x.Id}'; known crossings: {Known(x.Crossings.Select(c => c.Id))}");
                    continue;
                }
                var start = y.ZoneStartM ?? 0;
                var end = y.ZoneEndM ?? crossing.LengthM;
                if (!(start >= 0) || !(end <= crossing.LengthM) || !(start < end))
                    Error($"{yp}.zone_start_m", $"the conflict zone {start}–{end} m must lie within the crossing's 0–{crossing.LengthM} m and start before it ends");
                otherGroup = crossing.Group;
            }
            else
            {
                if (y.ZoneStartM is not null || y.ZoneEndM is not null)
                    Error($"{yp}.zone_start_m", "a conflict zone applies to a crossing only; remove zone_start_m and zone_end_m from a yield to a movement");
                var other = x.Movements.FirstOrDefault(o => o.From == y.From && o.To == y.To);
                if (other is null)
                {
                    Error($"{yp}.from", $"no movement {y.From}→{y.To} at intersection '{x.Id}'; a movement gives way to another movement of the same intersection");
                    continue;
                }
                if (other.From == m.From && other.To == m.To)
                {
                    Error($"{yp}.from", "a movement cannot give way to itself");
                    continue;
                }
                if (other.Yields.Any(o => o.From == m.From && o.To == m.To))
                    Error($"{yp}.from", $"movements {m.From}→{m.To} and {y.From}→{y.To} give way to each other; one of them must have priority");
                otherGroup = other.Group;
            }
            if (intergreen.ContainsKey((m.Group, otherGroup)))
                Error(yp, $"groups '{m.Group}' and '{otherGroup}' are in conflict (an intergreen separates them), so they are never green together; remove this yield or the intergreen");
        }
    }

    private void CheckClassBehaviour(VehicleClassSpec c, string p)
    {
        if (!(c.SpeedFactorSd >= 0) || c.SpeedFactorSd > 0.3)
            Error($"{p}.speed_factor_sd", $"speed_factor_sd {c.SpeedFactorSd} is outside 0–0.3; about 0.1 is usual for cars");
        if (!(c.MaxDecelerationMps2 >= c.ComfortableDecelerationMps2) || c.MaxDecelerationMps2 > 9)
            Error($"{p}.max_deceleration_mps2", $"max_deceleration_mps2 {c.MaxDecelerationMps2} must lie between the comfortable deceleration ({c.ComfortableDecelerationMps2}) and 9 m/s²");
        if (!(c.LaneChangePoliteness >= 0) || c.LaneChangePoliteness > 1)
            Error($"{p}.lane_change_politeness", $"lane_change_politeness {c.LaneChangePoliteness} must lie between 0 and 1 (0.2–0.5 is usual)");
        if (!(c.LaneChangeThresholdMps2 >= 0) || c.LaneChangeThresholdMps2 > 2)
            Error($"{p}.lane_change_threshold_mps2", $"lane_change_threshold_mps2 {c.LaneChangeThresholdMps2} must lie between 0 and 2 m/s² (0.1–0.2 is usual)");
        if (!(c.LaneChangeSafeDecelerationMps2 > 0) || c.LaneChangeSafeDecelerationMps2 > c.MaxDecelerationMps2)
            Error($"{p}.lane_change_safe_deceleration_mps2", $"lane_change_safe_deceleration_mps2 {c.LaneChangeSafeDecelerationMps2} must be positive and at most max_deceleration_mps2 ({c.MaxDecelerationMps2})");
        if (!(c.CriticalGapS >= 1) || c.CriticalGapS > 15)
            Error($"{p}.critical_gap_s", $"critical_gap_s {c.CriticalGapS} is outside 1–15 s; HCM-style values are 4–6 s");
        if (!(c.FollowUpTimeS >= 0.5) || c.FollowUpTimeS > c.CriticalGapS)
            Error($"{p}.follow_up_time_s", $"follow_up_time_s {c.FollowUpTimeS} must lie between 0.5 s and the critical gap ({c.CriticalGapS} s); HCM-style values are 2.2–3.3 s");
        if (!(c.PedestrianGapS >= 0.5) || c.PedestrianGapS > 15)
            Error($"{p}.pedestrian_gap_s", $"pedestrian_gap_s {c.PedestrianGapS} is outside 0.5–15 s");
        if (!SimTime.IsWholeTicks(c.CriticalGapS) || !SimTime.IsWholeTicks(c.FollowUpTimeS) || !SimTime.IsWholeTicks(c.PedestrianGapS))
            Error(p, "critical_gap_s, follow_up_time_s and pedestrian_gap_s must be whole numbers of milliseconds");
    }
}
