// Charts from event logs: the chart data drawn from a run's own event log read as a field file
// equal those drawn from its results folder by the detector method (greens and arrivals, cycle
// by cycle; split monitor), the undelayed method within its physical bound, and the command
// draws the field and the simulation together, naming each side's arrivals method; detector
// arrivals without a log or an advance loop, and malformed logs, exit with code 2.
using SignalSim.Analysis.Interop.EventLogs;
using SignalSim.Charts.FieldData;
using SignalSim.Charts.Labels;
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

        // The run's log handed over as a field file: copied alone (no map), read with the loop's
        // distance and the approach speed a field engineer would give, from the scenario itself.
        var fieldPath = dir["field/controller_events.csv"];
        Directory.CreateDirectory(dir["field"]);
        File.Copy(Path.Combine(runDir, ControllerEventLogWriter.FileName), fieldPath);
        Assert.Null(EventLogMap.Beside(fieldPath));
        var fieldLog = ControllerEventLog.Read(fieldPath);
        var loop = run.Scenario.Intersections.Single(x => x.Id == "X").Detectors.Single(d => d.Id == "main-advance");
        var speedKmh = run.Scenario.Links.Single(l => l.Id == loop.Link).SpeedLimitKmh;
        var phaseOfMain = map.Phases.Single(p => p.Group == "main").Phase;
        var (fromS, toS) = (startS + run.Summary.WarmupS, startS + run.Summary.WarmupS + run.Summary.DurationS - 60);
        var field = PurdueData.FromEventLog("field", fieldLog, "X", phaseOfMain, loop.Channel, loop.PositionM + loop.LengthM, speedKmh / 3.6, fromS, toS);

        // Purdue from the results folder by the detector method: the same greens AND the same
        // arrivals, cycle by cycle, as the field file gives.
        var detector = PurdueData.FromRun("run", run, "X", "main", phaseOfMain, loop.Link, fromS, toS, ArrivalsMethod.Detector);
        Assert.Equal(ArrivalsMethod.Detector, detector.Method);
        Assert.Equal(new DetectorProjection(loop.Channel, loop.PositionM + loop.LengthM, speedKmh), detector.Projection);
        Assert.Equal(PurdueData.GreensOf(run.Signals, "X", "main", startS), detector.Greens);
        Assert.Equal(field.Greens, detector.Greens);
        Assert.Equal(PerCycle(field), PerCycle(detector));
        Assert.Equal(field.Arrivals, detector.Arrivals);
        Assert.True(field.Arrivals.Count > 200 && field.OnGreen > 50, $"{field.Arrivals.Count} arrivals, {field.OnGreen} on green: too few to compare");

        // The undelayed method (SignalSim's own record) measures something else. The loop reports
        // a vehicle at the end of the step in which its body passed over it, after any delay it met
        // upstream of it (slowing behind a slower leader or a queue); the projection at the speed
        // limit then places it later than its undelayed arrival, by at most that delay plus one
        // step: 0 <= detector - undelayed <= delay_s + step. So a vehicle is placed differently
        // (in or out of the window, on or off green) only when [undelayed, undelayed + delay_s +
        // step] holds a window end or a green start or end. The window starts five minutes after
        // the warm-up: the log also has the vehicles that entered during the warm-up, which
        // crossings.csv leaves out (they are not measured), and by then they have all crossed.
        var lateFromS = fromS + 300;
        var fieldLate = PurdueData.FromEventLog("field", fieldLog, "X", phaseOfMain, loop.Channel, loop.PositionM + loop.LengthM, speedKmh / 3.6, lateFromS, toS);
        var undelayed = PurdueData.FromRun("run", run, "X", "main", phaseOfMain, loop.Link, lateFromS, toS, ArrivalsMethod.Undelayed);
        Assert.Equal(ArrivalsMethod.Undelayed, undelayed.Method);
        Assert.Equal(field.Greens, undelayed.Greens);
        var stepS = run.Summary.StepS;
        var rows = run.Crossings.Where(c => c.Approach == loop.Link).Select(c => (U: startS + c.ArrivalS, c.DelayS)).ToList();
        var edges = new[] { lateFromS, toS };
        var greenEdges = field.Greens.SelectMany(g => new[] { g.StartS, g.EndS }).Concat(edges).ToList();
        var atWindowEnds = rows.Count(r => edges.Any(b => b >= r.U && b <= r.U + r.DelayS + stepS));
        var atAnyEdge = rows.Count(r => greenEdges.Any(b => b >= r.U && b <= r.U + r.DelayS + stepS));
        var countDiff = undelayed.Arrivals.Count - fieldLate.Arrivals.Count;
        var onGreenDiff = undelayed.OnGreen - fieldLate.OnGreen;
        output.WriteLine($"arrivals on green from {lateFromS - startS:0} s, detector method (log): {fieldLate.OnGreen}/{fieldLate.Arrivals.Count} = {fieldLate.OnGreenShare:P1}; "
            + $"undelayed method: {undelayed.OnGreen}/{undelayed.Arrivals.Count} = {undelayed.OnGreenShare:P1}; "
            + $"{atWindowEnds} vehicles can cross a window end, {atAnyEdge} a window end or a green edge (delay_s bounds the delay upstream of the loop from above: the bound is loose)");
        Assert.InRange(countDiff, -atWindowEnds, atWindowEnds);
        Assert.InRange(onGreenDiff, -atAnyEdge, atAnyEdge);
    }

    /// <summary>Arrivals and arrivals on green of each cycle, from one begin-green to the next.</summary>
    private static List<(double CycleStartS, int Arrivals, int OnGreen)> PerCycle(PurdueData d) =>
        d.Arrivals.GroupBy(a => a.TimeOfDayS - a.CycleTimeS).Select(g => (g.Key, g.Count(), g.Count(a => a.OnGreen))).ToList();

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
        // The run wrote its log with an advance loop on the approach: both sides by the detector
        // method, hence the same figures (arrivals, on green, share, method, loop, distance, speed).
        Assert.Equal(string.Join(',', FieldCharts.ArrivalsOnGreenColumns), rows[0]);
        var (log, sim) = (rows[1].Split(','), rows[2].Split(','));
        Assert.Equal(log[3..], sim[3..]);
        Assert.Equal(["detector", "3", "152.00", "50.0"], sim[6..]);
    }

    [Fact]
    public async Task CompareWithNamesTheArrivalsMethodOfEachSide()
    {
        using var dir = new TempDirectory();
        var runDir = await RunWithEvents(dir);
        var events = Path.Combine(runDir, ControllerEventLogWriter.FileName);
        var result = await CliRunner.RunAsync("chart", "purdue", "--events", events, "--phase", "1", "--detector", "3", "--compare-with", runDir,
            "--arrivals", "undelayed", "--lang", "en", "--out", dir["charts"]);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var rows = File.ReadAllLines(Path.Combine(dir["charts"], FieldCharts.ArrivalsOnGreenFileName)).Select(r => r.Split(',')).ToList();
        Assert.Equal(["detector", "3", "152.00", "50.0"], rows[1][6..]);
        Assert.Equal(["undelayed", "", "", ""], rows[2][6..]);
        var en = ChartLabels.For("en");
        var svg = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir["charts"], FieldCharts.PurdueKind + ".svg")));
        Assert.Contains(en.Format("arrivals.detector", 3, "152", "50"), svg, StringComparison.Ordinal);
        Assert.Contains(en["arrivals.undelayed"], svg, StringComparison.Ordinal);

        // The same in French, with the detector method on the run's side: named twice.
        var fr = ChartLabels.For("fr");
        result = await CliRunner.RunAsync("chart", "purdue", "--events", events, "--phase", "1", "--detector", "3", "--compare-with", runDir,
            "--arrivals", "detector", "--lang", "fr", "--out", dir["charts-fr"]);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        svg = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir["charts-fr"], FieldCharts.PurdueKind + ".svg")));
        var method = fr.Format("arrivals.detector", 3, "152", "50");
        Assert.Equal(2, svg.Split(method).Length - 1);
        Assert.DoesNotContain(fr["arrivals.undelayed"], svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectorArrivalsWithoutAnEventLogExitWithCode2SayingHowToGetOne()
    {
        using var dir = new TempDirectory();
        var withLog = await RunWithEvents(dir);
        var plain = await CliRunner.RunAsync("run", CliRunner.ScenarioPath("isolated-intersection.json"), "--duration", "600", "--out", dir["plain"]);
        Assert.Equal(ExitCodes.Ok, plain.ExitCode);
        foreach (var args in new[]
        {
            new[] { "chart", "purdue", dir["plain"], "--arrivals", "detector", "--out", dir["charts"] },
            ["chart", "purdue", "--events", Path.Combine(withLog, ControllerEventLogWriter.FileName), "--phase", "1", "--detector", "3",
                "--compare-with", dir["plain"], "--arrivals", "detector", "--out", dir["charts"]],
        })
        {
            var result = await CliRunner.RunAsync(args);
            Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
            Assert.Contains($"{dir["plain"]} holds no controller event log ({ControllerEventLogWriter.FileName}", result.Error, StringComparison.Ordinal);
            Assert.Contains("--events", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(dir["charts"]));
        }
        // Without --arrivals, the run's side falls back to its undelayed arrivals, and says so.
        var auto = await CliRunner.RunAsync("chart", "purdue", "--events", Path.Combine(withLog, ControllerEventLogWriter.FileName), "--phase", "1", "--detector", "3",
            "--compare-with", dir["plain"], "--out", dir["auto"]);
        Assert.True(auto.ExitCode == ExitCodes.Ok, auto.Error);
        Assert.Equal("undelayed", File.ReadAllLines(Path.Combine(dir["auto"], FieldCharts.ArrivalsOnGreenFileName))[2].Split(',')[6]);
    }

    [Fact]
    public async Task UndelayedArrivalsOfAFieldLogAloneExitWithCode2()
    {
        using var dir = new TempDirectory();
        var path = dir["field.csv"];
        File.WriteAllText(path, "signal_id,timestamp,event_code,event_param\nX,2026-01-05 08:00:00.000,1,1\n");
        var result = await CliRunner.RunAsync("chart", "purdue", "--events", path, "--phase", "1", "--detector", "3", "--distance", "152", "--speed", "50",
            "--arrivals", "undelayed", "--out", dir["charts"]);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--arrivals undelayed: a controller event log has only detector arrivals", result.Error, StringComparison.Ordinal);
        Assert.Contains("--compare-with RESULTS_DIR", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["charts"]));
    }

    [Fact]
    public async Task DetectorArrivalsOnAnApproachWithoutAnAdvanceLoopExitWithCode2SayingHowToDeclareOne()
    {
        using var dir = new TempDirectory();
        // The isolated intersection without its side road's advance loop.
        var text = File.ReadAllText(CliRunner.ScenarioPath("isolated-intersection.json"));
        var line = text.Split('\n').Single(l => l.Contains("\"side-advance\"", StringComparison.Ordinal));
        var scenario = dir["no-side-advance.json"];
        File.WriteAllText(scenario, text.Replace(line + "\n", "", StringComparison.Ordinal).Replace("\"kind\": \"advance\", \"channel\": 3 },", "\"kind\": \"advance\", \"channel\": 3 }", StringComparison.Ordinal));
        var run = await CliRunner.RunAsync("run", scenario, "--duration", "600", "--events", "--out", dir["run"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        var result = await CliRunner.RunAsync("chart", "purdue", dir["run"], "--approach", "south-in", "--arrivals", "detector", "--out", dir["charts"]);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("has no advance detector on approach 'south-in'", result.Error, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"advance\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("--events", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["charts"]));
        // The main road still has its loop: drawn by the detector method.
        var main = await CliRunner.RunAsync("chart", "purdue", dir["run"], "--approach", "west-in", "--arrivals", "detector", "--lang", "en", "--out", dir["charts"]);
        Assert.True(main.ExitCode == ExitCodes.Ok, main.Error);
        Assert.Contains(ChartLabels.For("en").Format("arrivals.detector", 3, "152", "50"), File.ReadAllText(Path.Combine(dir["charts"], "purdue.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePurdueChartOfARunCountsOnGreenAsTheFieldMethodDoes()
    {
        using var dir = new TempDirectory();
        var runDir = await RunWithEvents(dir);
        var result = await CliRunner.RunAsync("chart", "purdue", runDir, "--approach", "west-in", "--arrivals", "detector", "--lang", "en", "--out", dir["charts"]);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        // The chart's share on green is the one the detector method gives over the measured period.
        var run = ResultsFolder.Open(runDir).Run(null);
        var startS = run.Scenario.Simulation.StartTimeOfDayS;
        var fromS = startS + run.Summary.WarmupS;
        var detector = PurdueData.FromRun("run", run, "X", "main", 1, "west-in", fromS, fromS + run.Summary.DurationS, ArrivalsMethod.Detector);
        var en = ChartLabels.For("en");
        var svg = File.ReadAllText(Path.Combine(dir["charts"], "purdue.svg"));
        Assert.Contains(en.Format("chart.purdue.arrivals", en.Number(100 * detector.OnGreenShare, 0)) + " (" + en.Format("arrivals.detector", 3, "152", "50") + ")", svg, StringComparison.Ordinal);
        Assert.Contains($"{en["arrivals.loop_vehicles"]} (n = {detector.Arrivals.Count})", svg, StringComparison.Ordinal);
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
