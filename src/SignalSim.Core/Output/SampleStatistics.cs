// Sample statistics shared by the summaries. Percentiles use MathNet.Numerics'
// QuantileDefinition.R7 (Hyndman & Fan type 7: linear interpolation between the order statistics
// around rank (n − 1)q; Excel's PERCENTILE.INC, NumPy's and R's default). MathNet's plain
// Percentile/Quantile use R8 instead, which differs on small samples, so they are not used here.
// Standard deviations are sample ones (n − 1 denominator), MathNet's StandardDeviation.
using MathNet.Numerics.Statistics;

namespace SignalSim.Core.Output;

internal static class SampleStatistics
{
    /// <summary>The q-quantile (q in [0, 1]) of values sorted ascending, type 7.</summary>
    public static double Percentile(double[] sorted, double q)
    {
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(sorted));
        return SortedArrayStatistics.QuantileCustom(sorted, q, QuantileDefinition.R7);
    }

    /// <summary>The q-quantile of unsorted values, or null without values.</summary>
    public static double? PercentileOrNull(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? null : Percentile(sorted, q);
    }

    public static double? MeanOrNull(IEnumerable<double> values)
    {
        var sum = 0.0;
        var n = 0;
        foreach (var v in values)
        {
            sum += v;
            n++;
        }
        return n == 0 ? null : sum / n;
    }

    /// <summary>Sample standard deviation over the mean; null with fewer than two values or a mean that is not positive.</summary>
    public static double? CoefficientOfVariation(IReadOnlyCollection<double> values)
    {
        if (values.Count < 2) return null;
        var (mean, sd) = values.MeanStandardDeviation();
        return mean > 0 ? sd / mean : null;
    }
}
