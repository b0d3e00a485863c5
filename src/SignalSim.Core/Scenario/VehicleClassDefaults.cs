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
    };
}
