// The signal kernel by control type, on Porte de Choisy's four controllers: the status quo's
// fixed-time plans alone, the same with the requests below in flight, against (a) the side-streets-on-demand strategy (Parcival's RD5 crossing
// actuated and coordinated) with bus and tram priority in both centres and requests kept in
// flight, loops and push buttons switching, and (b) the tram-preemption strategy with its T3a
// preemptions at Masséna under way. Requests are fed as the engine would: one bus and one tram
// check-in per intersection every 40 s on the groups of their first movements, checked out
// 25 s later. Mean is ns per step (all controllers updated once); allocation must be 0 B.
using BenchmarkDotNet.Attributes;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;

namespace SignalSim.Bench;

[MemoryDiagnoser, Config(typeof(ScenarioNamesConfig))]
// A fixed number of invocations, so that the events the controllers record (requests, grants,
// check-outs, preemptions) stay within the recorder's lists, sized up front for a week-long run
// as in the engine: what is measured is the controllers' update, not a list growing.
[WarmupCount(5), IterationCount(20), InvocationCount(16)]
public class ControlTypeUpdateBenchmarks
{
    private const int StepsPerInvoke = 1000;
    private static readonly long RequestEveryTicks = SimTime.FromSeconds(40);
    private static readonly long PassTicks = SimTime.FromSeconds(25);

    private ISignalController[] _controllers = null!;
    private ControllerInputs _inputs = null!;
    private SignalState[] _states = null!;
    private SimulationRecorder _log = null!;
    private int[] _busGroup = null!;    // global group of a bus movement per controller, -1 when none
    private int[] _tramGroup = null!;
    private long _stepTicks;
    private long _nowTicks;

    [Params("fixed-time", "fixed-time-with-priority", "actuated-with-priority", "preemption")]
    public string Control { get; set; } = "fixed-time";

    [GlobalSetup]
    public void Setup()
    {
        // Tiered compilation promotes the controllers' methods to optimised code in the background
        // some time after their first calls; the few invocations of the warm-up iterations are not
        // enough on a busy machine, and the figures then mix unoptimised code in. So the whole
        // workload runs first for a second of wall time in which the process also got a second of
        // processor time (the compiler's thread needs its share too; at most 30 s), on controllers
        // rebuilt every 200 invocations (the recorder's lists never grow); the measured ones then
        // start afresh.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        bool WarmingUp()
        {
            process.Refresh();
            return clock.Elapsed < TimeSpan.FromSeconds(30)
                && (clock.Elapsed < TimeSpan.FromSeconds(1) || process.TotalProcessorTime - cpuBefore < TimeSpan.FromSeconds(1));
        }
        while (WarmingUp())
        {
            Build();
            for (var i = 0; i < 200; i++) UpdateAllControllers();
        }
        Build();
    }

    private void Build()
    {
        var s = BenchScenarios.Load(BenchScenarios.DefaultScenarioName);
        s = s with { Simulation = s.Simulation with { DurationS = 7 * 86400 - s.Simulation.WarmupS } };
        if (Control != "fixed-time")
        {
            if (Control != "fixed-time-with-priority") s = StrategyOverlay.Apply(s, Control == "preemption" ? "tram-preemption" : "side-streets-on-demand");
            s = s with
            {
                Centres = s.Centres.Select(c => c with { Priority = new PrioritySpec { Bus = new BusPrioritySpec(), Tram = new TramPrioritySpec() } }).ToList(),
                Intersections = s.Intersections.Select(x => x with { Priority = null }).ToList(),
            };
        }
        var model = SimulationModelBuilder.Build(s);
        _controllers = model.Controllers.Select(ControlTypes.Create).ToArray();
        _inputs = new ControllerInputs(model.Scenario.Intersections.Sum(x => x.Detectors.Count), model.Crossings.Length);
        _log = new SimulationRecorder(model);
        _states = new SignalState[model.GroupCount];
        _stepTicks = model.StepTicks;
        _nowTicks = 0;
        _busGroup = new int[_controllers.Length];
        _tramGroup = new int[_controllers.Length];
        for (var i = 0; i < _controllers.Length; i++)
        {
            var d = model.Controllers[i];
            _busGroup[i] = GroupOf(d, model, SignalGroupKind.Vehicle);
            _tramGroup[i] = GroupOf(d, model, SignalGroupKind.Tram);
        }
        foreach (var c in _controllers) c.Reset(0);
    }

    private static int GroupOf(ControllerDefinition d, SimulationModel m, SignalGroupKind kind)
    {
        for (var g = 0; g < d.GroupCount; g++)
        {
            if (m.GroupKinds[d.FirstGroup + g] == kind) return d.FirstGroup + g;
        }
        return -1;
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public SignalState UpdateAllControllers()
    {
        var controllers = _controllers;
        var states = _states;
        var now = _nowTicks;
        var feed = Control != "fixed-time";
        for (var s = 0; s < StepsPerInvoke; s++)
        {
            if (feed) Feed(now);
            for (var i = 0; i < controllers.Length; i++) controllers[i].Update(now, states, _inputs, _log);
            now += _stepTicks;
        }
        _nowTicks = now;
        return states[0];
    }

    /// <summary>Loops and buttons switch every few seconds; check-ins every 40 s, check-outs 25 s later.</summary>
    private void Feed(long now)
    {
        var detectors = _inputs.DetectorOccupied;
        for (var k = 0; k < detectors.Length; k++) detectors[k] = (now / 2000 + k) % 5 == 0;
        var buttons = _inputs.PedestrianWaiting;
        for (var k = 0; k < buttons.Length; k++) buttons[k] = (now / 10000 + k) % 7 == 0;
        var phase = now % RequestEveryTicks;
        if (phase != 0 && phase != PassTicks) return;
        for (var i = 0; i < _controllers.Length; i++)
        {
            var c = _controllers[i];
            var bus = 2 * (int)(now / RequestEveryTicks) * _controllers.Length + 2 * i + 1; // vehicle ids by slot, reproducible
            if (phase == 0)
            {
                if (_busGroup[i] >= 0) c.Request(now, bus, -1, _busGroup[i], TravelMode.Bus, now + PassTicks, 30, false, _log);
                if (_tramGroup[i] >= 0) c.Request(now, bus + 1, -1, _tramGroup[i], TravelMode.Tram, now + PassTicks, 0, false, _log);
            }
            else
            {
                c.CheckOut(now, bus, _log);
                c.CheckOut(now, bus + 1, _log);
            }
        }
    }
}
