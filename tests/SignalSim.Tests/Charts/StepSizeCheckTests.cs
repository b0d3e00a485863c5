// The step-size check end to end, on a study whose step is too coarse: Porte de Choisy at step
// 2 s (queue samples every 10 s, a multiple of it). `compare` writes step_check.csv with the
// study's own baseline runs at 2 s (their mean is comparison.csv's) and the half-step runs at
// 1 s on the same seeds; the difference (read here from the file with a plain split) exceeds the
// 3 % criterion, and the note says so plainly, before the table, in English and in French, in
// report.md, report.html and report.pdf.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SignalSim.Charts.Report;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;
using Xunit.Abstractions;

namespace SignalSim.Tests.Charts;

public sealed partial class StepSizeCheckTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_too_coarse_step_fails_the_check_and_the_note_says_so()
    {
        using var temp = new TempDirectory();
        var shipped = ScenarioLoader.LoadFile(Path.Combine("scenarios", "porte-de-choisy.json")).Scenario;
        var coarse = shipped with { Simulation = shipped.Simulation with { StepS = 2, QueueSampleS = 10 } };
        var scenarioPath = temp["coarse.json"];
        ComparisonFixture.WriteScenario(coarse, scenarioPath);
        var dir = temp["compare"];
        var run = await CliRunner.RunAsync("compare", scenarioPath, "--strategies", "status-quo", "--duration", "600", "--replications", "3", "--lang", "en", "--out", dir);
        Assert.True(run.ExitCode == 0, run.ToString());

        var lines = File.ReadAllLines(Path.Combine(dir, "step_check.csv"));
        Assert.Equal("replication,seed,step_s,mode,trips,mean_travel_time_s,mean_delay_s", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        double F(string[] r, int i) => double.Parse(r[i], CultureInfo.InvariantCulture);
        var atStep = rows.Where(r => r[2] == "2").ToList();
        var atHalf = rows.Where(r => r[2] == "1").ToList();
        Assert.Equal(3, atStep.Count);
        Assert.Equal(atStep.Select(r => r[1]), atHalf.Select(r => r[1])); // same seeds both ways
        using (var metadata = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "comparison.json"))))
            Assert.Equal(metadata.RootElement.GetProperty("seeds").EnumerateArray().Select(e => e.GetUInt64().ToString(CultureInfo.InvariantCulture)), atStep.Select(r => r[1]));

        // The runs at the study's step are the study's own: comparison.csv's car mean is theirs.
        var comparison = File.ReadAllLines(Path.Combine(dir, "comparison.csv"));
        var header = comparison[0].Split(',').Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
        var car = comparison.Skip(1).Select(l => l.Split(',')).Single(f => f[0] == "status-quo" && f[1] == "car");
        var travel = atStep.Average(r => F(r, 5));
        Assert.Equal(double.Parse(car[header["mean_travel_time_s"]], CultureInfo.InvariantCulture), travel, 3);

        var travelHalf = atHalf.Average(r => F(r, 5));
        var diff = 100 * (travel - travelHalf) / travelHalf;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean car travel time at step 2 s {travel:F1} s, at 1 s {travelHalf:F1} s: {diff:+0.0;-0.0} %"));
        Assert.True(diff > 3, $"the 2 s step was expected to fail the 3 % criterion; it differs by {diff:F1} %");
        string N(double x, string separator) => Math.Round(x, 1).ToString("F1", CultureInfo.InvariantCulture).Replace(".", separator, StringComparison.Ordinal);

        var english = $"The step-size check is not met: at step 2 s the mean car travel time differs by +{N(diff, ".")} % from the one at step 1 s, more than the 3 % allowed.";
        var markdown = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains(english, markdown, StringComparison.Ordinal);
        Assert.Contains($"| {N(travel, ".")} / {N(travelHalf, ".")} (+{N(diff, ".")} %): criterion NOT met | within 3 % of half the step", markdown, StringComparison.Ordinal);
        // Said first in the appendix, before the table.
        var appendix = markdown[markdown.IndexOf("## Appendix: validation on this scenario", StringComparison.Ordinal)..];
        Assert.True(appendix.IndexOf(english, StringComparison.Ordinal) < appendix.IndexOf("| Quantity |", StringComparison.Ordinal));

        Assert.Contains(english, WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir, "report.html"))), StringComparison.Ordinal);
        var pdf = Path.Combine(dir, "report.pdf");
        Assert.True(File.Exists(pdf), "report.pdf not printed: " + run.Out + run.Error);
        var printed = Spaces().Replace(PdfText(pdf), " ");
        Assert.Contains($"check is not met: at step 2 s the mean car travel time differs by +{N(diff, ".")} % from the one at step 1 s", printed, StringComparison.Ordinal);
        Assert.Contains("criterion NOT met", printed, StringComparison.Ordinal);

        var french = File.ReadAllText(ReportWriter.Write(dir, "fr").MarkdownPath);
        Assert.Contains($"Le contrôle du pas de temps n'est pas respecté : au pas de 2 s, le temps de parcours moyen des voitures s'écarte de +{N(diff, ",")} % de celui au pas de 1 s, au-delà des 3 % admis.",
            french, StringComparison.Ordinal);
        Assert.Contains($"| {N(travel, ",")} / {N(travelHalf, ",")} (+{N(diff, ",")} %) : critère NON respecté |", french, StringComparison.Ordinal);
    }

    private static string PdfText(string pdf)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { pdf, "-" }) start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start; install poppler-utils, as .ci/run does");
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"pdftotext failed: {p.StandardError.ReadToEnd()}");
        return output;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
