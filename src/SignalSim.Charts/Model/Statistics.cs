// The few statistics the charts draw: quantiles (linear between order statistics, as the run
// summary computes them) and Tukey box-plot whiskers.
namespace SignalSim.Charts.Model;

internal static class Statistics
{
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) return double.NaN;
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Quartiles, median and whiskers at the furthest values within 1.5 IQR of the box.</summary>
    public static (double Q1, double Median, double Q3, double Low, double High) Box(IReadOnlyList<double> sorted)
    {
        var q1 = Quantile(sorted, 0.25);
        var q3 = Quantile(sorted, 0.75);
        var iqr = q3 - q1;
        var low = sorted.Where(v => v >= q1 - 1.5 * iqr).DefaultIfEmpty(q1).Min();
        var high = sorted.Where(v => v <= q3 + 1.5 * iqr).DefaultIfEmpty(q3).Max();
        return (q1, Quantile(sorted, 0.5), q3, low, high);
    }
}
