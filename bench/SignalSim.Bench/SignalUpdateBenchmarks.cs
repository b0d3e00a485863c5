// Signal kernel alone: ISignalController.Update of every controller of a scenario at successive
// step times, as the step's first stage does (without the change recording around it).
// Mean is ns per step, i.e. for updating all controllers once.
using BenchmarkDotNet.Attributes;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Signals;

namespace SignalSim.Bench;

[MemoryDiagnoser, Config(typeof(ScenarioNamesConfig))]
[WarmupCount(5), IterationCount(20)]
public class SignalUpdateBenchmarks
{
    private const int StepsPerInvoke = 1000;

    private ISignalController[] _controllers = null!;
    private ControllerInputs _inputs = null!;
    private SignalState[] _states = null!;
    private SimulationRecorder _log = null!;
    private long _stepTicks;
    private long _nowTicks;

    [Params(BenchScenarios.SyntheticCorridorName, BenchScenarios.DefaultScenarioName)]
    public string Scenario { get; set; } = BenchScenarios.SyntheticCorridorName;

    [GlobalSetup]
    public void Setup()
    {
        var model = SimulationModelBuilder.Build(BenchScenarios.Load(Scenario));
        _controllers = model.Controllers.Select(ControlTypes.Create).ToArray();
        _inputs = new ControllerInputs(model.Scenario.Intersections.Sum(x => x.Detectors.Count), model.Crossings.Length);
        _log = new SimulationRecorder(model);
        _states = new SignalState[model.GroupCount];
        _stepTicks = model.StepTicks;
        foreach (var c in _controllers) c.Reset(0);
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public SignalState UpdateAllControllers()
    {
        var controllers = _controllers;
        var states = _states;
        var now = _nowTicks;
        for (var s = 0; s < StepsPerInvoke; s++)
        {
            for (var i = 0; i < controllers.Length; i++) controllers[i].Update(now, states, _inputs, _log);
            now += _stepTicks;
        }
        // Time only moves forward, as in a run: controllers keep cycle state between calls.
        _nowTicks = now;
        return states[0];
    }
}
