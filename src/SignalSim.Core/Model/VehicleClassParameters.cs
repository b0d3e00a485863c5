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
        // A class with a range of desired speeds draws them directly; the others scale the limit.
        SpeedFactorSd = spec.MinSpeedKmh is { } min && min < spec.MaxSpeedKmh ? 0 : spec.SpeedFactorSd;
        MaxDecelerationMps2 = spec.MaxDecelerationMps2;
        DiscretionaryLaneChanges = spec.DiscretionaryLaneChanges;
        Politeness = spec.LaneChangePoliteness;
        LaneChangeThresholdMps2 = spec.LaneChangeThresholdMps2;
        SafeDecelerationMps2 = spec.LaneChangeSafeDecelerationMps2;
        CriticalGapTicks = SimTime.FromSeconds(spec.CriticalGapS);
        FollowUpTicks = SimTime.FromSeconds(spec.FollowUpTimeS);
        PedestrianGapTicks = SimTime.FromSeconds(spec.PedestrianGapS);
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

    /// <summary>Standard deviation of the desired-speed factor (0: every driver at the limit).</summary>
    public double SpeedFactorSd { get; }

    /// <summary>Strongest deceleration in normal driving; demands beyond it are hard braking.</summary>
    public double MaxDecelerationMps2 { get; }

    public bool DiscretionaryLaneChanges { get; }

    /// <summary>MOBIL politeness p, threshold Δa_th and safe deceleration b_safe.</summary>
    public double Politeness { get; }
    public double LaneChangeThresholdMps2 { get; }
    public double SafeDecelerationMps2 { get; }

    /// <summary>Gap acceptance: critical gap t_c and follow-up time t_f against opposing vehicles; free time needed on a crosswalk.</summary>
    public long CriticalGapTicks { get; }
    public long FollowUpTicks { get; }
    public long PedestrianGapTicks { get; }
}
