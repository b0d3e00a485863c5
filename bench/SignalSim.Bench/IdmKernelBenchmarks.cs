// Car-following kernel alone: Idm.Acceleration (and the free-road variant) over arrays of
// vehicle states, as the step calls it for every follower. Mean is ns per call.
using BenchmarkDotNet.Attributes;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Bench;

[MemoryDiagnoser]
// The kernel is a few ns: a moderate fixed number of iterations is stable enough and keeps the suite short.
[WarmupCount(5), IterationCount(20)]
public class IdmKernelBenchmarks
{
    // A few thousand vehicles: about a large network's worth, and it stays in L1/L2 as the step's lane arrays do.
    private const int Vehicles = 4096;

    private readonly VehicleClassParameters _car = new(VehicleClassDefaults.Car);
    private readonly double[] _speed = new double[Vehicles];
    private readonly double[] _desired = new double[Vehicles];
    private readonly double[] _gap = new double[Vehicles];
    private readonly double[] _leaderSpeed = new double[Vehicles];
    private readonly double[] _acc = new double[Vehicles];

    [GlobalSetup]
    public void Setup()
    {
        // Urban mix: queued, slow and free-flowing vehicles, fixed seed for repeatability.
        var random = new System.Random(42);
        for (var i = 0; i < Vehicles; i++)
        {
            _speed[i] = random.NextDouble() * 14;
            _desired[i] = 50 / 3.6;
            _gap[i] = 0.5 + random.NextDouble() * 80;
            _leaderSpeed[i] = Math.Max(0, _speed[i] + (random.NextDouble() - 0.5) * 6);
        }
    }

    [Benchmark(OperationsPerInvoke = Vehicles)]
    public void Acceleration()
    {
        ref readonly var p = ref _car;
        var speed = _speed;
        var desired = _desired;
        var gap = _gap;
        var leader = _leaderSpeed;
        var acc = _acc;
        for (var i = 0; i < acc.Length; i++) acc[i] = Idm.Acceleration(in p, speed[i], desired[i], gap[i], leader[i]);
    }

    [Benchmark(OperationsPerInvoke = Vehicles)]
    public void FreeRoadAcceleration()
    {
        ref readonly var p = ref _car;
        var speed = _speed;
        var desired = _desired;
        var acc = _acc;
        for (var i = 0; i < acc.Length; i++) acc[i] = Idm.FreeRoadAcceleration(in p, speed[i], desired[i]);
    }
}
