// Documented default vehicle classes. Car IDM values follow the urban ranges of DESIGN.md §3
// (T 1.0–1.5 s, s0 2 m, a 1.0–1.5 m/s², b 1.5–2 m/s²) and were checked to give a queue
// discharge of about 1,800–1,950 veh/h/lane (see the saturation-flow validation test).
namespace SignalSim.Core.Scenario;

public static class VehicleClassDefaults
{
    public static VehicleClassSpec Car { get; } = new()
    {
        Id = "car",
        Mode = TravelMode.Car,
        LengthM = 4.5,
        MaxSpeedKmh = 70,
        AccelerationMps2 = 1.5,
        ComfortableDecelerationMps2 = 2.0,
        TimeHeadwayS = 1.0,
        MinGapM = 2.0,
        Occupancy = 1.3,
        SpeedFactorSd = 0.1,
        MaxDecelerationMps2 = 4.5,
    };

    /// <summary>Standard 12 m city bus; gentler acceleration and braking for standing passengers.</summary>
    public static VehicleClassSpec Bus { get; } = new()
    {
        Id = "bus",
        Mode = TravelMode.Bus,
        LengthM = 12,
        MaxSpeedKmh = 50,
        AccelerationMps2 = 1.0,
        ComfortableDecelerationMps2 = 1.5,
        TimeHeadwayS = 1.5,
        MinGapM = 2.0,
        Occupancy = 50,
        SpeedFactorSd = 0.05,
        MaxDecelerationMps2 = 4.0,
        // Buses keep their lane; they change only to reach their movement's lanes or a stop.
        DiscretionaryLaneChanges = false,
    };

    /// <summary>Citadis 402 as on the T3a (about 44 m, about 304 passengers at capacity; 200 on average assumed).</summary>
    public static VehicleClassSpec Tram { get; } = new()
    {
        Id = "tram",
        Mode = TravelMode.Tram,
        LengthM = 44,
        MaxSpeedKmh = 50,
        AccelerationMps2 = 1.1,
        ComfortableDecelerationMps2 = 1.3,
        TimeHeadwayS = 2.0,
        MinGapM = 5.0,
        Occupancy = 200,
        // Trams run to their timetable on their own track.
        SpeedFactorSd = 0,
        MaxDecelerationMps2 = 3.0,
        DiscretionaryLaneChanges = false,
    };

    /// <summary>Urban cycle: desired speeds 13–21 km/h as observed in Paris.</summary>
    public static VehicleClassSpec Cycle { get; } = new()
    {
        Id = "cycle",
        Mode = TravelMode.Cycle,
        LengthM = 1.8,
        MinSpeedKmh = 13,
        MaxSpeedKmh = 21,
        AccelerationMps2 = 1.0,
        ComfortableDecelerationMps2 = 1.5,
        TimeHeadwayS = 1.0,
        MinGapM = 1.0,
        Occupancy = 1,
        MaxDecelerationMps2 = 3.0,
        // Cycles keep to the right (or to their track) rather than weave.
        DiscretionaryLaneChanges = false,
    };

    /// <summary>The classes every scenario has unless it defines a class of the same id.</summary>
    public static IReadOnlyList<VehicleClassSpec> All { get; } = [Car, Bus, Tram, Cycle];

    /// <summary>The scenario's classes plus any default class it does not redefine, defaults first.</summary>
    public static List<VehicleClassSpec> Resolve(IReadOnlyList<VehicleClassSpec> defined)
    {
        var result = All.Where(d => !defined.Any(c => c.Id == d.Id)).ToList();
        result.AddRange(defined);
        return result;
    }
}
