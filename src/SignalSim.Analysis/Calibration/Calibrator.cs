// Calibration of demand from hourly link counts: the flow of every route of every car or bus
// demand is a variable; each count site's modelled flow is the sum of the route flows through its
// link, plus the buses of the lines that use it. A bounded least-squares fit (MathNet's BFGS-B)
// brings the modelled flows to the counts, each site's residual weighted by 1/count (so the fit
// works in GEH-like units), with a light pull towards the scenario's own flows for the routes no
// count observes. Bounds: a quarter to four times each route's flow in the scenario. The fit is
// then checked, and corrected once, against simulated flows (queues and the warm-up make them
// differ from the sums), and the calibrated scenario's flows and route shares are written back.
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Analysis.Calibration;

public sealed record SiteResult(string IuAc, string Label, string Link, double CountedVehPerHour, double BeforeVehPerHour, double AfterVehPerHour)
{
    public double GehBefore => Geh.Of(BeforeVehPerHour, CountedVehPerHour);
    public double GehAfter => Geh.Of(AfterVehPerHour, CountedVehPerHour);
}

public sealed record CalibrationResult(ScenarioFile Calibrated, IReadOnlyList<SiteResult> Sites, DateTime? HourEnd, int Days)
{
    public double ShareBelowThreshold => Sites.Count == 0 ? double.NaN : Sites.Count(s => s.GehAfter < Geh.Threshold) / (double)Sites.Count;
    public bool Accepted => ShareBelowThreshold >= Geh.RequiredShare;
}

public static class Calibrator
{
    private const double LowerFactor = 0.25;
    private const double UpperFactor = 4;
    private const double PriorWeight = 0.05;

    /// <summary>The counted hour: the hour of the day in which the measured period starts.</summary>
    public static int CountedHour(ScenarioFile s) => (int)Math.Floor((s.Simulation.StartTimeOfDayS + s.Simulation.WarmupS) / 3600) % 24;

    /// <summary>Mean counted flow per site for the hour starting at <paramref name="hour"/> (t_1h = end of that hour), over the days in the file.</summary>
    public static Dictionary<string, (double Flow, string Label, int Days)> Targets(IReadOnlyList<CountRow> rows, int hour)
    {
        var end = (hour + 1) % 24;
        return rows.Where(r => r.EndOfHour.Hour == end && r.EndOfHour.Minute == 0 && r.FlowVehPerHour is not null)
            .GroupBy(r => r.IuAc)
            .ToDictionary(g => g.Key, g => (g.Average(r => r.FlowVehPerHour!.Value), g.First().Label, g.Count()));
    }

    public static CalibrationResult Calibrate(ScenarioFile s, IReadOnlyDictionary<string, (double Flow, string Label, int Days)> targets, ulong? seed = null)
    {
        var sites = s.CountSites.Where(c => targets.ContainsKey(c.IuAc)).ToList();
        var classes = VehicleClassDefaults.Resolve(s.VehicleClasses).ToDictionary(c => c.Id, StringComparer.Ordinal);
        bool Counted(string classId) => classes[classId].Mode is TravelMode.Car or TravelMode.Bus;
        var measuredStartS = s.Simulation.WarmupS;

        // Variables: one per route of each counted demand, at the flow of the period in force when measuring starts.
        var variables = new List<(int Demand, int Route)>();
        var x0 = new List<double>();
        for (var d = 0; d < s.Demand.Count; d++)
        {
            var demand = s.Demand[d];
            if (!Counted(demand.VehicleClass)) continue;
            var flow = FlowAt(demand, measuredStartS);
            var total = demand.Routes.Sum(r => r.Share);
            for (var r = 0; r < demand.Routes.Count; r++)
            {
                if (flow <= 0 || demand.Routes[r].Share <= 0) continue;
                variables.Add((d, r));
                x0.Add(flow * demand.Routes[r].Share / total);
            }
        }
        var a = Matrix<double>.Build.Dense(sites.Count, variables.Count);
        var fixedFlow = new double[sites.Count];
        var counted = sites.Select(c => targets[c.IuAc].Flow).ToArray();
        for (var i = 0; i < sites.Count; i++)
        {
            for (var j = 0; j < variables.Count; j++)
                if (s.Demand[variables[j].Demand].Routes[variables[j].Route].Links.Contains(sites[i].Link)) a[i, j] = 1;
            foreach (var line in s.Lines.Where(l => Counted(l.VehicleClass) && l.Links.Contains(sites[i].Link)))
                fixedFlow[i] += DeparturesPerHour(line);
        }

        var before = SimulatedFlows(s, sites, seed);
        // Simulated flows fall short of the route sums where queues hold vehicles back; aim the
        // sums at the counts scaled by that shortfall, measured once on the scenario as given.
        var sums0 = a * Vector<double>.Build.DenseOfEnumerable(x0);
        var aim = new double[sites.Count];
        for (var i = 0; i < sites.Count; i++)
        {
            var predicted = sums0[i] + fixedFlow[i];
            var ratio = predicted > 0 && before[i] > 0 ? predicted / before[i] : 1;
            aim[i] = counted[i] * Math.Clamp(ratio, 0.8, 1.25);
        }
        var x = Fit(a, fixedFlow, aim, x0.ToArray());
        var calibrated = Apply(s, variables, x);
        var after = SimulatedFlows(calibrated, sites, seed);
        var results = sites.Select((c, i) => new SiteResult(c.IuAc, c.Label ?? targets[c.IuAc].Label, c.Link, counted[i], before[i], after[i])).ToList();
        var days = sites.Count == 0 ? 0 : sites.Max(c => targets[c.IuAc].Days);
        return new CalibrationResult(calibrated, results, null, days);
    }

