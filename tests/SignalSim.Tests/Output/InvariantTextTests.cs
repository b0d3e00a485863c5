// Formatting rules that keep the files byte-stable and readable by any CSV tool.
using SignalSim.Core.Output;

namespace SignalSim.Tests.Output;

public sealed class InvariantTextTests
{
    [Theory]
    [InlineData(0L, "0.000")]
    [InlineData(1234L, "1.234")]
    [InlineData(600_500L, "600.500")]
    [InlineData(-5L, "-0.005")]
    public void Seconds_AreExactMilliseconds(long ticks, string expected) => Assert.Equal(expected, InvariantText.Seconds(ticks));

    [Theory]
    [InlineData(-0.0001, 3, "0.000")]
    [InlineData(-0.0006, 3, "-0.001")]
    [InlineData(12.3456, 2, "12.35")]
    [InlineData(1e6, 1, "1000000.0")]
    public void Fixed_UsesAPointAndNeverWritesMinusZero(double value, int decimals, string expected) =>
        Assert.Equal(expected, InvariantText.Fixed(value, decimals));

    [Fact]
    public void Round_DropsTheSignOfZero() => Assert.False(double.IsNegative(InvariantText.Round(-0.0001, 3)));

    [Theory]
    [InlineData("west-in", "west-in")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void CsvField_QuotesOnlyWhenNeeded(string value, string expected) => Assert.Equal(expected, InvariantText.CsvField(value));

    [Fact]
    public void Kebab_SplitsWordsAsTheScenarioFilesDo()
    {
        Assert.Equal("early-green", InvariantText.Kebab(SignalSim.Core.Metrics.PriorityAction.EarlyGreen));
        Assert.Equal("not-late-enough", InvariantText.Kebab(SignalSim.Core.Metrics.PriorityReason.NotLateEnough));
        Assert.Equal("requested", InvariantText.Kebab(SignalSim.Core.Metrics.PriorityAction.Requested));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.9, 3.7)]
    [InlineData(1.0, 4.0)]
    public void Percentile_InterpolatesBetweenRanks(double q, double expected) =>
        Assert.Equal(expected, SampleStatistics.Percentile([1.0, 2.0, 3.0, 4.0], q), 9);
}
