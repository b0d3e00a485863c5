// Writes a scenario, as one strategy runs it, as SUMO input: plain network files for netconvert
// (nodes, edges with lane permissions, connections, fixed-time programs), the later plans and
// their switch times (SumoSignalPrograms), demand and lines, bus stops, a netconvert
// configuration, a .sumocfg, and a README listing everything SUMO cannot express. Builds the .net.xml itself when netconvert is on the PATH.
using System.Xml.Linq;
using SignalSim.Core;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using static SignalSim.Analysis.Interop.Sumo.SumoXml;

namespace SignalSim.Analysis.Interop.Sumo;

public static class SumoExporter
{
    /// <summary>
    /// Exports <paramref name="scenario"/> (a validated scenario, the strategy already applied) into
    /// <paramref name="folder"/>, which must exist and be empty or hold a previous export.
    /// </summary>
    public static SumoExportResult Export(ScenarioFile scenario, string strategyId, string folder, bool buildNetwork = true)
    {
        var model = SimulationModelBuilder.Build(scenario);
        var network = SumoNetwork.Build(scenario);
        var programs = SumoSignalPrograms.Build(model, network);
        var stopIds = StopIds(scenario);
        var files = new List<string>();

        void Write(string name, XElement root)
        {
            Save(root, Path.Combine(folder, name));
            files.Add(name);
        }

        Write(SumoExportResult.NodesFileName, Nodes(network));
        Write(SumoExportResult.EdgesFileName, Edges(network));
        Write(SumoExportResult.ConnectionsFileName, Connections(network));
        Write(SumoExportResult.SignalsFileName, Signals(network, programs.StartPrograms));
        var planChanges = programs.Switches.Values.Any(l => l.Count > 0);
        if (planChanges) Write(SumoExportResult.PlanChangesFileName, PlanChanges(programs));
        Write(SumoExportResult.StopsFileName, Stops(scenario, stopIds));
        Write(SumoExportResult.RoutesFileName, SumoDemand.Routes(scenario, model, stopIds));
        Write(SumoExportResult.NetconvertConfigFileName, NetconvertConfig());
        Write(SumoExportResult.ConfigFileName, SumoConfig(scenario, model, planChanges));

        var limitations = SumoLimitations.Find(scenario, model);
        var built = false;
        string? message = null;
        if (buildNetwork)
        {
            var outcome = SumoTools.RunNetconvert(folder);
            built = outcome.Succeeded;
            message = outcome.Message;
            if (built) files.Add(SumoExportResult.NetFileName);
        }
        var result = new SumoExportResult(folder, strategyId, files, limitations, built, message);
        File.WriteAllText(Path.Combine(folder, SumoExportResult.ReadmeFileName), SumoReadme.Text(scenario, result, programs), new System.Text.UTF8Encoding(false));
        return result with { Files = [.. files, SumoExportResult.ReadmeFileName] };
    }

    /// <summary>
    /// The scenario with what the SUMO files leave out switched off (priority, announcements,
    /// clock drift, departure jitter): what to run in SignalSim to compare like with like.
    /// </summary>
    public static ScenarioFile AsExported(ScenarioFile s) => s with
    {
        Centres = s.Centres.Select(c => c with { Priority = null, Forwarding = null, Clock = c.Clock with { DriftSPerHour = 0 } }).ToList(),
        Intersections = s.Intersections.Select(x => x with { Priority = null }).ToList(),
        Lines = s.Lines.Select(l => l with { DepartureJitterS = 0 }).ToList(),
    };

    /// <summary>SUMO bus stop ids: line and stop, since two lines may name their stops alike.</summary>
    private static Dictionary<(string Line, string Stop), string> StopIds(ScenarioFile s)
    {
        var ids = new Dictionary<(string, string), string>();
        foreach (var l in s.Lines)
            foreach (var stop in l.Stops) ids[(l.Id, stop.Id)] = $"{l.Id}.{stop.Id}";
        return ids;
    }

