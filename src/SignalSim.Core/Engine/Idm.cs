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
        var ratio = speedMps / desiredSpeedMps;
        var ratio2 = ratio * ratio;
        // Math.Max rather than conditionals: the JIT emits branch-free max instructions, and the
        // sign of these terms flips often enough to defeat branch prediction.
        var interaction = speedMps * p.TimeHeadwayS + speedMps * (speedMps - leaderSpeedMps) / p.TwoSqrtAb;
        var desiredGap = p.MinGapM + Math.Max(interaction, 0.0);
        var q = desiredGap / Math.Max(gapM, MinGapForDivisionM);
        return Math.Max(p.AccelerationMps2 * (1 - ratio2 * ratio2 - q * q), -MaxDecelerationMps2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FreeRoadAcceleration(in VehicleClassParameters p, double speedMps, double desiredSpeedMps)
    {
        var ratio = speedMps / desiredSpeedMps;
        var ratio2 = ratio * ratio;
        return Math.Max(p.AccelerationMps2 * (1 - ratio2 * ratio2), -MaxDecelerationMps2);
    }
}
