// The whole Paris / Val-de-Marne boundary, all day: the scenario validates without a warning,
// a full day runs on three seeds without a safety violation with trips of every mode and line,
// both centres change between their night, day and peak plans, the high-level-of-service bus
// to Charenton-le-Pont completes trips in every strategy that adds it, and --period measures
// exactly the window it names.
using System.Diagnostics;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;
using Xunit.Abstractions;

namespace SignalSim.Tests.Scenarios;

public class BoundaryScenarioTests(ITestOutputHelper output)
{
    public const string FileName = "paris-val-de-marne-boundary.json";

    private static readonly Lazy<ScenarioFile> Boundary = new(() => ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath(FileName)).Scenario);

    private static readonly string[] Portes = ["italie", "choisy", "ivry", "vitry", "bercy", "charenton", "doree", "vincennes"];

    [Fact]
    public void Validates_without_warnings_with_eight_portes_of_both_centres_and_the_t3a_stations()
    {
        var loaded = ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath(FileName));
        Assert.True(loaded.Warnings.Count == 0, string.Join(Environment.NewLine, loaded.Warnings.Select(w => w.Format(FileName))));
        var s = loaded.Scenario;
        foreach (var porte in Portes)
        {
            Assert.Equal("paris", s.Intersections.Single(x => x.Id == $"{porte}-mar").Centre);
            Assert.Equal("val-de-marne", s.Intersections.Single(x => x.Id == $"{porte}-vdm").Centre);
            Assert.Contains(s.Lines, l => l.Links[0] == $"{porte}-paris-out" && l.VehicleClass == "bus");
            Assert.Contains(s.Demand, d => d.VehicleClass == "cycle" && d.Routes[0].Links.Contains($"cycle-{porte}-avenue-out"));
        }
        Assert.All(s.Intersections, x => Assert.NotEmpty(x.Crossings));
        var tram = s.Lines.Single(l => l.Id == "t3a-to-vincennes");
        Assert.Equal(["porte-d-italie", "porte-de-choisy", "porte-d-ivry", "porte-de-vitry-maryse-bastie", "avenue-de-france", "baron-le-roy",
            "porte-de-charenton", "porte-doree", "montempoivre", "alexandra-david-neel", "porte-de-vincennes"], tram.Stops.Select(st => st.Id));
    }

    [Fact]
    public void Each_centre_schedules_night_day_and_peak_plans_with_the_cycles_of_the_agreement()
    {
        var s = Boundary.Value;
        Assert.Equal(0, s.Simulation.StartTimeOfDayS + s.Simulation.WarmupS - 86400);
        Assert.Equal(86400, s.Simulation.DurationS);
        foreach (var centre in s.Centres)
        {
            Assert.Equal(["day", "night", "peak"], centre.Periods.Select(p => p.Plan).Distinct().Order(StringComparer.Ordinal));
            var cycles = s.Intersections.Where(x => x.Centre == centre.Id).Select(x => (x.Plans["night"].CycleS, x.Plans["day"].CycleS, x.Plans["peak"].CycleS)).Distinct().Single();
            Assert.Equal((50, 90, centre.Id == "paris" ? 120 : 100), cycles);
        }
        // Every entry follows a 24-hour profile: a flow for each hour of the day.
        Assert.All(s.Demand, d => Assert.True(d.Periods.Count >= 24, $"{d.Id}: {d.Periods.Count} periods"));
    }

    public static TheoryData<ulong> Seeds() => new(1UL, 2UL, 3UL);

    /// <summary>
    /// The full day: 24 h measured after a 15-minute warm-up and before a 15-minute cool-down, 3,660
    /// plan changes and every mode. The run throws on any unsafe signal state.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_whole_day_runs_without_a_safety_violation_and_every_line_and_mode_completes_trips(ulong seed)
    {
        var model = SimulationModelBuilder.Build(Boundary.Value, seed);
        var clock = Stopwatch.StartNew();
        var simulation = new Simulation(model);
        var result = simulation.Run();
        output.WriteLine($"seed {seed}: whole day in {clock.Elapsed.TotalSeconds:0.0} s, {simulation.VehicleUpdates / 1e6:0} million vehicle updates, {result.Records.Trips.Count} trips");

        var modes = result.Records.Trips.Select(t => model.Classes[t.ClassIndex].Mode).ToHashSet();
        Assert.Equal(Enum.GetValues<TravelMode>().Order(), modes.Order());
        Assert.NotEmpty(result.Records.Pedestrians);
        var idle = model.Lines.Where(l => !result.Records.Trips.Any(t => t.Route == l.Route)).Select(l => l.Id).ToList();
        Assert.True(idle.Count == 0, $"no trip completed on line(s) {string.Join(", ", idle)}");
        var tripsPerRoute = new int[model.RouteIds.Length];
        foreach (var trip in result.Records.Trips) tripsPerRoute[trip.Route]++;
        var idleRoutes = model.RouteIds.Where((_, r) => tripsPerRoute[r] == 0).ToList();
        Assert.True(idleRoutes.Count == 0, $"no trip completed on route(s) {string.Join(", ", idleRoutes)}");
        Assert.Empty(result.Records.UnfinishedTrips);

        // The plans changed: each Paris intersection ran cycles of 50, 90 and 120 s during the day.
        var boulevard = model.Controllers[Array.IndexOf(model.IntersectionIds, "charenton-mar")];
        var greens = result.Records.SignalChanges.Where(c => c.Group == boulevard.FirstGroup && c.State == SignalState.Green).Select(c => c.Ticks).ToList();
        var cycles = greens.Zip(greens.Skip(1), (a, b) => Math.Round(SimTime.ToSeconds(b - a))).ToHashSet();
        Assert.Contains(50, cycles);
        Assert.Contains(90, cycles);
        Assert.Contains(120, cycles);
    }

    public static TheoryData<string, string> BhnsStrategies()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { FileName, "porte-de-charenton.json" })
        {
            foreach (var st in ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath(file)).Scenario.Strategies.Where(st => st.Id.StartsWith("bhns", StringComparison.Ordinal)))
                data.Add(file, st.Id);
        }
        return data;
    }

    [Fact]
    public void Both_Charenton_scenarios_carry_the_bhns_with_and_without_priority_and_forwarding()
    {
        var strategies = BhnsStrategies().Select(row => ((string)row[0], (string)row[1])).ToList();
        foreach (var file in new[] { FileName, "porte-de-charenton.json" })
        {
            Assert.Contains((file, "bhns-charenton"), strategies);
            Assert.Contains((file, "bhns-charenton-priority"), strategies);
            Assert.Contains((file, "bhns-charenton-priority-shared"), strategies);
        }
    }

    /// <summary>The morning peak of the boundary (07:30–09:30) and the Porte de Charenton hour: the extended line runs its whole route.</summary>
    [Theory]
    [MemberData(nameof(BhnsStrategies))]
    public void The_Charenton_bhns_completes_trips_of_the_extended_line(string file, string strategy)
    {
        var s = StrategyOverlay.Apply(ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath(file)).Scenario, strategy);
        if (file == FileName) s = MeasuredWindow.Parse("07:30-09:30", out _)!.ApplyTo(s, out _)!;
        Assert.DoesNotContain(ScenarioValidator.Validate(s), d => d.Severity == DiagnosticSeverity.Error);
        var model = SimulationModelBuilder.Build(s, 1);
        var result = new Simulation(model).Run();
        foreach (var id in new[] { "bhns-charenton-outbound", "bhns-charenton-to-paris" })
        {
            var line = model.Lines.Single(l => l.Id == id);
            var trips = result.Records.Trips.Where(t => t.Route == line.Route).ToList();
            Assert.True(trips.Count >= 10, $"{strategy}: {trips.Count} trips of {id}");
            // The extended line crosses the porte: its route runs from the Paris street to the Charenton street.
            Assert.True(line.RouteLengthM > 600, $"{id}: route of {line.RouteLengthM} m");
        }
    }

    /// <summary>
    /// --period 08:00-09:00 on the all-day scenario: the run starts one warm-up before 08:00,
    /// measures exactly 08:00–09:00 with the demand of those hours, and Parcival's signals (on a
    /// drifting clock, with no priority in the status quo) change at the same times of day as in
    /// the whole-day run, to within one step.
    /// </summary>
    [Fact]
    public void Period_measures_exactly_the_window_with_the_same_demand_and_signals_as_the_whole_day()
    {
        var day = StrategyOverlay.Apply(Boundary.Value, "status-quo");
        var window = MeasuredWindow.Parse("08:00-09:00", out var problem);
        Assert.Null(problem);
        var peak = window!.ApplyTo(day, out problem)!;
        Assert.Null(problem);
        Assert.Equal(8 * 3600, peak.Simulation.StartTimeOfDayS + peak.Simulation.WarmupS);
        Assert.Equal(3600, peak.Simulation.DurationS);
        // The whole day's measured period starts at midnight: 08:00 comes 8 h after it, and the window's run starts that much later.
        var shiftS = 8 * 3600.0 - (day.Simulation.StartTimeOfDayS + day.Simulation.WarmupS - 86400);
        foreach (var (whole, part) in day.Demand.Zip(peak.Demand))
        {
            for (var t = 0.0; t < peak.Simulation.WarmupS + 3600; t += 300) Assert.Equal(FlowAt(whole, t + shiftS), FlowAt(part, t));
        }

        var wholeModel = SimulationModelBuilder.Build(day, 1, durationOverrideS: 9 * 3600);
        var wholeRun = new Simulation(wholeModel).Run();
        var peakModel = SimulationModelBuilder.Build(peak, 1);
        var peakRun = new Simulation(peakModel).Run();

        // Every measured trip departed inside the window.
        var from = SimTime.FromSeconds(peak.Simulation.WarmupS);
        var to = SimTime.FromSeconds(peak.Simulation.WarmupS + 3600);
        Assert.NotEmpty(peakRun.Records.Trips);
        Assert.All(peakRun.Records.Trips, t => Assert.InRange(t.DepartTicks, from, to));

        var step = peakModel.StepTicks;
        var shiftTicks = SimTime.FromSeconds(shiftS);
        var compared = 0;
        for (var i = 0; i < peakModel.IntersectionIds.Length; i++)
        {
            if (peakModel.Centres[peakModel.IntersectionCentre[i]].Id != "val-de-marne") continue;
            var c = peakModel.Controllers[i];
            for (var g = c.FirstGroup; g < c.FirstGroup + c.GroupCount; g++)
            {
                var inPeak = peakRun.Records.SignalChanges.Where(x => x.Group == g && x.Ticks >= from && x.Ticks < to).ToList();
                var inDay = wholeRun.Records.SignalChanges.Where(x => x.Group == g && x.Ticks >= from + shiftTicks && x.Ticks < to + shiftTicks).ToList();
                // A change within a step of the window's edges may fall on either side of it.
                Assert.InRange(inDay.Count - inPeak.Count, -1, 1);
                foreach (var change in inPeak.Where(x => x.Ticks >= from + step && x.Ticks < to - step))
                {
                    Assert.Contains(inDay, x => x.State == change.State && Math.Abs(x.Ticks - shiftTicks - change.Ticks) <= step);
                    compared++;
                }
            }
        }
        Assert.True(compared > 500, $"{compared} signal changes compared");
    }

    [Theory]
    [InlineData("8h-9h")]
    [InlineData("08:00")]
    [InlineData("25:00-26:00")]
    [InlineData("08:60-09:00")]
    [InlineData("09:00-09:00")]
    [InlineData("24:00-01:00")]
    public void Malformed_windows_are_refused_with_a_reason(string text)
    {
        Assert.Null(MeasuredWindow.Parse(text, out var problem));
        Assert.Contains($"'{text}'", problem, StringComparison.Ordinal); // the message names what was given, then how to write it
    }

    [Fact]
    public void A_window_outside_the_measured_period_is_refused_and_one_across_midnight_is_measured()
    {
        var charenton = ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath("porte-de-charenton.json")).Scenario;
        Assert.Null(MeasuredWindow.Parse("08:00-09:00", out _)!.ApplyTo(charenton, out var problem));
        Assert.Contains("08:05 to 09:05", problem, StringComparison.Ordinal);
        Assert.NotNull(MeasuredWindow.Parse("08:05-09:05", out _)!.ApplyTo(charenton, out _));

        var lateEvening = Boundary.Value with { Simulation = Boundary.Value.Simulation with { StartTimeOfDayS = 20 * 3600, DurationS = 8 * 3600 } };
        var acrossMidnight = MeasuredWindow.Parse("23:30-00:30", out _)!.ApplyTo(lateEvening, out problem);
        Assert.Null(problem);
        Assert.Equal(3600, acrossMidnight!.Simulation.DurationS);
        Assert.Equal(23.5 * 3600, acrossMidnight.Simulation.StartTimeOfDayS + acrossMidnight.Simulation.WarmupS);
    }

    private static double FlowAt(DemandSpec d, double t)
    {
        var flow = d.Periods[0].FlowVehPerHour;
        foreach (var p in d.Periods)
        {
            if (p.StartS <= t) flow = p.FlowVehPerHour;
        }
        return flow;
    }
}
