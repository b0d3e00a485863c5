// Records of the other modes: pedestrians served at crossings and public-transport stop events.
namespace SignalSim.Core.Metrics;

/// <summary>
/// A measured pedestrian who arrived at a crossing and started to cross when the walk signal
/// allowed; unfinished (Finished false) when still waiting at the end of the run, StartTicks then
/// being that end, so WaitS is the wait so far.
/// </summary>
public readonly record struct PedestrianRecord(int Crossing, bool Backward, long ArrivalTicks, long StartTicks, bool Finished = true)
{
    public double WaitS => SimTime.ToSeconds(StartTicks - ArrivalTicks);
}

/// <summary>A bus or tram serving a stop.</summary>
public readonly record struct StopEvent(int VehicleId, int Line, int Stop, long ArriveTicks, long DepartTicks, int Passengers, double LatenessS);
