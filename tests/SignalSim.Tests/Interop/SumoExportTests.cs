// The SUMO export: every shipped scenario builds with netconvert and runs in SUMO without
// complaints about its files, and SUMO's mean car travel time agrees with SignalSim's on the
// arterial and on Porte de Choisy (mean over seeds, ±15 %), both running the network as exported.
using SignalSim.Analysis.Interop.Sumo;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Output;
using SignalSim.Tests.Scenarios;
using Xunit.Abstractions;

namespace SignalSim.Tests.Interop;

public class SumoExportTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios() => new(ShippedFiles.ScenarioFileNames());

    private static (ScenarioFile Scenario, string Strategy) Baseline(string fileName)
    {
        var scenario = ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath(fileName)).Scenario;
        var baseline = StrategyOverlay.Baseline(scenario);
        return baseline is null ? (scenario, "base") : (StrategyOverlay.Apply(scenario with { Strategies = [] }, baseline), baseline.Id);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ExportedFilesBuildAndRunInSumoWithoutComplaints(string fileName)
    {
        SumoRunner.Tool("netconvert");
        using var dir = new TempDirectory();
        var (scenario, strategy) = Baseline(fileName);
        var result = SumoExporter.Export(scenario, strategy, dir.Path);
        Assert.True(result.NetworkBuilt, result.NetconvertMessage);
        var netconvert = SumoTools.Run(SumoRunner.Tool("netconvert"), dir.Path, "-c", SumoExportResult.NetconvertConfigFileName, "-o", "check.net.xml");
        Assert.True(netconvert.Succeeded, netconvert.StandardError);
        Assert.Empty(SumoRunner.UnexpectedMessages(netconvert.StandardError));

        var sumo = SumoRunner.Sumo(dir.Path, "--end", "60");
        Assert.True(sumo.Succeeded, sumo.StandardError);
        Assert.Empty(SumoRunner.UnexpectedMessages(sumo.StandardError));
        Assert.True(File.Exists(dir[SumoExportResult.ReadmeFileName]));
    }

    [Fact]
    public async Task AnUnknownStrategyExitsWithCode2AndWritesNothing()
    {
        using var dir = new TempDirectory();
        var run = await SignalSim.Tests.Cli.CliRunner.RunAsync("export", "sumo", SignalSim.Tests.Cli.CliRunner.ScenarioPath("arterial-green-wave.json"), "--strategy", "no-such", "--out", dir["sumo"]);
        Assert.Equal(SignalSim.Cli.ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("unknown strategy 'no-such'", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["sumo"]));
    }

    [Fact]
    public void TheReadmeListsWhatSumoDoesNotGet()
    {
        using var dir = new TempDirectory();
        var (scenario, strategy) = Baseline("porte-de-choisy.json");
        var result = SumoExporter.Export(scenario, strategy, dir.Path, buildNetwork: false);
        var readme = File.ReadAllText(dir[SumoExportResult.ReadmeFileName]);
        // Porte de Choisy has tram priority, a drifting Val-de-Marne clock, crossings and jittered lines.
        foreach (var feature in new[] { "tram priority", "clock drift", "pedestrian crossing", "departure jitter" })
        {
            Assert.Contains(result.Limitations, l => l.Feature == feature);
            Assert.Contains(feature, readme, StringComparison.Ordinal);
        }
        foreach (var crossing in scenario.Intersections.SelectMany(x => x.Crossings.Select(c => $"crossing {c.Id}")))
            Assert.Contains(crossing, readme, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arterial-green-wave.json")]
    [InlineData("porte-de-choisy.json")]
    public void SumoAndSignalSimAgreeOnMeanCarTravelTime(string fileName)
    {
        const int Seeds = 3;
        using var dir = new TempDirectory();
        var (scenario, strategy) = Baseline(fileName);
        var exported = SumoExporter.AsExported(scenario);
        var result = SumoExporter.Export(exported, strategy, dir.Path);
        Assert.True(result.NetworkBuilt, result.NetconvertMessage);

        var sumoMeans = new List<double>();
        var signalSimMeans = new List<double>();
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var tripinfo = $"tripinfo-{seed}.xml";
            var sumoClock = System.Diagnostics.Stopwatch.StartNew();
            var sumo = SumoRunner.Sumo(dir.Path, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tripinfo-output", tripinfo, "--duration-log.statistics", "true");
            var sumoWallS = sumoClock.Elapsed.TotalSeconds;
            Assert.True(sumo.Succeeded, sumo.StandardError);
            var (sumoMean, sumoTrips) = SumoRunner.MeanTravelTime(dir[tripinfo], exported.Simulation.WarmupS, type => type == "car");
            sumoMeans.Add(sumoMean);

            var signalSimClock = System.Diagnostics.Stopwatch.StartNew();
            var simulation = new Simulation(SimulationModelBuilder.Build(exported, (ulong)seed));
            var run = simulation.Run();
            var signalSimWallS = signalSimClock.Elapsed.TotalSeconds;
            var car = Array.FindIndex(run.Model.Classes, c => c.Id == "car");
            var trips = run.Records.Trips.Where(t => t.ClassIndex == car && t.DepartTicks >= run.Model.WarmupTicks).ToList();
            signalSimMeans.Add(trips.Average(t => t.TravelTimeS));
            output.WriteLine($"seed {seed}: SUMO {sumoMean:0.0} s over {sumoTrips} car trips, SignalSim {signalSimMeans[^1]:0.0} s over {trips.Count}");
            // Throughput, for bench/README.md: SUMO's own count of vehicle updates per second
            // (its "UPS", simulation loop only) and its wall time with loading; SignalSim's run.
            var ups = sumo.StandardOutput.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("UPS:", StringComparison.Ordinal)) ?? "UPS: ?";
            output.WriteLine($"seed {seed}: SUMO wall {sumoWallS:0.00} s, {ups}; SignalSim wall {signalSimWallS:0.00} s, {simulation.VehicleUpdates} updates, {simulation.VehicleUpdates / signalSimWallS:0} updates/s");
        }
        var sumoAll = sumoMeans.Average();
        var signalSimAll = signalSimMeans.Average();
        output.WriteLine($"{fileName}: SUMO {sumoAll:0.0} s, SignalSim {signalSimAll:0.0} s, difference {(sumoAll / signalSimAll - 1) * 100:+0.0;-0.0} %");
        Assert.InRange(sumoAll / signalSimAll, 0.85, 1.15);
    }
}
