// The modes the comparison reports on: the vehicle travel modes of the scenario format, plus
// pedestrians at signalised crossings. Their order is the order of every table.
using SignalSim.Core.Scenario;

namespace SignalSim.Analysis.Metrics;

public enum ReportMode { Car, Bus, Tram, Cycle, Pedestrian }

public static class ReportModes
{
    public static readonly IReadOnlyList<ReportMode> All = Enum.GetValues<ReportMode>();

    public static ReportMode Of(TravelMode mode) => mode switch
    {
        TravelMode.Car => ReportMode.Car,
        TravelMode.Bus => ReportMode.Bus,
        TravelMode.Tram => ReportMode.Tram,
        TravelMode.Cycle => ReportMode.Cycle,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown travel mode"),
    };

    /// <summary>The word used in files: car, bus, tram, cycle, pedestrian.</summary>
    public static string Word(this ReportMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>Plural for prose: cars, buses, trams, cycles, pedestrians.</summary>
    public static string Plural(this ReportMode mode) => mode switch
    {
        ReportMode.Bus => "buses",
        _ => mode.Word() + "s",
    };

    public static bool IsTransit(this ReportMode mode) => mode is ReportMode.Bus or ReportMode.Tram;
}
