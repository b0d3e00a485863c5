// Plain records the step loop appends to preallocated lists: completed trips, queue samples
// per approach, and signal state changes.
using SignalSim.Core.Signals;

namespace SignalSim.Core.Metrics;

/// <summary>
/// A measured vehicle's trip. Departure is the arrival at the entry (queueing to enter counts);
/// for a line vehicle ScheduledTicks is its timetable departure, otherwise equal to DepartTicks.
/// An unfinished trip (Finished false) is a vehicle still in the network or waiting at its entry
/// when the run ended: ArriveTicks is the end of the run and FreeFlowS the free-flow time of the
/// distance it covered (0 while waiting at the entry), so DelayS is the delay accumulated so far.
/// </summary>
public readonly record struct TripRecord(int VehicleId, int Route, int ClassIndex, long DepartTicks, long ArriveTicks, double FreeFlowS, int Stops, long ScheduledTicks, bool Finished = true)
{
    public double TravelTimeS => SimTime.ToSeconds(ArriveTicks - DepartTicks);

    /// <summary>Delay against free flow at the free speed (min of class maximum and speed limit) on every link.</summary>
    public double DelayS => TravelTimeS - FreeFlowS;
}

/// <summary>
/// One queue sample of an approach, plus the stop-line crossings since the previous sample.
/// Delay here is measured at the stop line (deceleration and queueing, as in Webster);
/// acceleration beyond the line counts on the next link.
/// </summary>
public readonly record struct QueueSample(long Ticks, int ApproachLink, int QueuedVehicles, double QueueLengthM, int Departures, double DelaySumS);

/// <summary>
/// A vehicle crossing an approach's stop line: the detector record behind delay, headway and
/// arrival-on-green figures. Delay includes any dwell at a stop on the approach (DwellS).
/// </summary>
/// <param name="RedDelayS">The part of the delay lost while the vehicle's signal was red or amber (dwell excluded); the rest of DelayS − DwellS was lost at green, in the queue and the traffic.</param>
public readonly record struct StopLineCrossing(double TimeS, int ApproachLink, int VehicleId, int ClassIndex, int Route, double DelayS, double DwellS, double RedDelayS);

/// <summary>A vehicle's position on its link at a sample time, for time-space diagrams.</summary>
public readonly record struct TrajectorySample(long Ticks, int VehicleId, int ClassIndex, int Link, double PositionM, double SpeedMps);

public readonly record struct SignalChange(long Ticks, int Group, SignalState State);

/// <summary>Totals of one approach over the measured period.</summary>
public sealed class ApproachTotals
{
    public int Departures { get; internal set; }
    public double DelaySumS { get; internal set; }
    public int MaxQueuedVehicles { get; internal set; }
    public double MaxQueueLengthM { get; internal set; }
    public double MeanDelayS => Departures > 0 ? DelaySumS / Departures : 0;
}

/// <summary>A detector of the event log turning on (a vehicle over the loop) or off.</summary>
/// <param name="Detector">Index over every intersection's detectors, in scenario order.</param>
public readonly record struct DetectorEvent(long Ticks, int Detector, bool On);
