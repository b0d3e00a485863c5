// replay.html written by `compare`, opened in headless Chromium: no console error, the clock
// advances when played, and after a jump to a given second each side draws as many vehicles as
// the run's records hold in the network at that second (the run rebuilt here on the same seed).
// A screenshot is taken (SIGNALSIM_CHARTS_FIXTURE keeps it).
using System.Globalization;
using System.Text.Json;
using SignalSim.Analysis.Replications;
using SignalSim.Charts.Replay;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;
using SignalSim.Tests.Scenarios;

namespace SignalSim.Tests.Charts;

public sealed class ReplayTests
{
    private const double DurationS = 600;

    [Fact]
    public async Task Replay_PlaysAndDrawsTheVehiclesOfTheRecords()
    {
        using var temp = new TempDirectory();
        var dir = temp["compare"];
        var scenarioPath = ShippedFiles.ScenarioPath("porte-de-choisy.json");
        var run = await CliRunner.RunAsync("compare", scenarioPath, "--replications", "2", "--duration", "600", "--no-pdf", "--replay", "bus-priority", "--out", dir);
        Assert.True(run.ExitCode == 0, run.Error);
        var html = Path.Combine(dir, ReplayWriter.FileName);
        Assert.True(File.Exists(html));
        var text = await File.ReadAllTextAsync(html);
        Assert.DoesNotContain("src=\"http", text, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", text, StringComparison.Ordinal);

        // The same runs as the replay's: replication 1 (the scenario's seed) with trajectories over the measured period.
        var scenario = ScenarioLoader.LoadFile(scenarioPath).Scenario;
        var strategies = StrategyRun.Select(scenario, ["bus-priority"]);
        var recording = RecordingOptions.TrajectoriesAfterWarmup(scenario.Simulation.WarmupS, DurationS);
        var results = strategies.Select(s => new Simulation(SimulationModelBuilder.Build(s.Scenario, scenario.Simulation.Seed, DurationS, recording)).Run()).ToList();

        await using var browser = await HeadlessChromium.StartAsync();
        var target = await browser.SendAsync("Target.createTarget", new { url = "about:blank" });
        var attached = await browser.SendAsync("Target.attachToTarget", new { targetId = target.GetProperty("targetId").GetString(), flatten = true });
        var session = attached.GetProperty("sessionId").GetString()!;
        foreach (var domain in new[] { "Runtime.enable", "Log.enable", "Page.enable" }) await browser.SendAsync(domain, null, session);
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 1400, height = 800, deviceScaleFactor = 1, mobile = false }, session);
        await browser.SendAsync("Page.navigate", new { url = new Uri(html).AbsoluteUri }, session);
        await browser.WaitForEventAsync("Page.loadEventFired", session);

        var start = double.Parse(await Evaluate(browser, session, "String(replay.time)"), CultureInfo.InvariantCulture);
        await Evaluate(browser, session, "replay.play(); 'ok'");
        await Task.Delay(1500);
        var later = double.Parse(await Evaluate(browser, session, "String(replay.time)"), CultureInfo.InvariantCulture);
        Assert.True(later > start, $"the clock did not advance when played: {start} then {later}");
        await Evaluate(browser, session, "replay.pause(); 'ok'");

        var at = (int)(scenario.Simulation.WarmupS + 420);
        var drawn = JsonDocument.Parse(await Evaluate(browser, session, $"replay.seek({at}); JSON.stringify(replay.drawn)")).RootElement.EnumerateArray().Select(e => e.GetInt32()).ToList();
        var expected = results.Select(r => ReplayWriter.VehiclesAt(r, at)).ToList();
        Assert.True(expected.All(n => n > 0), "no vehicle in the network at the chosen second");
        Assert.Equal(expected, drawn);

        var shot = await browser.SendAsync("Page.captureScreenshot", new { format = "png" }, session);
        var png = Convert.FromBase64String(shot.GetProperty("data").GetString()!);
        Assert.True(png.Length > 1000);
        if (Environment.GetEnvironmentVariable("SIGNALSIM_CHARTS_FIXTURE") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            await File.WriteAllBytesAsync(Path.Combine(keep, "screenshot-replay.png"), png);
        }

        var errors = browser.Events.Where(e =>
                (e.Method == "Runtime.consoleAPICalled" && e.Params.GetProperty("type").GetString() is "error" or "assert")
                || e.Method == "Runtime.exceptionThrown"
                || (e.Method == "Log.entryAdded" && e.Params.GetProperty("entry").GetProperty("level").GetString() == "error"))
            .Select(e => e.Params.ToString()).ToList();
        Assert.True(errors.Count == 0, "console errors: " + string.Join(Environment.NewLine, errors));
    }

    private static async Task<string> Evaluate(HeadlessChromium browser, string session, string expression)
    {
        var result = await browser.SendAsync("Runtime.evaluate", new { expression, returnByValue = true }, session);
        return result.GetProperty("result").GetProperty("value").GetString()!;
    }
}