    private static XElement Nodes(SumoNetwork n)
    {
        var root = Root("nodes", "nodes_file.xsd");
        foreach (var node in n.Nodes)
        {
            var e = new XElement("node", new XAttribute("id", node.Id), new XAttribute("x", Num(node.XM)), new XAttribute("y", Num(node.YM)));
            if (node.Signalised) e.Add(new XAttribute("type", "traffic_light"), new XAttribute("tl", node.Id));
            else e.Add(new XAttribute("type", "dead_end")); // traffic enters or leaves; nothing turns here
            root.Add(e);
        }
        return root;
    }

    private static XElement Edges(SumoNetwork n)
    {
        var root = Root("edges", "edges_file.xsd");
        foreach (var edge in n.Edges)
        {
            var e = new XElement("edge",
                new XAttribute("id", edge.Id), new XAttribute("from", edge.From), new XAttribute("to", edge.To),
                new XAttribute("numLanes", Int(edge.Lanes.Count)), new XAttribute("speed", Precise(Math.Round(edge.SpeedMps, 4))),
                // The scenario's length is stop line to stop line; SUMO keeps it whatever the drawing.
                new XAttribute("length", Num(edge.LengthM)));
            if (edge.Shape is { } shape) e.Add(new XAttribute("shape", string.Join(' ', shape.Select(p => $"{Num(p.X)},{Num(p.Y)}"))));
            for (var k = 0; k < edge.Lanes.Count; k++)
                e.Add(new XElement("lane", new XAttribute("index", Int(k)), new XAttribute("allow", string.Join(' ', SumoNetwork.AllowedClasses(edge.Lanes[k])))));
            root.Add(e);
        }
        return root;
    }

    private static XElement Connections(SumoNetwork n)
    {
        var root = Root("connections", "connections_file.xsd");
        foreach (var c in n.Connections)
            root.Add(new XElement("connection", new XAttribute("from", c.From), new XAttribute("to", c.To),
                new XAttribute("fromLane", Int(c.FromLane)), new XAttribute("toLane", Int(c.ToLane))));
        return root;
    }

    private static XElement Signals(SumoNetwork n, IEnumerable<SumoProgram> programs)
    {
        var root = Root("tlLogics", "tllogic_file.xsd");
        foreach (var p in programs) root.Add(Logic(p));
        foreach (var c in n.Connections)
            root.Add(new XElement("connection", new XAttribute("from", c.From), new XAttribute("to", c.To),
                new XAttribute("fromLane", Int(c.FromLane)), new XAttribute("toLane", Int(c.ToLane)),
                new XAttribute("tl", c.Intersection), new XAttribute("linkIndex", Int(c.LinkIndex))));
        return root;
    }

    private static XElement Logic(SumoProgram p)
    {
        var logic = new XElement("tlLogic", new XAttribute("id", p.Intersection), new XAttribute("type", "static"),
            new XAttribute("programID", p.ProgramId), new XAttribute("offset", Num(SimTime.ToSeconds(p.OffsetTicks))));
        foreach (var phase in p.Phases)
            logic.Add(new XElement("phase", new XAttribute("duration", Num(SimTime.ToSeconds(phase.DurationTicks))), new XAttribute("state", phase.State)));
        return logic;
    }

    /// <summary>The later plans' programs and, per intersection, a WAUT switching them at SignalSim's times (immediate switches).</summary>
    private static XElement PlanChanges(SumoSignalSchedule schedule)
    {
        var root = Root("additional", "additional_file.xsd");
        foreach (var p in schedule.LaterPrograms) root.Add(Logic(p));
        foreach (var start in schedule.StartPrograms)
        {
            var switches = schedule.Switches[start.Intersection];
            if (switches.Count == 0) continue;
            var id = $"plans-{start.Intersection}";
            var waut = new XElement("WAUT", new XAttribute("refTime", "0"), new XAttribute("id", id), new XAttribute("startProg", start.ProgramId));
            foreach (var sw in switches) waut.Add(new XElement("wautSwitch", new XAttribute("time", Num(SimTime.ToSeconds(sw.AtTicks))), new XAttribute("to", sw.ProgramId)));
            root.Add(waut);
            root.Add(new XElement("wautJunction", new XAttribute("wautID", id), new XAttribute("junctionID", start.Intersection)));
        }
        return root;
    }

