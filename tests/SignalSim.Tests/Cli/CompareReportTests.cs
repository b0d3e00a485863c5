// The console summary of a comparison's new lines: a running-time difference with its interval,
// and, from one replication (no interval), the difference alone and why.
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Statistics;
using SignalSim.Cli.Commands;

namespace SignalSim.Tests.Cli;

public class CompareReportTests
{
    private static string NewLine(PairedDifference diff)
    {
        var row = new LineComparisonRow("bhns", "bhns-charenton", "bus", 6, new MeanEstimate(1, 612.4, null, null, null), 0.12, "77", diff, 0.35);
        var w = new StringWriter();
        CompareReport.WriteNewLines(w, [row]);
        return w.ToString();
    }

    [Fact]
    public void A_difference_from_several_replications_shows_its_interval()
    {
        var text = NewLine(new PairedDifference(5, -17.24, -25.01, -9.47, 0.003));
        Assert.Contains("Δ -17.2 s, 95 % CI -25.0 to -9.5", text);
    }

    [Fact]
    public void A_difference_from_one_replication_says_it_has_no_interval()
    {
        var text = NewLine(new PairedDifference(1, -17.24, null, null, null));
        Assert.Contains("Δ -17.2 s, no interval from one replication", text);
        Assert.DoesNotContain(" to )", text);
    }
}
