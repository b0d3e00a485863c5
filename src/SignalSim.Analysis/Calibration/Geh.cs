// The GEH statistic of a modelled against a counted hourly flow: √(2 (M − C)² / (M + C)).
// The usual acceptance rule: GEH < 5 on at least 85 % of the count sites.
namespace SignalSim.Analysis.Calibration;

public static class Geh
{
    public const double Threshold = 5;
    public const double RequiredShare = 0.85;

    public static double Of(double modelledVehPerHour, double countedVehPerHour)
    {
        var sum = modelledVehPerHour + countedVehPerHour;
        return sum <= 0 ? 0 : Math.Sqrt(2 * Math.Pow(modelledVehPerHour - countedVehPerHour, 2) / sum);
    }
}
