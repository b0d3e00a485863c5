// IDM parameters of a vehicle class in SI units, as the step loop reads them.
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Model;

public readonly struct VehicleClassParameters
{
    public VehicleClassParameters(VehicleClassSpec spec)
    {
        Id = spec.Id;
        Mode = spec.Mode;
        LengthM = spec.LengthM;
        MaxSpeedMps = spec.MaxSpeedKmh / 3.6;
        MinSpeedMps = (spec.MinSpeedKmh ?? spec.MaxSpeedKmh) / 3.6;
        AccelerationMps2 = spec.AccelerationMps2;
        ComfortableDecelerationMps2 = spec.ComfortableDecelerationMps2;
        TimeHeadwayS = spec.TimeHeadwayS;
        MinGapM = spec.MinGapM;
        Occupancy = spec.Occupancy;
        TwoSqrtAb = 2 * Math.Sqrt(spec.AccelerationMps2 * spec.ComfortableDecelerationMps2);
    }

    public string Id { get; }
    public TravelMode Mode { get; }
    public double LengthM { get; }
    public double MaxSpeedMps { get; }

    /// <summary>Lowest desired speed; equal to the maximum unless the class draws speeds from a range.</summary>
    public double MinSpeedMps { get; }
    public double AccelerationMps2 { get; }
    public double ComfortableDecelerationMps2 { get; }
    public double TimeHeadwayS { get; }
    public double MinGapM { get; }
    public double Occupancy { get; }

    /// <summary>2√(ab), the IDM's braking-interaction denominator, precomputed.</summary>
    public double TwoSqrtAb { get; }
}
