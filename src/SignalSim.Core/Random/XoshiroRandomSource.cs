// A System.Random over one xoshiro256** stream, so MathNet's samplers (Poisson, ...) draw from
// the same reproducible, per-source streams as the rest of the engine.
namespace SignalSim.Core.Random;

public sealed class XoshiroRandomSource(ulong seed) : System.Random
{
    private Xoshiro256 _stream = new(seed);

    protected override double Sample() => _stream.NextDouble();

    public override double NextDouble() => _stream.NextDouble();

    public override int Next() => (int)(_stream.NextUInt64() >> 33);

    public override int Next(int maxValue) => (int)(_stream.NextDouble() * maxValue);

    public override int Next(int minValue, int maxValue) => minValue + (int)(_stream.NextDouble() * ((long)maxValue - minValue));
}
