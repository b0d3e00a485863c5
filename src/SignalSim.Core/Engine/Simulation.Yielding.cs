// Permissive conflicts: a movement that gives way to pedestrians on a crossing or to an opposing
// movement served by the same green. Its front driver goes only when
// - the next opposing vehicle reaches its stop line (the conflict point: the intersection box has
//   no length) at least the critical gap t_c after the driver reaches its own, and at least the
//   follow-up time t_f has passed since the previous driver of its lane left, which reproduces
//   the gap-acceptance capacity q·e^(−q·t_c) / (1 − e^(−q·t_f)) of Harders and Siegloch;
// - no pedestrian is inside the crossing's conflict zone during the driver's pedestrian gap, each
//   pedestrian walking at their own speed.
// A driver who accepted and can no longer stop comfortably goes on (as at amber). The driver
// behind a front that goes judges its own gap already, as drivers following a turning car watch
// the crossing too: otherwise, becoming the front a few metres from the line, it would find a
// pedestrian or an opposing car too late to stop comfortably.
// Decisions are taken at the start of a step, but what they wait for (the opposing vehicle passing,
// the follow-up time running out) happens anywhere within the previous step: judged at the step,
// each decision would come half a step late on average, which costs capacity in proportion to the
// step (about 10 % at 0.5 s and 900 veh/h opposing, as the closed form's derivatives in t_c and t_f
// predict). So each of the two conditions may fall short by half a step: the driver goes at the
// step nearest to the moment the condition is met rather than the next one, which is unbiased.
using SignalSim.Core.Signals;

namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    /// <summary>Per opposing movement: when its next vehicle reaches the stop line (long.MaxValue: none coming).</summary>
    private long[] _opposingEtaTicks = [];

    private void InitialiseYielding()
    {
        _opposingEtaTicks = new long[_m.OpposingFromLink.Length];
    }

    /// <summary>Estimates, for every opposing movement someone gives way to, when its next vehicle arrives.</summary>
    private void WatchConflicts()
    {
        for (var o = 0; o < _opposingEtaTicks.Length; o++)
        {
            var from = _m.OpposingFromLink[o];
            var to = _m.OpposingToLink[o];
            var length = _m.LinkLengthM[from];
            var eta = long.MaxValue;
            var first = _m.LinkFirstLane[from];
            for (var lane = first; lane < first + _m.LinkLaneCount[from]; lane++)
            {
                var n = _laneCount[lane];
                for (var k = 0; k < n; k++)
                {
                    var slot = SlotAt(lane, k);
                    var step = _step[slot];
                    var group = _m.StepGroup[step];
                    if (group < 0) break;
                    var state = _groupState[group];
                    // Nobody behind a red (or an amber one can stop for) reaches the line soon.
                    if (state == SignalState.Red && !_committed[slot]) break;
                    if (k == 0 && _laneFrontHeld[lane] && _speedMps[slot] < StoppedSpeedMps) break;
                    if (_m.StepLink[step + 1] != to) continue; // turns elsewhere: the next one may be opposing
                    var t = NowTicks + SimTime.FromSeconds(TimeToCoverS(slot, length - _posM[slot], FreeSpeedMps(slot, from)));
                    if (t < eta) eta = t;
                    break;
                }
            }
            _opposingEtaTicks[o] = eta;
        }
    }

    /// <summary>Time to cover a distance from the current speed, accelerating at the class's a up to the free speed.</summary>
    private double TimeToCoverS(int slot, double distanceM, double freeSpeedMps)
    {
        if (distanceM <= 0) return 0;
        var v = _speedMps[slot];
        if (v >= freeSpeedMps) return distanceM / v;
        var a = _m.Classes[_class[slot]].AccelerationMps2;
        var rampS = (freeSpeedMps - v) / a;
        var rampM = (v + freeSpeedMps) * 0.5 * rampS;
        if (distanceM <= rampM) return (-v + Math.Sqrt(v * v + 2 * a * distanceM)) / a;
        return rampS + (distanceM - rampM) / freeSpeedMps;
    }

    /// <summary>When the driver would reach its stop line going on at up to the movement's turn speed.</summary>
    private long AtLineTicks(int slot, int step, double toStopLine) =>
        NowTicks + SimTime.FromSeconds(TimeToCoverS(slot, toStopLine, Math.Min(FreeSpeedMps(slot, _m.StepLink[step]), _m.StepTurnSpeedMps[step])));

    /// <summary>
    /// Whether the driver may go: every permissive conflict of its movement leaves it the gap it
    /// needs when it reaches the line. <paramref name="previousDepartureTicks"/> is when the driver
    /// ahead of it in the lane left (or, for the driver behind the front, will leave) the line.
    /// </summary>
    private bool GapAccepted(int slot, int lane, int step, in Model.VehicleClassParameters p, double speed, double toStopLine, long previousDepartureTicks)
    {
        if (_yield[slot] == YieldDecision.Committed) return true;
        var atLine = AtLineTicks(slot, step, toStopLine);
        var cannotStopComfortably = speed * speed / (2 * Math.Max(toStopLine, 0.01)) > p.ComfortableDecelerationMps2;
        if (!GapFree(step, lane, in p, atLine, previousDepartureTicks))
        {
            // A driver already going who can no longer stop comfortably goes on, as at amber: the
            // pedestrian just arrived at the kerb, or the opposing driver, sees it and waits.
            if (_yield[slot] != YieldDecision.Going || !cannotStopComfortably) { _yield[slot] = YieldDecision.Waiting; return false; }
        }
        // Accepted: once it could no longer stop comfortably it goes, whatever appears later.
        _yield[slot] = cannotStopComfortably ? YieldDecision.Committed : YieldDecision.Going;
        return true;
    }

    /// <summary>Whether every permissive conflict of the movement leaves the gap a driver reaching the line at <paramref name="atLine"/> needs.</summary>
    private bool GapFree(int step, int lane, in Model.VehicleClassParameters p, long atLine, long previousDepartureTicks)
    {
        var halfStep = _m.StepTicks / 2;
        var first = _m.StepYieldFirst[step];
        for (var i = first; i < first + _m.StepYieldCount[step]; i++)
        {
            var y = _m.Yields[i];
            if (y.Opposing >= 0)
            {
                var eta = _opposingEtaTicks[y.Opposing];
                if (eta != long.MaxValue && eta - atLine + halfStep < p.CriticalGapTicks) return false;
                if (atLine - previousDepartureTicks + halfStep < p.FollowUpTicks) return false;
            }
            else if (PedestrianInZone(y.Crossing, y.ZoneStartM, y.ZoneEndM, atLine, atLine + p.PedestrianGapTicks))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>A driver's decision on the gap of a movement that gives way, on its present link.</summary>
internal enum YieldDecision : byte
{
    /// <summary>Not accepted (or not judged yet): it will stop at the line if the gap is not there.</summary>
    Waiting,

    /// <summary>Accepted at the last check, still able to stop comfortably: judged again at each step.</summary>
    Going,

    /// <summary>Accepted and too close to stop comfortably: it goes, whatever appears later.</summary>
    Committed,
}
