// What bound a vehicle's acceleration in a step: the hard-braking diagnostic counts, per cause,
// the vehicle-steps in which a driver had to brake harder than the class's maximum deceleration.
namespace SignalSim.Core.Engine;

public enum BrakingCause : byte
{
    /// <summary>Free road or the vehicle ahead in the lane.</summary>
    Leader,

    /// <summary>A stop line at amber or red: the amber stop/go decision, and followers braking behind a leader that is stopping there.</summary>
    Signal,

    /// <summary>Another approach lane's front vehicle heading for the same exit lane (zip merge).</summary>
    Merge,

    /// <summary>A lane change: the driver's own, one that cut in ahead of it, or the end of a lane it must leave.</summary>
    LaneChange,

    /// <summary>Giving way to pedestrians or opposing vehicles in a permissive turn.</summary>
    Yield,

    /// <summary>A lower speed limit or a turn ahead.</summary>
    Limit,

    /// <summary>A bus or tram stopping at its stop.</summary>
    Stop,

    /// <summary>The exit lane is queued up to its entry: keep the intersection clear.</summary>
    BlockedExit,
}

public static class BrakingCauses
{
    public const int Count = 8;

    /// <summary>Names as written in summary.json.</summary>
    public static string Name(BrakingCause cause) => cause switch
    {
        BrakingCause.Leader => "leader",
        BrakingCause.Signal => "signal",
        BrakingCause.Merge => "merge",
        BrakingCause.LaneChange => "lane_change",
        BrakingCause.Yield => "yield",
        BrakingCause.Limit => "limit",
        BrakingCause.Stop => "stop",
        BrakingCause.BlockedExit => "blocked_exit",
        _ => throw new ArgumentOutOfRangeException(nameof(cause)),
    };
}
