// A small, fast, allocation-free random stream (xoshiro256**), one per random source, so each
// demand's arrivals depend only on the run seed and the demand's id. Written here rather than
// taken from a library so the streams stay identical across library versions (reproducibility).
namespace SignalSim.Core.Random;

public struct Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>Seed for a named stream: FNV-1a of the name mixed with the run seed.</summary>
    public static ulong DeriveSeed(ulong runSeed, string streamName)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in streamName)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        var x = runSeed ^ hash;
        return SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Exponential with the given mean; never returns 0 or infinity.</summary>
    public double NextExponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>A standard normal draw (Box–Muller; one of the pair is discarded to keep the stream stateless).</summary>
    public double NextStandardNormal()
    {
        var u1 = 1.0 - NextDouble(); // (0, 1]: the logarithm stays finite
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