    private static XElement Stops(ScenarioFile s, IReadOnlyDictionary<(string Line, string Stop), string> stopIds)
    {
        var root = Root("additional", "additional_file.xsd");
        var links = s.Links.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var classes = VehicleClassDefaults.Resolve(s.VehicleClasses).ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var l in s.Lines)
        {
            var vehicle = classes[l.VehicleClass];
            foreach (var stop in l.Stops)
            {
                var link = links[stop.Link];
                var lane = StopLane(SumoNetwork.LaneKindsOf(link), vehicle.Mode);
                var endPos = Math.Min(stop.PositionM, link.LengthM);
                var startPos = Math.Max(0, endPos - Math.Max(vehicle.LengthM, 10));
                root.Add(new XElement("busStop", new XAttribute("id", stopIds[(l.Id, stop.Id)]), new XAttribute("name", stop.Id),
                    new XAttribute("lane", $"{stop.Link}_{lane}"), new XAttribute("startPos", Num(startPos)), new XAttribute("endPos", Num(endPos)),
                    new XAttribute("lines", l.Id), new XAttribute("friendlyPos", "true")));
            }
        }
        return root;
    }

    /// <summary>The lane a line stops in: its own kind of lane (bus lane, tram track) when the link has one, else the rightmost it may use.</summary>
    internal static int StopLane(IReadOnlyList<LaneKind> lanes, TravelMode mode)
    {
        var own = mode switch { TravelMode.Bus => LaneKind.Bus, TravelMode.Tram => LaneKind.Tram, _ => LaneKind.General };
        for (var k = 0; k < lanes.Count; k++) if (lanes[k] == own) return k;
        var vClass = SumoNetwork.VehicleClass(mode);
        for (var k = 0; k < lanes.Count; k++) if (SumoNetwork.AllowedClasses(lanes[k]).Contains(vClass)) return k;
        return 0;
    }

    private static XElement NetconvertConfig() =>
        new("configuration",
            new XElement("input",
                new XElement("node-files", new XAttribute("value", SumoExportResult.NodesFileName)),
                new XElement("edge-files", new XAttribute("value", SumoExportResult.EdgesFileName)),
                new XElement("connection-files", new XAttribute("value", SumoExportResult.ConnectionsFileName)),
                new XElement("tllogic-files", new XAttribute("value", SumoExportResult.SignalsFileName))),
            new XElement("output", new XElement("output-file", new XAttribute("value", SumoExportResult.NetFileName))),
            new XElement("processing",
                // SignalSim's intersection box has no length: vehicles pass from stop line to next link.
                new XElement("no-internal-links", new XAttribute("value", "true")),
                new XElement("no-turnarounds", new XAttribute("value", "true")),
                new XElement("offset.disable-normalization", new XAttribute("value", "true"))),
            new XElement("junctions", new XElement("junctions.join", new XAttribute("value", "false"))),
            new XElement("report", new XElement("no-warnings", new XAttribute("value", "false"))));

    private static XElement SumoConfig(ScenarioFile s, SimulationModel model, bool planChanges) =>
        new("configuration",
            new XElement("input",
                new XElement("net-file", new XAttribute("value", SumoExportResult.NetFileName)),
                new XElement("route-files", new XAttribute("value", SumoExportResult.RoutesFileName)),
                new XElement("additional-files", new XAttribute("value",
                    planChanges ? $"{SumoExportResult.StopsFileName},{SumoExportResult.PlanChangesFileName}" : SumoExportResult.StopsFileName))),
            new XElement("time",
                new XElement("begin", new XAttribute("value", "0")),
                new XElement("end", new XAttribute("value", Num(SimTime.ToSeconds(model.EndTicks)))),
                new XElement("step-length", new XAttribute("value", Num(SimTime.ToSeconds(model.StepTicks))))),
            new XElement("processing",
                // SignalSim never removes a stuck vehicle; neither should SUMO.
                new XElement("time-to-teleport", new XAttribute("value", "-1")),
                // Without internal links, two vehicles entering one lane from two movements in the
                // same step overlap for a moment, as SignalSim's nose-to-tail entry; SUMO would
                // otherwise remove one of them as a collision.
                new XElement("collision.action", new XAttribute("value", "none"))),
            new XElement("random_number", new XElement("seed", new XAttribute("value", Int((long)(s.Simulation.Seed % int.MaxValue))))));
}
