// Tests that assert a wall-clock bound (exit within a second of a signal, a 50 MB file in under
// 10 s) run alone, after the parallel tests, so that the simulations of other tests competing for
// the machine's cores cannot make them fail.
namespace SignalSim.Tests.Robustness;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedCollection
{
    public const string Name = "timed, run alone";
}
