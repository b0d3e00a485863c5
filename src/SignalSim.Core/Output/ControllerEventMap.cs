// How a run's controllers appear in the Indiana hi-resolution event log: the phase number of
// each signal group (declared in the scenario, or assigned in group order from the lowest free
// number), the channel of each detector, the pattern number of each plan. Written beside the log
// as controller_events_map.csv, so a reader of the log can tell which phase is which group and
// where each detector lies (link, lane, distance from the stop line, length).
using SignalSim.Core.Model;

namespace SignalSim.Core.Output;

public sealed class ControllerEventMap
{
    public const string FileName = "controller_events_map.csv";

    public static readonly string[] Columns = ["signal_id", "kind", "number", "name", "type", "link", "lane", "position_m", "length_m"];

    private ControllerEventMap(int[] groupPhase, int[] detectorIntersection, int[] detectorChannel)
    {
        GroupPhase = groupPhase;
        DetectorIntersection = detectorIntersection;
        DetectorChannel = detectorChannel;
    }

    /// <summary>Phase number of each signal group, indexed like the model's groups.</summary>
    public int[] GroupPhase { get; }

    /// <summary>Intersection of each detector, in the engine's detector numbering.</summary>
    public int[] DetectorIntersection { get; }

    public int[] DetectorChannel { get; }

    public static ControllerEventMap Of(SimulationModel m)
    {
        var phases = new int[m.GroupCount];
        var detectorIntersection = new List<int>();
        var channels = new List<int>();
        for (var i = 0; i < m.Controllers.Length; i++)
        {
            var c = m.Controllers[i];
            var spec = m.Scenario.Intersections[i];
            var taken = spec.SignalGroups.Where(g => g.Phase is not null).Select(g => g.Phase!.Value).ToHashSet();
            var next = 1;
            for (var g = 0; g < c.GroupCount; g++)
            {
                if (spec.SignalGroups[g].Phase is { } declared)
                {
                    phases[c.FirstGroup + g] = declared;
                    continue;
                }
                while (taken.Contains(next)) next++;
                phases[c.FirstGroup + g] = next;
                taken.Add(next);
            }
            foreach (var d in spec.Detectors)
            {
                detectorIntersection.Add(i);
                channels.Add(d.Channel);
            }
        }
        return new ControllerEventMap(phases, detectorIntersection.ToArray(), channels.ToArray());
    }

    /// <summary>Pattern number of a plan in the event log: its 1-based place in the centre's plan list.</summary>
    public static int PatternNumber(SimulationModel m, int intersection, int planSlot) => planSlot + 1;

    public void Write(SimulationModel m, TextWriter writer)
    {
        var csv = new CsvTable(writer);
        csv.Header(Columns);
        for (var i = 0; i < m.Controllers.Length; i++)
        {
            var c = m.Controllers[i];
            var spec = m.Scenario.Intersections[i];
            for (var g = 0; g < c.GroupCount; g++)
                Row(csv, c.IntersectionId, "phase", GroupPhase[c.FirstGroup + g], c.GroupIds[g], InvariantText.Word(spec.SignalGroups[g].Kind));
            foreach (var d in spec.Detectors)
                Row(csv, c.IntersectionId, "detector", d.Channel, d.Id, InvariantText.Kebab(d.Kind),
                    d.Link, InvariantText.Integer(d.Lane), InvariantText.Fixed(d.PositionM, 2), InvariantText.Fixed(d.LengthM, 2));
            for (var slot = 0; slot < c.PlansBySlot.Length; slot++)
                Row(csv, c.IntersectionId, "plan", PatternNumber(m, i, slot), c.PlansBySlot[slot].Name, "fixed-time");
        }
    }

    private static void Row(CsvTable csv, string signal, string kind, int number, string name, string type,
        string link = "", string lane = "", string positionM = "", string lengthM = "")
    {
        csv.Text(signal);
        csv.Field(kind);
        csv.Field(InvariantText.Integer(number));
        csv.Text(name);
        csv.Field(type);
        csv.Text(link);
        csv.Field(lane);
        csv.Field(positionM);
        csv.Field(lengthM);
        csv.EndRow();
    }
}
