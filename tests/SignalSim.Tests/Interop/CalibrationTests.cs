// Calibration from counts: from Porte de Choisy's demand perturbed by ±30 %, calibrate recovers
// the counts the unperturbed scenario produces (GEH < 5 at every site), and writes a scenario
// that loads; malformed count files exit with code 2 naming the file and line.
using SignalSim.Analysis.Calibration;
using SignalSim.Cli;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;
using SignalSim.Tests.Scenarios;
using Xunit.Abstractions;

namespace SignalSim.Tests.Interop;

public class CalibrationTests(ITestOutputHelper output)
{
    [Fact]
    public void FromDemandPerturbedBy30PercentCalibrationRecoversTheCounts()
    {
        var truth = ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath("porte-de-choisy.json")).Scenario;
        var counts = Calibrator.SimulatedFlows(truth, truth.CountSites, 5);
        var targets = truth.CountSites.Select((c, i) => (c.IuAc, Flow: counts[i])).ToDictionary(t => t.IuAc, t => (t.Flow, "", 1));
        // Every other demand 30 % up, the others 30 % down.
        var perturbed = truth with
        {
            Demand = truth.Demand.Select((d, k) => d with { Periods = d.Periods.Select(p => p with { FlowVehPerHour = p.FlowVehPerHour * (k % 2 == 0 ? 1.3 : 0.7) }).ToList() }).ToList(),
        };
        var result = Calibrator.Calibrate(perturbed, targets, 5);
        foreach (var s in result.Sites)
            output.WriteLine($"{s.IuAc} {s.Link}: counted {s.CountedVehPerHour:0}, perturbed {s.BeforeVehPerHour:0} (GEH {s.GehBefore:0.0}), calibrated {s.AfterVehPerHour:0} (GEH {s.GehAfter:0.0})");
        Assert.Equal(truth.CountSites.Count, result.Sites.Count);
        Assert.Contains(result.Sites, s => s.GehBefore >= Geh.Threshold); // the perturbation is visible in the counts
        Assert.All(result.Sites, s => Assert.True(s.GehAfter < Geh.Threshold, $"{s.IuAc}: GEH {s.GehAfter:0.00}"));
        ScenarioAssert.Valid(result.Calibrated);
    }

    [Fact]
    public async Task TheCommandWritesTheCalibratedScenarioReportAndChart()
    {
        using var dir = new TempDirectory();
        var run = await CliRunner.RunAsync("calibrate", CliRunner.ScenarioPath("porte-de-choisy.json"), "--counts", CliRunner.ScenarioPath("porte-de-choisy.counts.csv"), "--out", dir["cal"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        foreach (var f in new[] { CalibrationOutput.ScenarioFileName, CalibrationOutput.TableFileName, CalibrationOutput.ReportFileName, "calibration-scatter.png", "calibration-scatter.svg" })
            Assert.True(File.Exists(Path.Combine(dir["cal"], f)), f);
        var reloaded = ScenarioLoader.LoadFile(Path.Combine(dir["cal"], CalibrationOutput.ScenarioFileName));
        Assert.Equal(10, reloaded.Scenario.CountSites.Count);
    }

    [Theory]
    [InlineData("iu_ac;libelle;t_1h;q;k\n", 1, "etat_trafic")]
    [InlineData("iu_ac;libelle;t_1h;q;k;etat_trafic\n90001;x;2025-03-11 09:00:00;abc;10;1\n", 2, "q 'abc'")]
    [InlineData("iu_ac;libelle;t_1h;q;k;etat_trafic\n90001;x;2025-03-11 09:00:00;700;10;1\n90001;x;11/03/2025 9h;700;10;1\n", 3, "t_1h")]
    [InlineData("iu_ac;libelle;t_1h;q;k;etat_trafic\n90001;x;2025-03-11 09:00:00;700;120;1\n", 2, "k 120")]
    [InlineData("iu_ac;libelle;t_1h;q;k;etat_trafic\n90001;x;2025-03-11 09:00:00;700;10;7\n", 2, "etat_trafic")]
    public async Task AMalformedCountsFileExitsWithCode2NamingTheFileAndLine(string text, int line, string what)
    {
        using var dir = new TempDirectory();
        var path = dir["counts.csv"];
        File.WriteAllText(path, text);
        var run = await CliRunner.RunAsync("calibrate", CliRunner.ScenarioPath("porte-de-choisy.json"), "--counts", path, "--out", dir["cal"]);
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"{path}:{line}: error:", run.Error, StringComparison.Ordinal);
        Assert.Contains(what, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["cal"]));
    }
}
