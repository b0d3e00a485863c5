// A plain Stopwatch harness for profiling the step outside BenchmarkDotNet:
//   dotnet run -c Release --project bench/SignalSim.Bench -- profile [scenario ...] [--seconds S]
// It reports vehicle updates per second, the exact bytes allocated per step, and the time spent
// in each stage of Step(). The stages are private to the engine, so they are reached by
// reflection; when the engine's stage list changes, the breakdown is skipped, not guessed.
// A long --seconds run is also a convenient target for a sampling profiler.
using System.Diagnostics;
using System.Reflection;
using SignalSim.Core.Engine;

namespace SignalSim.Bench;

public static class StepProfile
{
    // Step()'s stages in order; the tick advance sits between MoveVehicles and ServeStopsAndDetectors.
    private static readonly string[] Stages =
        ["DeliverForwardedRequests", "UpdateSignals", "CheckSafety", "GenerateArrivals", "InsertWaitingVehicles", "ServePedestrians",
         "WatchConflicts", "ComputeAccelerations", "MoveVehicles", "(advance clock)", "ServeStopsAndDetectors", "CrossStopLines",
         "ChangeLanes", "UpdateDetectors", "RecordQueues", "RecordTrajectories", "AccumulateSystemTime"];

    public static int Run(string[] args)
    {
        var seconds = 5.0;
        var names = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Length) seconds = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            else names.Add(args[i]);
        }
        if (names.Count == 0) names = [BenchScenarios.SyntheticCorridorName, BenchScenarios.DefaultScenarioName];
        foreach (var name in names)
        {
            // Budget for a fast engine (50 M updates/s), so the configured end is never reached.
            var sim = SteadyState.Create(BenchScenarios.Load(name), (long)(seconds * 2 * 50e6));
            Console.WriteLine($"{name}: {sim.VehiclesInNetwork} vehicles in the network after {SteadyState.WarmupS:0} s warm-up");
            MeasureWholeSteps(sim, seconds);
            MeasureStages(sim, seconds);
        }
        return 0;
    }

    private static void MeasureWholeSteps(Simulation sim, double seconds)
    {
        // Let tiered compilation reach its optimised code before anything is timed.
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(1)) sim.Step();
        var limit = TimeSpan.FromSeconds(seconds);
        var steps = 0L;
        var vehicleSum = 0L;
        var updatesBefore = sim.VehicleUpdates;
        var gcBefore = GC.CollectionCount(0);
        // Allocation counter of this thread: exact, unlike per-operation figures rounded to whole bytes.
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        sw.Restart();
        while (sw.Elapsed < limit)
        {
            for (var i = 0; i < 100; i++)
            {
                sim.Step();
                vehicleSum += sim.VehiclesInNetwork;
            }
            steps += 100;
        }
        sw.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        var updates = sim.VehicleUpdates - updatesBefore;
        var nsPerUpdate = sw.Elapsed.TotalNanoseconds / updates;
        Console.WriteLine($"  {steps:N0} steps, {updates:N0} vehicle updates in {sw.Elapsed.TotalSeconds:0.00} s; mean {vehicleSum / (double)steps:0} vehicles");
        Console.WriteLine($"  {nsPerUpdate:0.0} ns per vehicle update = {1e3 / nsPerUpdate:0.00} M updates/s; {sw.Elapsed.TotalMicroseconds / steps:0.0} µs per step");
        // How the vehicles are spread over the lanes (a lane's front vehicle has the dearest
        // step), over 2,000 further steps, untimed.
        long fronts = 0, inLanes = 0;
        for (var step = 0; step < 2000; step++)
        {
            sim.Step();
            for (var l = 0; l < sim.Model.LaneCount; l++)
            {
                var n = sim.LaneSnapshot(l).Length;
                inLanes += n;
                if (n > 0) fronts++;
            }
        }
        Console.WriteLine($"  then, over 2,000 steps: {inLanes / 2000.0:0} vehicles in {sim.Model.LaneCount} lanes on average, {100.0 * fronts / Math.Max(1, inLanes):0} % of them a lane's front vehicle");
        Console.WriteLine($"  allocated {bytes:N0} B in all = {bytes / (double)steps:0.###} B per step; gen-0 collections {GC.CollectionCount(0) - gcBefore}");
    }

    private static void MeasureStages(Simulation sim, double seconds)
    {
        var stages = BindStages(sim);
        if (stages is null)
        {
            Console.WriteLine("  stage breakdown skipped: Step()'s private stages no longer match this harness");
            return;
        }
        var ticks = new long[stages.Length];
        var limit = TimeSpan.FromSeconds(seconds);
        var steps = 0L;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < limit)
        {
            for (var i = 0; i < 100; i++)
            {
                var t = Stopwatch.GetTimestamp();
                for (var s = 0; s < stages.Length; s++)
                {
                    stages[s]();
                    var now = Stopwatch.GetTimestamp();
                    ticks[s] += now - t;
                    t = now;
                }
            }
            steps += 100;
        }
        var total = ticks.Sum();
        for (var s = 0; s < stages.Length; s++)
        {
            var us = ticks[s] * 1e6 / Stopwatch.Frequency / steps;
            Console.WriteLine($"    {Stages[s],-22} {us,8:0.00} µs per step  {100.0 * ticks[s] / total,5:0.0} %");
        }
    }

    /// <summary>Delegates to Step()'s stages in order, or null when the engine no longer has them.</summary>
    private static Action[]? BindStages(Simulation sim)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var type = typeof(Simulation);
        var expected = Stages.Where(s => !s.StartsWith('(')).ToArray();
        if (!CalledStages(type.GetMethod(nameof(Simulation.Step), Type.EmptyTypes)).SequenceEqual(expected)) return null;
        var nowSetter = type.GetProperty(nameof(Simulation.NowTicks), flags)?.GetSetMethod(nonPublic: true);
        if (nowSetter is null) return null;
        var stepTicks = sim.Model.StepTicks;
        var setNow = nowSetter.CreateDelegate<Action<long>>(sim);
        var result = new Action[Stages.Length];
        for (var s = 0; s < Stages.Length; s++)
        {
            if (Stages[s] == "(advance clock)")
            {
                result[s] = () => setNow(sim.NowTicks + stepTicks);
                continue;
            }
            var method = type.GetMethod(Stages[s], flags, Type.EmptyTypes);
            if (method is null || method.ReturnType != typeof(void)) return null;
            result[s] = method.CreateDelegate<Action>(sim);
        }
        return result;
    }

    /// <summary>Names of Simulation's own non-accessor methods that a method's IL calls, in order.</summary>
    private static IEnumerable<string> CalledStages(MethodInfo? step)
    {
        var il = step?.GetMethodBody()?.GetILAsByteArray();
        if (step is null || il is null) yield break;
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] != 0x28 && il[i] != 0x6F) continue; // call, callvirt
            MethodBase? callee;
            try
            {
                callee = step.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1));
            }
            catch (ArgumentException)
            {
                continue; // a byte that only looked like a call opcode
            }
            if (callee is null || callee.DeclaringType != typeof(Simulation) || callee.IsSpecialName) continue;
            yield return callee.Name;
            i += 4;
        }
    }
}
