// The controller event log of a fixed-time run (the isolated intersection, with its detectors):
// it reproduces the plan (green every cycle at the plan's offset, amber lasting amber_s), and the
// split and arrivals-on-green figures read back from the file equal those computed from the
// run's own records. Malformed logs are reported with file and line.
using SignalSim.Analysis.Interop.EventLogs;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;
using SignalSim.Tests.Output;
using SignalSim.Tests.Scenarios;
using Xunit.Abstractions;

namespace SignalSim.Tests.Interop;

public class EventLogTests(ITestOutputHelper output)
{
    private static (SimulationResult Result, List<LoggedEvent> Log, double StartS) RunWithLog(TempDirectory dir)
    {
        var scenario = ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath("isolated-intersection.json")).Scenario;
        var result = new Simulation(SimulationModelBuilder.Build(scenario, 3, 1800)).Run();
        RunOutputWriter.Write(result, new RunContext("isolated-intersection.json", "test", []), dir["run"], controllerEvents: true);
        return (result, ControllerEventLog.Read(Path.Combine(dir["run"], ControllerEventLogWriter.FileName)), scenario.Simulation.StartTimeOfDayS);
    }

    [Fact]
    public void TheLogOfAFixedTimeRunReproducesThePlan()
    {
        using var dir = new TempDirectory();
        var (result, log, startS) = RunWithLog(dir);
        var spec = result.Model.Scenario.Intersections[0];
        var plan = spec.Plans["day"];
        var map = ControllerEventMap.Of(result.Model);
        for (var g = 0; g < spec.SignalGroups.Count; g++)
        {
            var group = spec.SignalGroups[g];
            var greens = EventLogMetrics.Greens(log, "X", map.GroupPhase[result.Model.Controllers[0].FirstGroup + g]);
            var window = plan.Greens[group.Id];
            Assert.True(greens.Count >= 1800 / plan.CycleS - 1, $"{greens.Count} greens of {group.Id}");
            foreach (var green in greens)
            {
                // Cycle time of the green start on the centre clock (offset 0 here) is the window start.
                var cycleTime = ((green.StartS - plan.OffsetS) % plan.CycleS + plan.CycleS) % plan.CycleS;
                Assert.Equal(window.StartS, cycleTime, 3);
                Assert.Equal((window.EndS - window.StartS + plan.CycleS) % plan.CycleS, green.GreenS, 3);
                Assert.Equal(group.AmberS, green.YellowS, 3);
            }
            for (var k = 1; k < greens.Count; k++) Assert.Equal(plan.CycleS, greens[k].StartS - greens[k - 1].StartS, 3);
        }
        Assert.Contains(log, e => e.Code == 131 && e.Param == 1 && e.TimeOfDayS == startS);
    }

    [Fact]
    public void SplitAndArrivalsOnGreenFromTheLogEqualThoseFromTheRecords()
    {
        using var dir = new TempDirectory();
        var (result, log, startS) = RunWithLog(dir);
        var m = result.Model;
        var spec = m.Scenario.Intersections[0];
        var main = m.Controllers[0].FirstGroup + Array.IndexOf(m.Controllers[0].GroupIds, "main");
        var speedMps = m.Scenario.Links.Single(l => l.Id == "west-in").SpeedLimitKmh / 3.6;

        // From the records: green intervals of 'main' from the signal changes.
        var recordGreens = new List<(double Start, double End)>();
        double? open = result.Records.InitialSignals[main] == SignalState.Green ? 0 : null;
        foreach (var c in result.Records.SignalChanges.Where(c => c.Group == main))
        {
            if (c.State == SignalState.Green) open = SimTime.ToSeconds(c.Ticks);
            else if (c.State == SignalState.Amber && open is { } s) { recordGreens.Add((s, SimTime.ToSeconds(c.Ticks))); open = null; }
        }
        var phase = ControllerEventMap.Of(m).GroupPhase[main];
        var logGreens = EventLogMetrics.Greens(log, "X", phase).Select(g => (g.StartS - startS, g.EndS - startS)).ToList();
        // The log's first green may start at time 0 (initial state) and close only after its amber.
        Assert.Equal(recordGreens.Where(g => logGreens.Count == 0 || g.Start >= logGreens[0].Item1 - 1e-9).Take(logGreens.Count).ToList(), logGreens);

        // Arrivals on green at the advance loop 150 m upstream, projected to the stop line at the limit.
        var detector = spec.Detectors.ToList().FindIndex(d => d.Id == "main-advance");
        var advance = spec.Detectors[detector];
        var distance = advance.PositionM + advance.LengthM;
        var (fromS, toS) = (m.Scenario.Simulation.WarmupS, SimTime.ToSeconds(result.EndTicks) - 60);
        var fromLog = EventLogMetrics.OnGreen(log, "X", phase, advance.Channel, distance, speedMps, startS + fromS, startS + toS);
        var arrivals = 0;
        var onGreen = 0;
        foreach (var d in result.Records.DetectorEvents.Where(d => d.Detector == detector && d.On))
        {
            var arrival = SimTime.ToSeconds(d.Ticks) + distance / speedMps;
            if (arrival < fromS || arrival >= toS) continue;
            arrivals++;
            if (recordGreens.Any(g => arrival >= g.Start && arrival < g.End)) onGreen++;
        }
        Assert.True(arrivals > 100, $"{arrivals} arrivals");
        Assert.Equal(new ArrivalsOnGreen(arrivals, onGreen), fromLog);

        // For reference: the Purdue chart's arrivals on green from crossings.csv (undelayed arrival = crossing − delay).
        var approach = Array.IndexOf(m.LinkIds, "west-in");
        var crossings = result.Records.Crossings.Where(c => c.ApproachLink == approach && c.TimeS - c.DelayS >= fromS && c.TimeS - c.DelayS < toS).ToList();
        var crossingShare = crossings.Count(c => recordGreens.Any(g => c.TimeS - c.DelayS >= g.Start && c.TimeS - c.DelayS < g.End)) / (double)crossings.Count;
        output.WriteLine($"arrivals on green, main approach: event log {fromLog.Share:P1} of {fromLog.Arrivals} detector arrivals; crossings (undelayed arrival) {crossingShare:P1} of {crossings.Count}");
    }

    [Fact]
    public void DeclaredPhasesAreKeptAndTheOthersTakeTheLowestFreeNumbers()
    {
        var scenario = ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath("isolated-intersection.json")).Scenario;
        var x = scenario.Intersections[0];
        var declared = scenario with { Intersections = [x with { SignalGroups = [x.SignalGroups[0], x.SignalGroups[1] with { Phase = 1 }] }] };
        ScenarioAssert.Valid(declared);
        var map = ControllerEventMap.Of(SimulationModelBuilder.Build(declared));
        Assert.Equal([2, 1], map.GroupPhase);
        var clash = scenario with { Intersections = [x with { SignalGroups = [x.SignalGroups[0] with { Phase = 3 }, x.SignalGroups[1] with { Phase = 3 }] }] };
        Assert.Contains(ScenarioValidator.Validate(clash), d => d.Severity == DiagnosticSeverity.Error && d.JsonPath.EndsWith("signal_groups[1].phase", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("signal,time,code,param\n", 1, "header")]
    [InlineData("signal_id,timestamp,event_code,event_param\nX,2026-01-05 08:00:00.000,1,2\nX,not a time,1,2\n", 3, "timestamp")]
    [InlineData("signal_id,timestamp,event_code,event_param\nX,2026-01-05 08:00:00.000,one,2\n", 2, "event code")]
    [InlineData("signal_id,timestamp,event_code,event_param\nX,2026-01-05 08:00:00.000,1\n", 2, "fields")]
    [InlineData("signal_id,timestamp,event_code,event_param\nX,2026-01-05 08:00:05.000,1,2\nX,2026-01-05 08:00:00.000,8,2\n", 3, "earlier")]
    public void AMalformedLogIsReportedWithFileAndLine(string text, int line, string what)
    {
        using var dir = new TempDirectory();
        var path = dir["events.csv"];
        File.WriteAllText(path, text);
        var e = Assert.Throws<EventLogException>(() => ControllerEventLog.Read(path));
        Assert.StartsWith($"{path}:{line}: error:", e.Message, StringComparison.Ordinal);
        Assert.Contains(what, e.Message, StringComparison.Ordinal);
    }
}
