// The Intelligent Driver Model (Treiber, Hennecke, Helbing 2000):
// a = a_max [1 − (v/v0)^4 − (s*/s)²], s* = s0 + max(0, vT + vΔv / (2√(ab))).
using System.Runtime.CompilerServices;
using SignalSim.Core.Model;

namespace SignalSim.Core.Engine;

public static class Idm
{
    /// <summary>Strongest deceleration the model may command (emergency braking on dry asphalt).</summary>
    public const double MaxDecelerationMps2 = 9.0;

    /// <summary>Gaps are floored here so that s*/s stays finite when vehicles touch.</summary>
    private const double MinGapForDivisionM = 0.01;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Acceleration(in VehicleClassParameters p, double speedMps, double desiredSpeedMps, double gapM, double leaderSpeedMps)
    {
        // Math.Max rather than conditionals: the JIT emits branch-free max instructions, and the
        // sign of these terms flips often enough to defeat branch prediction.
        var interaction = speedMps * p.TimeHeadwayS + speedMps * (speedMps - leaderSpeedMps) / p.TwoSqrtAb;
        var desiredGap = p.MinGapM + Math.Max(interaction, 0.0);
        var q = desiredGap / Math.Max(gapM, MinGapForDivisionM);
        return Math.Max(FreeTerm(in p, speedMps, desiredSpeedMps) - p.AccelerationMps2 * q * q, -MaxDecelerationMps2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FreeRoadAcceleration(in VehicleClassParameters p, double speedMps, double desiredSpeedMps) =>
        Math.Max(FreeTerm(in p, speedMps, desiredSpeedMps), -MaxDecelerationMps2);

    /// <summary>
    /// The free-road term: a[1 − (v/v0)^4] up to the desired speed; above it (a lower limit
    /// reached, a faster entry) the IIDM's −b[1 − (v0/v)^(aδ/b)] (Treiber and Kesting 2013), which
    /// slows the vehicle at most at the comfortable deceleration instead of the IDM's
    /// −a[(v/v0)^4 − 1], which asks −10 m/s² at 1.7 times the desired speed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double FreeTerm(in VehicleClassParameters p, double speedMps, double desiredSpeedMps)
    {
        var ratio = speedMps / desiredSpeedMps;
        if (ratio <= 1)
        {
            var ratio2 = ratio * ratio;
            return p.AccelerationMps2 * (1 - ratio2 * ratio2);
        }
        return -p.ComfortableDecelerationMps2 * (1 - Math.Pow(1 / ratio, 4 * p.AccelerationMps2 / p.ComfortableDecelerationMps2));
    }
}
