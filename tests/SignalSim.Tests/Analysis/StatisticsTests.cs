// The statistics of the comparison against numbers computed by hand: means, sample standard
// deviations, Student t intervals (t from printed tables), type-7 percentiles and paired
// differences with their intervals, significance and p-values.
using SignalSim.Analysis.Statistics;

namespace SignalSim.Tests.Analysis;

public class StatisticsTests
{
    private const double Tolerance = 2e-6; // hand-computed figures carry six decimals

    [Theory]
    [InlineData(3, 3.182446)]
    [InlineData(4, 2.776445)]
    [InlineData(7, 2.364624)]
    [InlineData(19, 2.093024)]
    public void Critical_t_values_match_the_tables(int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, SampleStatistics.TCritical(degreesOfFreedom), Tolerance);

    [Fact]
    public void Mean_and_its_t_interval()
    {
        // Sample 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32,
        // sd = √(32/7) = 2.138090, half-width = 2.364624 × 2.138090 / √8 = 1.787489.
        var e = SampleStatistics.Mean([2, 4, 4, 4, 5, 5, 7, 9]);
        Assert.Equal(8, e.Count);
        Assert.Equal(5, e.Mean, Tolerance);
        Assert.Equal(2.138090, e.StandardDeviation!.Value, Tolerance);
        Assert.Equal(3.212511, e.Ci95Low!.Value, Tolerance);
        Assert.Equal(6.787489, e.Ci95High!.Value, Tolerance);
    }

    [Fact]
    public void One_value_has_a_mean_but_no_interval()
    {
        var e = SampleStatistics.Mean([42.5]);
        Assert.Equal(42.5, e.Mean);
        Assert.Null(e.Ci95Low);
        Assert.Null(e.Ci95High);
    }

    [Theory]
    [InlineData(0.50, 4.5)]  // h = 7 × 0.5 = 3.5: 4 + 0.5 × (5 − 4)
    [InlineData(0.90, 7.6)]  // h = 6.3: 7 + 0.3 × (9 − 7)
    [InlineData(0.95, 8.3)]  // h = 6.65: 7 + 0.65 × 2
    [InlineData(0.00, 2.0)]
    [InlineData(1.00, 9.0)]
    public void Percentiles_interpolate_between_order_statistics(double q, double expected) =>
        Assert.Equal(expected, SampleStatistics.Percentile([2, 4, 4, 4, 5, 5, 7, 9], q), Tolerance);

    [Fact]
    public void A_paired_difference_whose_interval_contains_zero_is_not_significant()
    {
        // d = 1, 1, 0, 2: mean 1, sd = √(2/3) = 0.816497, se = 0.408248, half-width = 3.182446 × se = 1.299228.
        // t = 2.449490 with 3 degrees of freedom: F(t) = ½ + (1/π)(u/(1+u²) + atan u), u = t/√3, so p = 0.091722.
        var d = SampleStatistics.Paired([10, 12, 11, 13], [9, 11, 11, 11]);
        Assert.Equal(4, d.Count);
        Assert.Equal(1, d.Mean, Tolerance);
        Assert.Equal(-0.299228, d.Ci95Low!.Value, Tolerance);
        Assert.Equal(2.299228, d.Ci95High!.Value, Tolerance);
        Assert.Equal(0.091722, d.PValue!.Value, Tolerance);
        Assert.False(d.Significant);
    }

    [Fact]
    public void A_paired_difference_whose_interval_excludes_zero_is_significant()
    {
        // d = 2, 2, 3, 2, 3: mean 2.4, sd = √0.3 = 0.547723, se = 0.244949, half-width = 2.776445 × se = 0.680087.
        var d = SampleStatistics.Paired([5, 6, 7, 8, 9], [3, 4, 4, 6, 6]);
        Assert.Equal(2.4, d.Mean, Tolerance);
        Assert.Equal(1.719913, d.Ci95Low!.Value, Tolerance);
        Assert.Equal(3.080087, d.Ci95High!.Value, Tolerance);
        Assert.True(d.Significant);
        Assert.True(d.PValue < 0.01);
    }

    [Fact]
    public void Pairing_removes_the_noise_both_strategies_share()
    {
        // Large common spread, constant shift: unpaired intervals overlap, the paired one is exact.
        double[] baseline = [100, 140, 90, 160, 120];
        var strategy = baseline.Select(x => x - 3).ToArray();
        var a = SampleStatistics.Mean(strategy);
        var b = SampleStatistics.Mean(baseline);
        Assert.True(a.Ci95High > b.Ci95Low);
        var d = SampleStatistics.Paired(strategy, baseline);
        Assert.Equal(-3, d.Mean, Tolerance);
        Assert.Equal(-3, d.Ci95Low!.Value, Tolerance);
        Assert.Equal(-3, d.Ci95High!.Value, Tolerance);
        Assert.True(d.Significant);
    }

    [Fact]
    public void Identical_samples_differ_by_nothing()
    {
        var d = SampleStatistics.Paired([1, 2, 3], [1, 2, 3]);
        Assert.Equal(0, d.Mean);
        Assert.False(d.Significant);
        Assert.Equal(1, d.PValue);
    }
}
