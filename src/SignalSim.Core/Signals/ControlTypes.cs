// The registry of control types, like a traffic-light logic with one base and several programs:
// every intersection runs one controller (SignalController) on its centre's clock, and each of its
// plans carries the program of its scenario `control` type. fixed-time: the windows as given, with
// priority and recovery. actuated: the windows are maximum greens and the stage order; detectors
// and push buttons call, extend and skip groups (SignalController.Actuated.cs). A new type adds a
// value to ControlType, a compiler here and its stage in the controller's update.
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Signals;

public static class ControlTypes
{
    /// <summary>Default passage time when a plan gives none (common practice: 2 to 4 s, 3 s usual).</summary>
    public const double DefaultPassageTimeS = 3.0;

    public static ISignalController Create(ControllerDefinition definition) => new SignalController(definition);

    /// <summary>The program of a plan of intersection <paramref name="x"/>: null for fixed-time.</summary>
    /// <param name="firstDetector">Simulation-wide index of the intersection's first detector.</param>
    /// <param name="crossingIndex">Simulation-wide index of each crossing of the intersection, in its order.</param>
    public static ActuatedProgram? Compile(PlanSpec plan, IntersectionSpec x, int firstDetector, int[] crossingIndex) => plan.Control switch
    {
        ControlType.FixedTime => null,
        ControlType.Actuated => CompileActuated(plan.Actuated ?? new ActuatedSpec(), x, firstDetector, crossingIndex),
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Control, "unknown control type"),
    };

    private static ActuatedProgram CompileActuated(ActuatedSpec a, IntersectionSpec x, int firstDetector, int[] crossingIndex)
    {
        var n = x.SignalGroups.Count;
        var recall = new RecallMode[n];
        var passage = new long[n];
        var coordinated = new bool[n];
        var detectors = new int[n][];
        var crossings = new int[n][];
        for (var g = 0; g < n; g++)
        {
            var id = x.SignalGroups[g].Id;
            detectors[g] = DetectorsCalling(x, id, firstDetector);
            crossings[g] = x.Crossings.Select((c, k) => (c, k)).Where(p => p.c.Group == id).Select(p => crossingIndex[p.k]).ToArray();
            a.Groups.TryGetValue(id, out var spec);
            // A group nothing can call would never be served: without detectors or crossings it keeps its window.
            var callable = detectors[g].Length > 0 || crossings[g].Length > 0;
            recall[g] = spec?.Recall ?? (callable ? RecallMode.None : RecallMode.Maximum);
            passage[g] = SimTime.FromSeconds(spec?.PassageTimeS ?? a.PassageTimeS);
            coordinated[g] = a.CoordinatedGroups.Contains(id);
        }
        return new ActuatedProgram(recall, passage, coordinated, detectors, crossings);
    }

    /// <summary>Detectors on a lane used by a movement of the group (all lanes of the approach when the movement lists none).</summary>
    public static int[] DetectorsCalling(IntersectionSpec x, string group, int firstDetector)
    {
        var result = new List<int>();
        for (var d = 0; d < x.Detectors.Count; d++)
        {
            var det = x.Detectors[d];
            foreach (var m in x.Movements)
            {
                if (m.Group != group || m.From != det.Link) continue;
                if (m.Lanes is { } lanes && !lanes.Contains(det.Lane)) continue;
                result.Add(firstDetector + d);
                break;
            }
        }
        return result.ToArray();
    }
}
