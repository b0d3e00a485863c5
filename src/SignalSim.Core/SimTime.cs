// Simulation time is kept in integer milliseconds ("ticks") so that cycles, offsets and clocks
// never drift by rounding; seconds appear only at the edges (files, outputs).
namespace SignalSim.Core;

public static class SimTime
{
    public const long TicksPerSecond = 1000;
    public const long TicksPerHour = 3600 * TicksPerSecond;
    public const long TicksPerDay = 24 * TicksPerHour;

    /// <summary>
    /// Checked: a value too large for ticks (or NaN) throws instead of wrapping or saturating.
    /// Scenario numbers never get there, as ScenarioRanges bounds every one of them first.
    /// </summary>
    public static long FromSeconds(double seconds) => checked((long)Math.Round(seconds * TicksPerSecond));

    public static double ToSeconds(long ticks) => ticks / (double)TicksPerSecond;

    /// <summary>True when the value in seconds is a whole number of milliseconds.</summary>
    public static bool IsWholeTicks(double seconds) => Math.Abs(seconds * TicksPerSecond - Math.Round(seconds * TicksPerSecond)) < 1e-6;

    /// <summary>Non-negative remainder, for cycle arithmetic on possibly negative times.</summary>
    public static long Mod(long value, long modulus)
    {
        // The controllers call this many times per update, mostly on a difference of two cycle
        // times, already within one cycle of the range: no division for those.
        if (modulus > 0)
        {
            if ((ulong)value < (ulong)modulus) return value;
            if (value < 0 && value >= -modulus) return value + modulus;
        }
        var r = value % modulus;
        return r < 0 ? r + modulus : r;
    }
}
