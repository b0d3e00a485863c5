// Arrival estimates for priority: when a bus or tram will reach the stop line of its link, from
// its state this step. The check-in sends the first estimate; every step after it the estimate
// of each vehicle with a request is sent again, so the controller extends or advances greens for
// where the vehicle really is, not for where it would be at free flow.
//
// Estimate (seconds from now to the stop line), for a vehicle at speed v, with free speed vf
// (its desired speed under the link's limit), acceleration a and comfortable deceleration b of
// its class, driving the fastest profile those allow:
//   remaining dwell, when it dwells at a stop (it then leaves from rest at the stop)
// + to each stop of its line still ahead on the link: accelerate from its speed towards vf,
//   cruise, brake at b to rest at the stop (2d/v when it is already braking for it), then the
//   expected dwell there: fixed dwell + boarding time × passengers per hour × (time since the
//   line's previous vehicle left that stop, counted at the vehicle's arrival there) / 3600
// + from the last of those (or from where it is) to the line: accelerate at a up to vf, then vf.
// Queues are seen through the vehicle's own speed: a bus standing in a queue is estimated as
// starting from rest now, so its estimate moves later by one second every second it stands.
namespace SignalSim.Core.Engine;

public sealed partial class Simulation
{
    /// <summary>Estimated arrival, in ticks, of the vehicle at the stop line of its current link.</summary>
    private long ArrivalEstimateTicks(int slot, int link)
    {
        var v = _speedMps[slot];
        var s = 0.0;
        var stop = _nextStop[slot];
        if (_dwellUntilTicks[slot] >= 0)
        {
            s = SimTime.ToSeconds(_dwellUntilTicks[slot] - NowTicks);
            v = 0;
            stop = stop >= 0 ? NextStopOfLine(stop) : -1;
        }
        s += TimeToLineS(slot, link, _step[slot], stop, _posM[slot], v, SimTime.ToSeconds(NowTicks) + s);
        return NowTicks + SimTime.FromSeconds(s);
    }

    /// <summary>
    /// Seconds from position <paramref name="fromM"/> at speed <paramref name="v"/> on route step
    /// <paramref name="step"/> (link <paramref name="link"/>) to its stop line, dwelling at the
    /// line's stops from <paramref name="stop"/> on that lie on that step; the vehicle leaves at
    /// <paramref name="startS"/> (simulation seconds).
    /// </summary>
    private double TimeToLineS(int slot, int link, int step, int stop, double fromM, double v, double startS)
    {
        ref readonly var cls = ref _m.Classes[_class[slot]];
        var a = cls.AccelerationMps2;
        var b = cls.ComfortableDecelerationMps2;
        var vf = FreeSpeedMps(slot, link);
        var total = 0.0;
        if (stop >= 0)
        {
            var stops = _m.Stops;
            var line = _m.Lines[stops.Line[stop]];
            var end = line.FirstStop + line.StopCount;
            for (var k = stop; k < end && stops.Step[k] == step; k++)
            {
                total += ToStopS(stops.PositionM[k] - fromM, v, vf, a, b);
                var gatheredS = startS + total - SimTime.ToSeconds(_stopLastDepartureTicks[k]);
                var passengers = gatheredS > 0 ? stops.PassengersPerHour[k] * gatheredS / 3600 : 0;
                total += stops.DwellFixedS[k] + stops.BoardingSPerPassenger[k] * passengers;
                fromM = stops.PositionM[k];
                v = 0;
            }
        }
        return total + RunTimeS(_m.LinkLengthM[link] - fromM, v, vf, a);
    }

    /// <summary>
    /// Sends a fresh estimate to the controller of the vehicle's link when that controller holds
    /// requests, and has the vehicle send an update message when its estimate moved materially.
    /// </summary>
    private void RefreshArrivalEstimate(int slot)
    {
        var link = _m.StepLink[_step[slot]];
        var intersection = _m.LinkToIntersection[link];
        if (intersection < 0) return;
        var controller = _controllers[intersection];
        var updates = SendsUpdates(slot, intersection);
        if (controller.PendingRequests == 0 && !updates) return;
        var eta = ArrivalEstimateTicks(slot, link);
        if (controller.PendingRequests > 0) controller.UpdateEstimate(_vehicleId[slot], eta);
        if (updates) SendUpdateIfMoved(slot, intersection, link, eta);
    }

    /// <summary>Time to come to rest at a stop a distance ahead, from speed v: accelerate at a towards vf, cruise, brake at b.</summary>
    private static double ToStopS(double distanceM, double v, double vf, double a, double b)
    {
        if (distanceM <= 0) return 0;
        if (v > 0 && v * v / (2 * b) >= distanceM) return 2 * distanceM / v; // already braking for it
        if (v > vf) v = vf;
        // Peak speed of accelerate-then-brake over the distance; cruise at vf when it is above vf.
        var peak = Math.Sqrt((distanceM + v * v / (2 * a)) / (1 / (2 * a) + 1 / (2 * b)));
        if (peak <= vf) return (peak - v) / a + peak / b;
        var cruiseM = distanceM - (vf * vf - v * v) / (2 * a) - vf * vf / (2 * b);
        return (vf - v) / a + vf / b + cruiseM / vf;
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
