// Priority settings of one intersection for one mode, resolved (intersection over centre) and in ticks.
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Model;

public sealed record PriorityRules(
    TravelMode Mode,
    bool AllowExtension,
    bool AllowEarlyGreen,
    long MaxExtensionTicks,
    long MaxEarlyGreenTicks,
    double CheckInDistanceM,
    long RequestExpiryTicks,
    double? MinLatenessS,
    int RecoveryCycles,
    string? InsertionPlan = null,
    double? CheckInTimeS = null)
{
    /// <summary>Where a vehicle at a free speed checks in: the time-based point when one is given, else the distance.</summary>
    public double CheckInDistanceAt(double freeSpeedMps) => CheckInTimeS is { } t ? t * freeSpeedMps : CheckInDistanceM;

    public static PriorityRules? ForBus(BusPrioritySpec? spec) => spec is null || spec.Action == BusPriorityAction.None ? null : new(
        TravelMode.Bus,
        spec.Action is BusPriorityAction.Extension or BusPriorityAction.ExtensionAndEarlyGreen,
        spec.Action is BusPriorityAction.EarlyGreen or BusPriorityAction.ExtensionAndEarlyGreen,
        SimTime.FromSeconds(spec.MaxExtensionS),
        SimTime.FromSeconds(spec.MaxEarlyGreenS),
        spec.CheckInDistanceM,
        SimTime.FromSeconds(spec.RequestExpiryS),
        spec.MinLatenessS,
        spec.RecoveryCycles,
        spec.InsertionPlan,
        spec.CheckInTimeS);

    public static PriorityRules? ForTram(TramPrioritySpec? spec) => spec is null ? null : new(
        TravelMode.Tram,
        true,
        true,
        // Relative priority: the scenario's relative caps also apply.
        SimTime.FromSeconds(spec.Absolute ? spec.MaxExtensionS : Math.Min(spec.MaxExtensionS, spec.RelativeMaxExtensionS)),
        SimTime.FromSeconds(spec.Absolute ? spec.MaxEarlyGreenS : Math.Min(spec.MaxEarlyGreenS, spec.RelativeMaxEarlyGreenS)),
        spec.CheckInDistanceM,
        SimTime.FromSeconds(spec.RequestExpiryS),
        null,
        spec.RecoveryCycles,
        CheckInTimeS: spec.CheckInTimeS);
}

/// <summary>A centre's forwarding of priority vehicles to the next centre.</summary>
public sealed record ForwardingRules(bool Enabled, long LatencyTicks, double LossProbability);
