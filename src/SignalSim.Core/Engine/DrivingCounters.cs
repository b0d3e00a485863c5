// How the drivers of a run drove, counted over the whole run: lane changes (and the mandatory
// ones that came too late), and the hard-braking diagnostic by cause.
namespace SignalSim.Core.Engine;

public sealed record DrivingCounters(
    long MandatoryLaneChanges,
    long DiscretionaryLaneChanges,
    long MandatoryLaneChangesNeeded,
    long MandatoryLaneChangesMissed,
    IReadOnlyList<long> HardBrakingStepsByCause)
{
    /// <summary>Hard-braking vehicle-steps of every cause but the amber stop/go decision at a signal.</summary>
    public long HardBrakingOutsideAmberDecision
    {
        get
        {
            var total = 0L;
            for (var c = 0; c < HardBrakingStepsByCause.Count; c++)
            {
                if ((BrakingCause)c != BrakingCause.Signal) total += HardBrakingStepsByCause[c];
            }
            return total;
        }
    }
}
