// A results folder with a missing or corrupt file: `signalsim report` and `signalsim chart` stop
// with exit code 2 and a message that starts with the path of the file at fault; the note skips
// (and says so) a chart whose optional file is absent.
using SignalSim.Charts.Report;
using SignalSim.Cli;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Charts;

[Collection(ComparisonCollection.Name)]
public sealed class ResultsFolderErrorTests(ComparisonFixture fixture)
{
    [Theory]
    [InlineData("scenario.json")]
    [InlineData("comparison.csv")]
    [InlineData("statu-quo/summary.json")]
    [InlineData("priorite-bus/trips.csv")]
    [InlineData("statu-quo/signals.csv")]
    public async Task MissingFile_IsNamedAndExitsWithInvalidInput(string file)
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        File.Delete(Path.Combine(dir, file));

        var run = await CliRunner.RunAsync("report", dir);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(Path.Combine(dir, file) + ": missing", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, ReportWriter.HtmlFileName)), run.ToString());
    }

    [Theory]
    [InlineData("statu-quo/trips.csv", "1,car,car,choisy-sb,to-rd5-south,choisy-sb,rd5-sb-out,12.000,99.000,abc,3.000,0,yes\n", "line 2: column 'travel_time_s': 'abc' is not a number")]
    [InlineData("statu-quo/signals.csv", "0.000,massena,paris,massena-eb\n", "field(s) where the header has 5")]
    [InlineData("statu-quo/signals.csv", "0.000,massena,paris,massena-eb,blue\n", "'blue' is not one of green, amber, red")]
    [InlineData("comparison.csv", "statu-quo,bus,twelve,1,1,1,1,1,,,\n", "column 'trips': 'twelve' is not a whole number")]
    [InlineData("statu-quo/summary.json", "{ \"scenario\": ", "not valid JSON")]
    [InlineData("scenario.json", "{ \"name\": \"x\" }", "not a valid scenario")]
    public async Task CorruptFile_IsNamedWithTheProblem(string file, string content, string problem)
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        var path = Path.Combine(dir, file);
        if (file.EndsWith(".csv", StringComparison.Ordinal))
        {
            // comparison.csv's row gives its first columns; the others are left empty, as a row must have every column.
            var header = File.ReadLines(path).First();
            var missing = file == "comparison.csv" ? header.Count(c => c == ',') - content.Count(c => c == ',') : 0;
            File.WriteAllText(path, header + "\n" + content.TrimEnd('\n') + new string(',', Math.Max(0, missing)) + "\n");
        }
        else
        {
            File.WriteAllText(path, content);
        }

        var run = await CliRunner.RunAsync("report", dir);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(path + ":", run.Error, StringComparison.Ordinal);
        Assert.Contains(problem, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChartCommand_NamesTheFileItNeeds()
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        File.Delete(Path.Combine(dir, "statu-quo", "trajectories.csv"));

        var run = await CliRunner.RunAsync("chart", "time-space", dir);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(Path.Combine(dir, "statu-quo", "trajectories.csv") + ": missing", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_SkipsAChartWhoseOptionalFileIsAbsent_AndSaysWhy()
    {
        using var temp = new TempDirectory();
        var dir = fixture.CopyTo(temp["results"]);
        File.Delete(Path.Combine(dir, "statu-quo", "trajectories.csv"));

        var run = await CliRunner.RunAsync("report", dir, "--lang", "en", "--no-pdf");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("chart 'time-space' not drawn: statu-quo/trajectories.csv absent", run.Error, StringComparison.Ordinal);
        Assert.Contains("Chart not drawn: statu-quo/trajectories.csv absent", File.ReadAllText(Path.Combine(dir, "report.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--strategy", "nope", "--strategy: no strategy 'nope'")]
    [InlineData("--window", "900-300", "--window: '900-300' is not a time window")]
    [InlineData("--approach", "nowhere", "--approach: no approach 'nowhere'")]
    public async Task BadOption_IsReportedInTheUsersTerms(string option, string value, string message)
    {
        var run = await CliRunner.RunAsync("chart", "queues", fixture.Root, option, value, "--out", Path.Combine(fixture.Root, "bad-option"));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFolder_IsNamed()
    {
        var missing = Path.Combine(fixture.Root, "no-such-folder");
        var run = await CliRunner.RunAsync("report", missing);
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(missing + ": no such results folder", run.Error, StringComparison.Ordinal);
    }
}
