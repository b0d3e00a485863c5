// Arrival estimates for priority: when a bus or tram will reach the stop line of its link, from
// its state this step. The check-in sends the first estimate; every step after it the estimate
// of each vehicle with a request is sent again, so the controller extends or advances greens for
// where the vehicle really is, not for where it would be at free flow.
//
// Estimate (seconds from now to the stop line), for a vehicle at distance d from the line at
// speed v, with free speed vf (its desired speed under the link's limit), acceleration a and
// comfortable deceleration b of its class:
//   remaining dwell, when it dwells at a stop (it then starts from rest, v = 0)
// + for each stop of its line still ahead on the link: expected dwell + stop-and-go loss, where
//   expected dwell = fixed dwell + boarding time × passengers per hour × (time since the line's
//   previous vehicle left that stop, counted at the vehicle's arrival there) / 3600, and
//   stop-and-go loss = vf/(2b) + vf/(2a) (braking from and accelerating back to vf)
// + running time over d: accelerating at a from v up to vf, then at vf.
// Queues are seen through the vehicle's own speed: a bus standing in a queue is estimated as
// starting from rest now, so its estimate moves later by one second every second it stands.
namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    /// <summary>Estimated arrival, in ticks, of the vehicle at the stop line of its current link.</summary>
    private long ArrivalEstimateTicks(int slot, int link)
    {
        ref readonly var cls = ref _m.Classes[_class[slot]];
        var a = cls.AccelerationMps2;
        var vf = FreeSpeedMps(slot, link);
        var x = _posM[slot];
        var v = _speedMps[slot];
        var s = 0.0;
        var stop = _nextStop[slot];
        if (_dwellUntilTicks[slot] >= 0)
        {
            s = SimTime.ToSeconds(_dwellUntilTicks[slot] - NowTicks);
            v = 0;
            stop = stop >= 0 ? NextStopOfLine(stop) : -1;
        }
        s += StopsAheadS(_step[slot], stop, x, vf, a, cls.ComfortableDecelerationMps2, SimTime.ToSeconds(NowTicks) + s);
        s += RunTimeS(_m.LinkLengthM[link] - x, v, vf, a);
        return NowTicks + SimTime.FromSeconds(s);
    }

    /// <summary>Sends a fresh estimate to the controller of the vehicle's link when that controller holds requests.</summary>
    private void RefreshArrivalEstimate(int slot)
    {
        var link = _m.StepLink[_step[slot]];
        var intersection = _m.LinkToIntersection[link];
        if (intersection < 0) return;
        var controller = _controllers[intersection];
        if (controller.PendingRequests == 0) return;
        controller.UpdateEstimate(_vehicleId[slot], ArrivalEstimateTicks(slot, link));
    }

    /// <summary>
    /// Expected dwell plus stop-and-go loss at the stops of the line from <paramref name="stop"/>
    /// on that lie on route step <paramref name="step"/>, for a vehicle at <paramref name="fromM"/>
    /// that can leave from there at <paramref name="startS"/> (simulation seconds).
    /// </summary>
    private double StopsAheadS(int step, int stop, double fromM, double vf, double a, double b, double startS)
    {
        if (stop < 0) return 0;
        var stops = _m.Stops;
        var lossS = vf / (2 * b) + vf / (2 * a);
        var line = _m.Lines[stops.Line[stop]];
        var end = line.FirstStop + line.StopCount;
        var total = 0.0;
        for (var k = stop; k < end && stops.Step[k] == step; k++)
        {
            var arriveS = startS + total + (stops.PositionM[k] - fromM) / vf;
            var gatheredS = arriveS - SimTime.ToSeconds(_stopLastDepartureTicks[k]);
            var passengers = gatheredS > 0 ? stops.PassengersPerHour[k] * gatheredS / 3600 : 0;
            total += stops.DwellFixedS[k] + stops.BoardingSPerPassenger[k] * passengers + lossS;
        }
        return total;
    }

    private int NextStopOfLine(int stop)
    {
        var line = _m.Lines[_m.Stops.Line[stop]];
        return stop + 1 < line.FirstStop + line.StopCount ? stop + 1 : -1;
    }

    /// <summary>Time to cover a distance starting at speed v, accelerating at a up to vf, then at vf.</summary>
    private static double RunTimeS(double distanceM, double v, double vf, double a)
    {
        if (distanceM <= 0) return 0;
        if (v >= vf) return distanceM / v;
        var accelerationM = (vf * vf - v * v) / (2 * a);
        if (accelerationM >= distanceM) return (Math.Sqrt(v * v + 2 * a * distanceM) - v) / a;
        return (vf - v) / a + (distanceM - accelerationM) / vf;
    }
}
