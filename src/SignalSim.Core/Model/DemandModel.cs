// One demand entry compiled for the arrival generator: flow periods in ticks and the
// cumulative route shares used to draw each vehicle's route.
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Model;

public sealed class DemandModel
{
    public required string Id { get; init; }
    public required int ClassIndex { get; init; }
    public required ArrivalProcess Process { get; init; }
    public required long[] PeriodStartTicks { get; init; }
    public required double[] PeriodFlowVehPerHour { get; init; }

    /// <summary>Route indices, and the cumulative share (ending at 1) of each.</summary>
    public required int[] Routes { get; init; }
    public required double[] CumulativeShares { get; init; }

    public int RouteFor(double uniform01)
    {
        for (var i = 0; i < CumulativeShares.Length - 1; i++)
        {
            if (uniform01 < CumulativeShares[i]) return Routes[i];
        }
        return Routes[^1];
    }
}
