// Time spent in the system over the measured period, per vehicle class: the count of vehicles in
// the network and of those waiting to enter, integrated over the steps of the measured period,
// plus the number of vehicles that arrived in it. Unlike trip figures, these cover every vehicle
// present whether or not it finishes, so a strategy that traps vehicles cannot look better.
namespace SignalSim.Core.Metrics;

public sealed class SystemOccupancy
{
    internal SystemOccupancy(int classCount)
    {
        InNetworkVehicleS = new double[classCount];
        WaitingVehicleS = new double[classCount];
        MeasuredArrivals = new int[classCount];
    }

    /// <summary>Per class: vehicle-seconds spent in the network during the measured period.</summary>
    internal double[] InNetworkVehicleS { get; }

    /// <summary>Per class: vehicle-seconds spent waiting at an entry during the measured period.</summary>
    internal double[] WaitingVehicleS { get; }

    /// <summary>Per class: vehicles that arrived at their entry in the measured period (the measured vehicles).</summary>
    internal int[] MeasuredArrivals { get; }

    public int ClassCount => MeasuredArrivals.Length;

    public double InNetworkVehicleHours(int classIndex) => InNetworkVehicleS[classIndex] / 3600;

    public double WaitingVehicleHours(int classIndex) => WaitingVehicleS[classIndex] / 3600;

    /// <summary>Vehicle-hours in the network and waiting to enter.</summary>
    public double SystemVehicleHours(int classIndex) => (InNetworkVehicleS[classIndex] + WaitingVehicleS[classIndex]) / 3600;

    public int Arrivals(int classIndex) => MeasuredArrivals[classIndex];
}
