// What an export to SUMO produced: the files written, and every part of the scenario SUMO
// cannot express (each one also listed in the README written beside the files).
namespace SignalSim.Analysis.Interop.Sumo;

/// <summary>A scenario feature the SUMO files leave out or approximate, and why.</summary>
public sealed record SumoLimitation(string Feature, string Where, string Treatment);

public sealed record SumoExportResult(
    string Folder,
    string StrategyId,
    IReadOnlyList<string> Files,
    IReadOnlyList<SumoLimitation> Limitations,
    bool NetworkBuilt,
    string? NetconvertMessage)
{
    /// <summary>File name (without folder) of the SUMO configuration.</summary>
    public const string ConfigFileName = "scenario.sumocfg";
    public const string NetFileName = "scenario.net.xml";
    public const string NodesFileName = "scenario.nod.xml";
    public const string EdgesFileName = "scenario.edg.xml";
    public const string ConnectionsFileName = "scenario.con.xml";
    public const string SignalsFileName = "scenario.tll.xml";
    public const string RoutesFileName = "scenario.rou.xml";
    public const string StopsFileName = "scenario.stops.add.xml";
    public const string PlanChangesFileName = "scenario.plans.add.xml";
    public const string NetconvertConfigFileName = "scenario.netccfg";
    public const string ReadmeFileName = "README.md";

    /// <summary>Every name an export may write, for the output folder's checks before it starts.</summary>
    public static readonly IReadOnlyList<string> AllFileNames =
    [
        ConfigFileName, NetFileName, NodesFileName, EdgesFileName, ConnectionsFileName, SignalsFileName,
        RoutesFileName, StopsFileName, PlanChangesFileName, NetconvertConfigFileName, ReadmeFileName,
    ];
}
