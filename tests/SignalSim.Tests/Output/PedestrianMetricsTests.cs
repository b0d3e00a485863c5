// Pedestrian waiting figures and the percentile definition behind them, on hand-made samples.
using MathNet.Numerics.Statistics;
using SignalSim.Core.Output;

namespace SignalSim.Tests.Output;

public sealed class PedestrianMetricsTests
{
    [Fact]
    public void Summary_GivesCountMeanP95AndShareOfLongWaits()
    {
        // Waits 0, 5, 10, 65, 90 s: mean 170 / 5 = 34; p95 at rank (5 − 1) × 0.95 = 3.8, between
        // 65 and 90: 65 + 0.8 × 25 = 85; two of five waited more than 60 s.
        var s = PedestrianMetrics.Summarise([65, 0, 90, 5, 10]);
        Assert.Equal(5, s.Crossed);
        Assert.Equal(34, s.MeanWaitS!.Value, 12);
        Assert.Equal(85, s.P95WaitS!.Value, 12);
        Assert.Equal(0.4, s.ShareWaitingOver60S!.Value, 12);
    }

    [Fact]
    public void AWaitOfExactlySixtySeconds_IsNotLong() =>
        Assert.Equal(0.5, PedestrianMetrics.Summarise([60, 61]).ShareWaitingOver60S);

    [Fact]
    public void NobodyCrossing_GivesNullFigures() =>
        Assert.Equal(new WaitSummary(0, null, null, null), PedestrianMetrics.Summarise([]));

    [Fact]
    public void Percentiles_AreType7_NotMathNetsDefaultR8()
    {
        // Type 7 on 1, 2, 3, 4 at q = 0.9: rank 3 × 0.9 = 2.7, so 3 + 0.7 × (4 − 3) = 3.7.
        // MathNet's Statistics.Quantile (R8) puts the same quantile at the maximum, 4.
        Assert.Equal(3.7, SampleStatistics.Percentile([1, 2, 3, 4], 0.9), 12);
        Assert.Equal(4, Statistics.Quantile([1.0, 2, 3, 4], 0.9), 12);
    }
}
