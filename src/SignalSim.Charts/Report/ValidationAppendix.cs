// The note's validation appendix, computed for the note's own scenario from the baseline's
// replication 1 (crossings.csv and signals.csv), as an engineer would measure on street:
//  - the approach: the car approach with the most saturated discharge headways;
//  - saturation flow: headways between cars crossing in a queue discharge (each delayed at least
//    QueuedDelayS), after the first four vehicles per lane of each green (HCM method); a green
//    whose queue discharge holds a bus is left out, since a bus's longer start and headway are a
//    heavy-vehicle effect the car saturation flow and start-up lost time do not include;
//  - start-up lost time l1 = t(4 per lane) − green start − 4 h, and effective green
//    g = G + e − l1 with e = 2 s of amber used (HCM's default extension of effective green);
//  - cycle C and displayed green G measured between the group's green starts in signals.csv;
//  - the D/D/1 and Webster (1958) delays with these measured values and the approach's car flow,
//    against the measured mean stop-line delay of its cars.
// Webster assumes random arrivals; an approach fed by an upstream signal receives platoons, and
// the appendix says which case applies. Nothing is computed when no green saturates.
// The step-size check (the baseline at the study's step against half the step) is read from
// step_check.csv, which `compare` writes with the note (see StepSizeCheck).
using SignalSim.Analysis.Comparison;
using SignalSim.Charts.Results;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;

namespace SignalSim.Charts.Report;