    private static double[] Fit(Matrix<double> a, double[] fixedFlow, double[] aim, double[] x0)
    {
        if (x0.Length == 0) return x0;
        var weights = aim.Select(c => 1 / Math.Max(c, 1)).ToArray();
        var prior = x0.Select(v => PriorWeight / Math.Max(v, 1)).ToArray();
        (double, Vector<double>) ValueAndGradient(Vector<double> x)
        {
            var residual = a * x;
            var value = 0.0;
            var gradient = Vector<double>.Build.Dense(x.Count);
            for (var i = 0; i < residual.Count; i++)
            {
                var r = residual[i] + fixedFlow[i] - aim[i];
                value += weights[i] * r * r;
                for (var j = 0; j < x.Count; j++) gradient[j] += 2 * weights[i] * r * a[i, j];
            }
            for (var j = 0; j < x.Count; j++)
            {
                var dx = x[j] - x0[j];
                value += prior[j] * dx * dx;
                gradient[j] += 2 * prior[j] * dx;
            }
            return (value, gradient);
        }
        var objective = ObjectiveFunction.Gradient(v => ValueAndGradient(v).Item1, v => ValueAndGradient(v).Item2);
        var lower = Vector<double>.Build.DenseOfEnumerable(x0.Select(v => v * LowerFactor));
        var upper = Vector<double>.Build.DenseOfEnumerable(x0.Select(v => v * UpperFactor));
        var minimizer = new BfgsBMinimizer(1e-6, 1e-9, 1e-12, 2000);
        var result = minimizer.FindMinimum(objective, lower, upper, Vector<double>.Build.DenseOfArray(x0));
        return result.MinimizingPoint.ToArray();
    }

    /// <summary>The scenario with each calibrated demand's flows scaled to the fitted total and its route shares set to the fitted flows.</summary>
    private static ScenarioFile Apply(ScenarioFile s, List<(int Demand, int Route)> variables, double[] x)
    {
        var demand = s.Demand.ToList();
        foreach (var group in variables.Select((v, j) => (v, j)).GroupBy(p => p.v.Demand))
        {
            var d = demand[group.Key];
            var oldFlow = FlowAt(d, s.Simulation.WarmupS);
            var newFlow = group.Sum(p => x[p.j]);
            var factor = oldFlow > 0 ? newFlow / oldFlow : 1;
            var shares = d.Routes.Select(r => 0.0).ToArray();
            foreach (var (v, j) in group) shares[v.Route] = x[j];
            demand[group.Key] = d with
            {
                Periods = d.Periods.Select(p => p with { FlowVehPerHour = Math.Round(p.FlowVehPerHour * factor, 1) }).ToList(),
                Routes = d.Routes.Select((r, k) => r with { Share = Math.Round(shares[k], 1) }).ToList(),
            };
        }
        return s with { Demand = demand };
    }

    private static double FlowAt(DemandSpec d, double timeS)
    {
        var flow = 0.0;
        foreach (var p in d.Periods.OrderBy(p => p.StartS)) if (p.StartS <= timeS) flow = p.FlowVehPerHour;
        return flow;
    }

    private static double DeparturesPerHour(LineSpec l) =>
        l.HeadwayS is { } h ? 3600 / h : l.TimetableS is { Count: > 1 } t ? 3600 * (t.Count - 1) / (t[^1] - t[0]) : 0;

    /// <summary>Cars and buses passing each site's link per hour: trips departing in the measured period whose route uses the link.</summary>
    public static double[] SimulatedFlows(ScenarioFile s, IReadOnlyList<CountSiteSpec> sites, ulong? seed)
    {
        var result = new Simulation(SimulationModelBuilder.Build(s with { Strategies = [] }, seed)).Run();
        var m = result.Model;
        var hours = SimTime.ToSeconds(m.EndTicks - m.WarmupTicks) / 3600;
        var siteLinks = sites.Select(c => Array.IndexOf(m.LinkIds, c.Link)).ToArray();
        var flows = new double[sites.Count];
        foreach (var trip in result.Records.Trips)
        {
            if (trip.DepartTicks < m.WarmupTicks || m.Classes[trip.ClassIndex].Mode is not (TravelMode.Car or TravelMode.Bus)) continue;
            var first = m.RouteFirstStep[trip.Route];
            for (var k = first; k < first + m.RouteStepCount[trip.Route]; k++)
                for (var i = 0; i < siteLinks.Length; i++)
                    if (m.StepLink[k] == siteLinks[i]) flows[i]++;
        }
        for (var i = 0; i < flows.Length; i++) flows[i] /= hours;
        return flows;
    }
}
