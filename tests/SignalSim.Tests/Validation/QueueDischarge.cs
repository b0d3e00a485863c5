// Measures how a saturated approach discharges at the stop line: saturation flow from the
// headways after the first four vehicles of each green (the HCM method), and the number of
// vehicles served per cycle, from which the effective green follows (g = N / s).
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Validation;

internal sealed record QueueDischarge(double SaturationFlowVehPerHour, double VehiclesPerCycle, double StartUpLostTimeS)
{
    public double SaturationHeadwayS => 3600 / SaturationFlowVehPerHour;

    /// <summary>Effective green: the time at saturation flow that serves what one cycle serves.</summary>
    public double EffectiveGreenS => VehiclesPerCycle * SaturationHeadwayS;

    public double EffectiveRedS => IsolatedIntersection.CycleS - EffectiveGreenS;

    private static readonly Lazy<QueueDischarge> Cached = new(Measure);

    public static QueueDischarge OfShippedIntersection => Cached.Value;

    /// <summary>Oversaturates the main approach so that every green discharges a standing queue.</summary>
    private static QueueDischarge Measure()
    {
        var scenario = IsolatedIntersection.With(mainFlowVehPerHour: 1500, sideFlowVehPerHour: 300, ArrivalProcess.Uniform, durationS: 3600, warmupS: 900);
        var result = IsolatedIntersection.Run(scenario, seed: 7);
        var crossings = IsolatedIntersection.MainCrossings(result);
        var cycle = IsolatedIntersection.CycleS;
        var byCycle = crossings.GroupBy(c => (int)Math.Floor(c.TimeS / cycle)).OrderBy(g => g.Key).ToList();
        // Whole cycles only: drop the first and last, which the measured period cuts.
        var full = byCycle.Skip(1).SkipLast(1).Select(g => g.Select(c => c.TimeS).Order().ToArray()).ToList();
        var saturatedHeadways = new List<double>();
        var lost = new List<double>();
        foreach (var times in full)
        {
            for (var i = 5; i < times.Length; i++) saturatedHeadways.Add(times[i] - times[i - 1]);
        }
        var h = saturatedHeadways.Average();
        foreach (var times in full)
        {
            // Start-up lost time (HCM): t4 = l1 + 4h, with t4 measured from the start of green.
            var greenStart = Math.Floor(times[0] / cycle) * cycle;
            lost.Add(times[3] - greenStart - 4 * h);
        }
        return new QueueDischarge(3600 / h, full.Average(t => t.Length), lost.Average());
    }
}
