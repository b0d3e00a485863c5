// compare --period: a window of the day is measured exactly (comparison.json and the strategies'
// scenario.json say so) and a bad window exits with code 2 and a reason; compare's lines.csv
// gives the Charenton high-level-of-service bus's running time and regularity against today's
// 77, 87 and 111 on the same route.
using System.Text.Json;
using SignalSim.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Cli;

public sealed class PeriodAndLinesTests : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string Charenton => CliRunner.ScenarioPath("porte-de-charenton.json");

    [Theory]
    [InlineData("8h-9h", "is not a window of the day")]
    [InlineData("09:00-09:00", "is empty")]
    [InlineData("08:00-09:00", "not inside the period the scenario measures, 08:05 to 09:05")]
    public async Task A_bad_window_exits_with_code_2_and_says_why(string window, string message)
    {
        var run = await CliRunner.RunAsync("compare", Charenton, "--period", window, "--replications", "2", "--no-report", "--out", _tmp["out"]);
        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_tmp["out"]), "nothing is written for a refused window");
    }

    [Fact]
    public async Task Period_and_duration_together_exit_with_code_2()
    {
        var run = await CliRunner.RunAsync("run", Charenton, "--period", "08:10-08:40", "--duration", "600", "--out", _tmp["out"]);
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--period and --duration", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_measures_the_window_and_reports_the_bhns_against_todays_lines()
    {
        var run = await CliRunner.RunAsync("compare", Charenton, "--period", "08:15-08:45", "--strategies", "bhns-charenton-priority",
            "--replications", "3", "--no-report", "--out", _tmp["out"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());

        // The window: 30 minutes measured, its warm-up ending at 08:15.
        using var scenario = JsonDocument.Parse(File.ReadAllText(_tmp["out/status-quo/scenario.json"]));
        var sim = scenario.RootElement.GetProperty("simulation");
        Assert.Equal(1800, sim.GetProperty("duration_s").GetDouble());
        Assert.Equal(8 * 3600 + 15 * 60, sim.GetProperty("start_time_of_day_s").GetDouble() + sim.GetProperty("warmup_s").GetDouble());

        var rows = File.ReadAllLines(_tmp["out/lines.csv"]).Select(l => l.Split(',')).ToList();
        var header = rows[0].ToList();
        var bhns = rows.Single(r => r[0] == "bhns-charenton-priority" && r[1] == "bhns-charenton-outbound");
        Assert.Equal("77-outbound 87-outbound 111-outbound", bhns[header.IndexOf("compared_with")]);
        Assert.True(double.Parse(bhns[header.IndexOf("mean_running_time_s")], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.NotEqual("", bhns[header.IndexOf("diff_running_time_s")]);
        Assert.NotEqual("", bhns[header.IndexOf("headway_cv")]);
        Assert.NotEqual("", bhns[header.IndexOf("compared_headway_cv")]);
        Assert.Contains("new line bhns-charenton-outbound in bhns-charenton-priority", run.Out, StringComparison.Ordinal);
        Assert.Contains("| bhns-charenton-priority | bhns-charenton-to-paris |", File.ReadAllText(_tmp["out/lines.md"]), StringComparison.Ordinal);
    }
}