public sealed record ValidationAppendix(
    string Intersection, string Approach, string Group, int Lanes, bool FedFromBoundary,
    int SaturatedGreens, int Headways, double SaturationFlowVehPerHourPerLane, double StartUpLostTimeS,
    double CycleS, double DisplayedGreenS, double EffectiveGreenS, double FlowVehPerHourPerLane, double DegreeOfSaturation,
    int Crossings, double MeasuredDelayS, double DeterministicDelayS, double WebsterDelayS, IReadOnlyList<double> PlanCyclesS)
{
    /// <summary>A car is in the queue discharge when the signal delayed it at least this long.</summary>
    public const double QueuedDelayS = 5;

    /// <summary>HCM's default extension of effective green into the amber.</summary>
    public const double GreenExtensionS = 2;

    /// <summary>Reference range of the saturation flow of a general lane in town (veh/h/lane).</summary>
    public const double ReferenceSaturationLow = 1500, ReferenceSaturationHigh = 1950;

    /// <summary>Reference start-up lost time, about 2 s (1 to 3.5 s).</summary>
    public const double ReferenceLostTimeLowS = 1, ReferenceLostTimeHighS = 3.5;

    /// <summary>D/D/1 uniform delay d = C(1 − λ)² / (2(1 − q/s)), λ = g/C.</summary>
    public static double DeterministicDelay(double cycleS, double effectiveGreenS, double flowPerS, double saturationPerS)
    {
        var lambda = effectiveGreenS / cycleS;
        return cycleS * (1 - lambda) * (1 - lambda) / (2 * (1 - flowPerS / saturationPerS));
    }

    /// <summary>Webster (1958): C(1 − λ)²/(2(1 − λx)) + x²/(2q(1 − x)) − 0.65 (C/q²)^(1/3) x^(2 + 5λ), x = q/(λs).</summary>
    public static double WebsterDelay(double cycleS, double effectiveGreenS, double flowPerS, double saturationPerS)
    {
        var lambda = effectiveGreenS / cycleS;
        var x = flowPerS / (lambda * saturationPerS);
        return cycleS * (1 - lambda) * (1 - lambda) / (2 * (1 - lambda * x))
            + x * x / (2 * flowPerS * (1 - x))
            - 0.65 * Math.Cbrt(cycleS / (flowPerS * flowPerS)) * Math.Pow(x, 2 + 5 * lambda);
    }

    /// <summary>The step-size check of the folder's step_check.csv; null when the folder has none.</summary>
    /// <exception cref="ResultsFileException">The file is damaged.</exception>
    public static StepSizeSummary? StepSize(ResultsFolder folder)
    {
        var path = Path.Combine(folder.Path, StepSizeCheck.FileName);
        if (!File.Exists(path)) return null;
        IReadOnlyList<StepSizeRow> rows;
        try
        {
            rows = StepSizeCheck.Read(path);
        }
        catch (FormatException e)
        {
            throw new ResultsFileException(path, e.Message);
        }
        catch (IOException e)
        {
            throw new ResultsFileException(path, "cannot be read: " + e.Message);
        }
        return StepSizeCheck.Summarise(rows)
            ?? throw new ResultsFileException(path, "does not hold runs at two steps; the file is damaged: run the comparison again");
    }

    /// <summary>Measures the appendix on the baseline's run; null when no approach has a saturated green to measure.</summary>
    public static ValidationAppendix? Measure(ResultsFolder folder)
    {
        var run = folder.BaselineRun;
        if (!run.Has(CrossingRow.FileName) || !run.Has(SignalRow.FileName)) return null;
        var scenario = run.Scenario;
        var crossings = run.Crossings.Where(c => c.Mode is "car" or "bus" && c.Group.Length > 0).ToList();
        var signals = run.Signals;
        var measuredS = run.Summary.DurationS;
        ValidationAppendix? best = null;
        foreach (var approach in crossings.GroupBy(c => (c.Intersection, c.Approach, c.Group)))
        {
            var lanes = ServingLanes(scenario, approach.Key.Intersection, approach.Key.Approach, approach.Key.Group);
            if (lanes == 0) continue;
            var candidate = MeasureApproach(scenario, approach.Key, lanes, approach.OrderBy(c => c.TimeS).ToList(),
                signals.Where(s => s.Intersection == approach.Key.Intersection && s.Group == approach.Key.Group).OrderBy(s => s.TimeS).ToList(), measuredS);
            if (candidate is not null && (best is null || candidate.Headways > best.Headways)) best = candidate;
        }
        return best;
    }

    private static ValidationAppendix? MeasureApproach(ScenarioFile scenario, (string Intersection, string Approach, string Group) key, int lanes,
        List<CrossingRow> carsAndBuses, List<SignalRow> states, double measuredS)
    {
        var cars = carsAndBuses.Where(c => c.Mode == "car").ToList();
        if (cars.Count == 0) return null;
        // Green starts and the end of each green + amber (the next red), from signals.csv.
        var greens = new List<(double StartS, double AmberS, double RedS)>();
        for (var i = 0; i < states.Count; i++)
        {
            if (states[i].State != SignalState.Green || (i > 0 && states[i - 1].State == SignalState.Green)) continue;
            var amber = states.Skip(i + 1).FirstOrDefault(s => s.State != SignalState.Green);
            var red = states.Skip(i + 1).FirstOrDefault(s => s.State == SignalState.Red);
            if (amber.Group is null || red.Group is null) continue;
            greens.Add((states[i].TimeS, amber.TimeS, red.TimeS));
        }
        var firstCar = cars.Count > 0 ? cars[0].TimeS : double.MaxValue;
        greens = greens.Where(g => g.StartS >= firstCar).ToList(); // measured period only
        if (greens.Count < 3) return null;

        var skip = 4 * lanes;
        var headways = new List<double>();
        var fourth = new List<(double GreenStartS, double CrossS)>();
        var saturated = 0;
        foreach (var g in greens)
        {
            var discharge = carsAndBuses.Where(c => c.TimeS >= g.StartS && c.TimeS < g.RedS).TakeWhile(c => c.DelayS >= QueuedDelayS).ToList();
            if (discharge.Any(c => c.Mode == "bus")) continue;
            var run = discharge.Select(c => c.TimeS).ToList();
            if (run.Count <= skip) continue;
            saturated++;
            fourth.Add((g.StartS, run[skip - 1]));
            for (var i = skip; i < run.Count; i++) headways.Add(run[i] - run[i - 1]);
        }
        if (headways.Count < 10) return null;
        var approachHeadwayS = headways.Average();
        var laneHeadwayS = approachHeadwayS * lanes;
        var saturationPerLane = 3600 / laneHeadwayS;
        var lostS = fourth.Average(f => f.CrossS - f.GreenStartS - 4 * laneHeadwayS);

        var cycleS = Enumerable.Range(1, greens.Count - 1).Average(i => greens[i].StartS - greens[i - 1].StartS);
        var displayedS = greens.Average(g => g.AmberS - g.StartS);
        var effectiveS = displayedS + GreenExtensionS - lostS;
        var flowPerLaneS = cars.Count / measuredS / lanes;
        var x = flowPerLaneS / (effectiveS / cycleS * (saturationPerLane / 3600));
        var dd1 = DeterministicDelay(cycleS, effectiveS, flowPerLaneS, saturationPerLane / 3600);
        var webster = x < 1 ? WebsterDelay(cycleS, effectiveS, flowPerLaneS, saturationPerLane / 3600) : double.NaN;
        var link = scenario.Links.FirstOrDefault(l => l.Id == key.Approach);
        var fromBoundary = link is not null && scenario.Boundaries.Any(b => b.Id == link.From);
        return new ValidationAppendix(key.Intersection, key.Approach, key.Group, lanes, fromBoundary, saturated, headways.Count,
            saturationPerLane, lostS, cycleS, displayedS, effectiveS, flowPerLaneS * 3600, x, cars.Count, cars.Average(c => c.DelayS), dd1, webster,
            scenario.Intersections.First(i => i.Id == key.Intersection).Plans.Values.Select(p => p.CycleS).Distinct().Order().ToList());
    }

    /// <summary>Approach lanes whose movements the group controls (every general lane when a movement names none).</summary>
    public static int ServingLanes(ScenarioFile scenario, string intersection, string approach, string group)
    {
        var x = scenario.Intersections.FirstOrDefault(i => i.Id == intersection);
        var link = scenario.Links.FirstOrDefault(l => l.Id == approach);
        if (x is null || link is null) return 0;
        var lanes = new HashSet<int>();
        foreach (var m in x.Movements.Where(m => m.From == approach && m.Group == group))
        {
            if (m.Lanes is { } list) lanes.UnionWith(list);
            else lanes.UnionWith(Enumerable.Range(0, link.Lanes).Where(i => link.LaneKinds is not { } k || i >= k.Count || k[i] == LaneKind.General));
        }
        return lanes.Count;
    }
}
