// Charts from event logs: the chart data drawn from a run's own event log equal those drawn from
// its results folder (greens cycle by cycle, split monitor), arrivals on green agree, and the
// command draws the field and the simulation together; malformed logs exit with code 2 naming
// the file and line.
using SignalSim.Analysis.Interop.EventLogs;
using SignalSim.Charts.FieldData;
using SignalSim.Charts.Results;
using SignalSim.Cli;
using SignalSim.Core.Output;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;
using Xunit.Abstractions;

namespace SignalSim.Tests.Interop;

public class EventLogChartTests(ITestOutputHelper output)
{
    private static async Task<string> RunWithEvents(TempDirectory dir)
    {
        var run = await CliRunner.RunAsync("run", CliRunner.ScenarioPath("isolated-intersection.json"), "--duration", "1800", "--events", "--out", dir["run"]);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        return dir["run"];
    }

    [Fact]
    public async Task ChartsFromARunsOwnEventLogEqualThoseFromItsResultsFolder()
    {
        using var dir = new TempDirectory();
        var runDir = await RunWithEvents(dir);
        var log = ControllerEventLog.Read(Path.Combine(runDir, ControllerEventLogWriter.FileName));
        var map = EventLogMap.Beside(Path.Combine(runDir, ControllerEventLogWriter.FileName))!;
        var run = ResultsFolder.Open(runDir).Run(null);
        var startS = run.Scenario.Simulation.StartTimeOfDayS;

        // Split monitor: every phase's greens, cycle by cycle, from the log and from signals.csv.
        foreach (var (signal, phase, group) in map.Phases)
            Assert.Equal(PurdueData.GreensOf(run.Signals, signal, group, startS), EventLogMetrics.Greens(log, signal, phase));

        // Purdue: same green bands; arrivals from the advance loop against SignalSim's undelayed arrivals.
        var advance = map.Detectors.Single(d => d.Id == "main-advance");
        var phaseOfMain = map.Phases.Single(p => p.Group == "main").Phase;
        var (fromS, toS) = (startS + run.Summary.WarmupS, startS + run.Summary.WarmupS + run.Summary.DurationS - 60);
        var speed = run.Scenario.Links.Single(l => l.Id == advance.Link).SpeedLimitKmh / 3.6;
        var fromLog = PurdueData.FromEventLog("log", log, "X", phaseOfMain, advance.Channel, advance.DistanceToStopLineM, speed, fromS, toS);
        var fromRun = PurdueData.FromRun("run", run, "X", "main", phaseOfMain, advance.Link, fromS, toS);
        Assert.Equal(fromRun.Greens, fromLog.Greens);
        output.WriteLine($"arrivals on green: log {fromLog.OnGreen}/{fromLog.Arrivals.Count} = {fromLog.OnGreenShare:P1}, results folder {fromRun.OnGreen}/{fromRun.Arrivals.Count} = {fromRun.OnGreenShare:P1}");
        // The log sees a vehicle at its detector and projects it at the speed limit; the results
        // folder knows its undelayed arrival. Vehicles entering the same cycle give the same counts
        // within a few (those that entered less than a cycle before the window's ends).
        Assert.InRange(Math.Abs(fromLog.Arrivals.Count - fromRun.Arrivals.Count), 0, 15);
        Assert.InRange(Math.Abs(fromLog.OnGreenShare - fromRun.OnGreenShare), 0, 0.03);
    }

    [Fact]
    public async Task TheCommandDrawsFieldAndSimulationTogether()
    {
        using var dir = new TempDirectory();
        var runDir = await RunWithEvents(dir);
        var events = Path.Combine(runDir, ControllerEventLogWriter.FileName);
        var purdue = await CliRunner.RunAsync("chart", "purdue", "--events", events, "--phase", "1", "--detector", "3", "--compare-with", runDir, "--out", dir["charts"]);
        Assert.True(purdue.ExitCode == ExitCodes.Ok, purdue.Error);
        var split = await CliRunner.RunAsync("chart", "split-monitor", "--events", events, "--compare-with", runDir, "--out", dir["charts"]);
        Assert.True(split.ExitCode == ExitCodes.Ok, split.Error);
        foreach (var f in new[] { "purdue-events.png", "purdue-events.svg", "split-monitor.png", "split-monitor.svg", FieldCharts.ArrivalsOnGreenFileName })
            Assert.True(File.Exists(Path.Combine(dir["charts"], f)), f);
        var rows = File.ReadAllLines(Path.Combine(dir["charts"], FieldCharts.ArrivalsOnGreenFileName));
        Assert.Equal(3, rows.Length); // header, the log, the run
    }

    [Fact]
    public async Task CompareWritesTheEventLogOfReplicationOneWhenAsked()
    {
        using var dir = new TempDirectory();
        var compare = await CliRunner.RunAsync("compare", CliRunner.ScenarioPath("isolated-intersection.json"), "--replications", "1", "--duration", "600", "--no-report", "--events", "--out", dir["cmp"]);
        Assert.True(compare.ExitCode == ExitCodes.Ok, compare.Error);
        var log = ControllerEventLog.Read(Path.Combine(dir["cmp"], "status-quo", ControllerEventLogWriter.FileName));
        Assert.Contains(log, e => e.Code == 82);
        Assert.True(File.Exists(Path.Combine(dir["cmp"], "status-quo", ControllerEventMap.FileName)));
    }

    [Theory]
    [InlineData("signal_id,timestamp,event_code,event_param\nX,2026-01-05 08:00:00.000,1,1\nX,2026-01-05 08:00:01.000,1,999\n", 3)]
    [InlineData("signal_id,timestamp,event_code\nX,2026-01-05 08:00:00.000,1\n", 1)]
    [InlineData("signal_id,timestamp,event_code,event_param\nX,2026-01-05 08:00:00.000,1,1,7\n", 2)]
    public async Task AMalformedLogExitsWithCode2NamingTheFileAndLine(string text, int line)
    {
        using var dir = new TempDirectory();
        var path = dir["field.csv"];
        File.WriteAllText(path, text);
        var result = await CliRunner.RunAsync("chart", "purdue", "--events", path, "--phase", "1", "--detector", "3", "--distance", "152", "--speed", "50", "--out", dir["charts"]);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"{path}:{line}: error:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["charts"]));
    }
}
