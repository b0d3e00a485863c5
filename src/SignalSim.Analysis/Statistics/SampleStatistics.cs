// Statistics across replications: the mean with its 95 % Student t interval, the paired
// difference between two strategies run on the same seeds, and percentiles of one run's trips.
// Replications are independent and their means close to normal (central limit), which is what
// the t interval assumes; pairing removes the arrival noise common to both strategies.
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace SignalSim.Analysis.Statistics;

/// <summary>Mean of a sample with its 95 % confidence interval; the interval is null below two values.</summary>
public sealed record MeanEstimate(int Count, double Mean, double? StandardDeviation, double? Ci95Low, double? Ci95High);

/// <summary>
/// Mean of the per-replication differences (strategy minus baseline) with its 95 % interval, the
/// two-sided p-value of the paired t test, and whether the interval excludes zero.
/// </summary>
public sealed record PairedDifference(int Count, double Mean, double? Ci95Low, double? Ci95High, double? PValue)
{
    public bool Significant => Ci95Low is { } low && Ci95High is { } high && (low > 0 || high < 0);
}

public static class SampleStatistics
{
    public const double ConfidenceLevel = 0.95;

    /// <summary>Two-sided critical value of Student's t with the given degrees of freedom.</summary>
    public static double TCritical(int degreesOfFreedom) =>
        StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - (1 - ConfidenceLevel) / 2);

    public static MeanEstimate Mean(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("no values", nameof(values));
        var mean = values.Mean();
        if (values.Count < 2) return new MeanEstimate(values.Count, mean, null, null, null);
        var sd = values.StandardDeviation(); // sample standard deviation (n − 1)
        var half = TCritical(values.Count - 1) * sd / Math.Sqrt(values.Count);
        return new MeanEstimate(values.Count, mean, sd, mean - half, mean + half);
    }

    /// <summary>Paired difference a − b over values of the same replications, in the same order.</summary>
    public static PairedDifference Paired(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count) throw new ArgumentException("paired samples must have the same length", nameof(b));
        if (a.Count == 0) throw new ArgumentException("no values", nameof(a));
        var d = new double[a.Count];
        for (var i = 0; i < d.Length; i++) d[i] = a[i] - b[i];
        var mean = d.Mean();
        if (d.Length < 2) return new PairedDifference(d.Length, mean, null, null, null);
        var sd = d.StandardDeviation();
        if (sd == 0)
        {
            // Every replication moved by exactly the same amount: no sampling spread at all.
            return new PairedDifference(d.Length, mean, mean, mean, mean == 0 ? 1.0 : 0.0);
        }
        var se = sd / Math.Sqrt(d.Length);
        var half = TCritical(d.Length - 1) * se;
        var p = 2 * (1 - StudentT.CDF(0, 1, d.Length - 1, Math.Abs(mean / se)));
        return new PairedDifference(d.Length, mean, mean - half, mean + half, p);
    }

    /// <summary>
    /// Percentile of sorted values, q in [0, 1], by linear interpolation between order statistics
    /// (R type 7, as in the run summary and spreadsheets).
    /// </summary>
    public static double Percentile(double[] sorted, double q) => Core.Output.SampleStatistics.Percentile(sorted, q);
}
