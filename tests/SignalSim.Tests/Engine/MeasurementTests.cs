// Every measured vehicle counted: a strategy that traps vehicles on one approach must not look
// better (survivorship), every vehicle arriving in the measured period ends up either finished
// or unfinished (conservation), a vehicle arriving at the very end of the measured period is
// followed through the cool-down, and the system figures add up.
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Metrics;
using SignalSim.Analysis.Replications;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Validation;
using Xunit.Abstractions;

namespace SignalSim.Tests.Engine;

public class MeasurementTests(ITestOutputHelper output)
{
    /// <summary>
    /// The isolated intersection with a busy side road (500 veh/h) and a long warm-up. "balanced"
    /// is the shipped plan (side capacity about 700 veh/h). "starve-side" gives the side road its
    /// 6 s minimum green, about 3 vehicles a cycle: by the end of the 30 min warm-up its queue
    /// (on the link and at the entry) holds more vehicles than it can serve in the measured
    /// period and cool-down together, so no measured side-road vehicle ever finishes.
    /// </summary>
    private static ScenarioFile Gridlock(bool starveSide)
    {
        var s = IsolatedIntersection.With(mainFlowVehPerHour: 600, sideFlowVehPerHour: 500, ArrivalProcess.Poisson, durationS: 1800, warmupS: 1800);
        s = s with { Simulation = s.Simulation with { CooldownS = 900 }, Strategies = [] };
        if (!starveSide) return s;
        var x = s.Intersections[0];
        var starved = new PlanSpec
        {
            CycleS = 90,
            Greens = new Dictionary<string, GreenWindowSpec>
            {
                ["main"] = new() { StartS = 0, EndS = 74 },
                ["side"] = new() { StartS = 79, EndS = 85 },
            },
        };
        return s with { Intersections = [x with { Plans = new Dictionary<string, PlanSpec> { ["day"] = starved } }] };
    }

    [Fact]
    public void Survivorship_the_strategy_that_traps_vehicles_has_the_higher_person_delay_and_reports_them_unfinished()
    {
        var balanced = Gridlock(starveSide: false);
        var starved = Gridlock(starveSide: true);
        ScenarioAssert.Valid(balanced, "balanced");
        ScenarioAssert.Valid(starved, "starve-side");
        var strategies = new List<StrategyRun>
        {
            new("balanced", "shipped plan", true, balanced),
            new("starve-side", "side road on its minimum green", false, starved),
        };
        var results = ReplicationRunner.Run(new ReplicationRequest(strategies, ReplicationSeeds.Seeds(11, 3), null, Threads: 1));
        var table = ComparisonTable.Build(results);

        var balancedAll = table.Row("balanced", ComparisonTable.AllModes);
        var starvedAll = table.Row("starve-side", ComparisonTable.AllModes);
        var balancedCars = table.Row("balanced", "car");
        var starvedCars = table.Row("starve-side", "car");

        foreach (var (row, all) in new[] { (balancedCars, balancedAll), (starvedCars, starvedAll) })
        {
            output.WriteLine($"{row.Strategy}: finished {row.TripsPerReplication:0.0}/rep, mean travel time {row.TravelTime!.Mean:0.0} s, mean delay {row.Delay!.Mean:0.0} s, " +
                $"unfinished {row.UnfinishedPerReplication:0.0}/rep, person-delay {all.PersonDelay!.Mean:0.00} h, system {all.SystemVehicleH:0.00} veh-h / {all.SystemPersonH:0.00} person-h");
        }

        // Finished trips alone would favour the trap: only the main road's short trips finish.
        Assert.True(starvedCars.TravelTime!.Mean < balancedCars.TravelTime!.Mean,
            $"finished-trip mean travel time: starve-side {starvedCars.TravelTime.Mean:0.0} s, balanced {balancedCars.TravelTime.Mean:0.0} s");
        Assert.True(starvedCars.Delay!.Mean < balancedCars.Delay!.Mean);

        // Counting every measured vehicle reverses it.
        Assert.True(starvedAll.PersonDelay!.Mean > 3 * balancedAll.PersonDelay!.Mean,
            $"person-delay: starve-side {starvedAll.PersonDelay.Mean:0.00} h, balanced {balancedAll.PersonDelay.Mean:0.00} h");
        Assert.True(starvedAll.PersonDelayDiff!.Significant && starvedAll.PersonDelayDiff.Mean > 0);
        Assert.True(starvedCars.UnfinishedPerReplication > 100, $"{starvedCars.UnfinishedPerReplication} unfinished per replication");
        Assert.Equal(0, balancedCars.UnfinishedPerReplication);
        Assert.Equal(starvedCars.UnfinishedPerReplication, starvedAll.UnfinishedPerReplication);
        Assert.True(starvedAll.SystemPersonH > balancedAll.SystemPersonH);

        // And the comparison files say so.
        var csv = new StringWriter();
        ComparisonCsvWriter.Write(table, csv);
        var lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var column = Array.IndexOf(lines[0].Split(','), "unfinished_per_replication");
        Assert.True(column >= 0, "comparison.csv has no unfinished column");
        var starvedRow = lines.Single(l => l.StartsWith("starve-side,car,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(InvariantText.Fixed(starvedCars.UnfinishedPerReplication, 1), starvedRow[column]);
        var md = new StringWriter();
        ComparisonMarkdownWriter.Write(table, new StudyInfo("gridlock", "test", 1800, 1800, 11, "common random numbers", 900), md);
        Assert.Contains("## Unfinished trips and time in the system", md.ToString());
        Assert.Contains($"| starve-side | {InvariantText.Fixed(starvedAll.UnfinishedPerReplication, 1)} |", md.ToString());
    }

    [Fact]
    public void Unfinished_vehicles_carry_their_accumulated_time_and_delay()
    {
        var r = ScenarioAssert.Run(Gridlock(starveSide: true), seed: 3);
        var again = ScenarioAssert.Run(Gridlock(starveSide: true), seed: 3);
        Assert.Equal(r.Records.UnfinishedTrips, again.Records.UnfinishedTrips); // deterministic, in a fixed order
        var m = r.Model;
        var side = Array.IndexOf(m.RouteIds, "side/through");
        Assert.NotEmpty(r.Records.UnfinishedTrips);
        Assert.DoesNotContain(r.Records.Trips, t => t.Route == side);
        Assert.All(r.Records.UnfinishedTrips, t =>
        {
            Assert.False(t.Finished);
            Assert.Equal(m.EndTicks, t.ArriveTicks);
            Assert.InRange(t.FreeFlowS, -1e-9, 800 / (50 / 3.6) + 1e-6); // no more than the whole route
            Assert.True(t.DelayS > 0.5 * SimTime.ToSeconds(m.EndTicks - m.MeasuredEndTicks), "trapped since at least the cool-down");
        });
        // Some still wait outside (their ids follow those of the vehicles that entered), with no
        // distance covered: their delay is all the time since they arrived.
        var outside = r.Records.UnfinishedTrips.Where(t => t.VehicleId >= r.VehiclesEntered).ToList();
        Assert.NotEmpty(outside);
        Assert.All(outside, t => Assert.Equal(0, t.FreeFlowS));
        Assert.All(outside, t => Assert.Equal(t.TravelTimeS, t.DelayS));

        var summary = RunSummaryBuilder.Build(r, new RunContext("test", "test", []));
        var cars = Assert.Single(summary.Modes);
        Assert.Equal(r.Records.UnfinishedTrips.Count, cars.Unfinished);
        var occupancy = m.Classes[r.Records.Trips[0].ClassIndex].Occupancy;
        Assert.Equal((r.Records.Trips.Sum(t => t.DelayS) + r.Records.UnfinishedTrips.Sum(t => t.DelayS)) * occupancy / 3600, cars.PersonDelayH, 9);
        Assert.Equal(r.Records.Trips.Average(t => t.TravelTimeS), cars.MeanTravelTimeS!.Value, 9);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Conservation_every_vehicle_arriving_in_the_measured_period_is_finished_or_unfinished(bool starveSide)
    {
        var r = ScenarioAssert.Run(Gridlock(starveSide), seed: 5);
        var m = r.Model;
        var occupancy = r.Records.Occupancy;
        var arrivals = Enumerable.Range(0, m.Classes.Length).Sum(occupancy.Arrivals);
        Assert.True(arrivals > 500, $"only {arrivals} measured arrivals");
        Assert.Equal(arrivals, r.Records.Trips.Count + r.Records.UnfinishedTrips.Count);
        var measured = r.Records.Trips.Concat(r.Records.UnfinishedTrips).ToList();
        Assert.All(measured, t => Assert.InRange(t.DepartTicks, m.WarmupTicks, m.MeasuredEndTicks - 1));
        Assert.Equal(measured.Count, measured.Select(t => t.VehicleId).Distinct().Count());
        // Every vehicle in the system at the end is accounted for, measured or not.
        Assert.True(r.Records.UnfinishedTrips.Count <= r.VehiclesInNetworkAtEnd + r.VehiclesWaitingAtEntriesAtEnd);

        var summary = RunSummaryBuilder.Build(r, new RunContext("test", "test", []));
        Assert.Equal(arrivals, summary.Vehicles.MeasuredArrivals);
        Assert.Equal(summary.Vehicles.MeasuredArrivals, summary.Vehicles.CompletedTrips + summary.Vehicles.Unfinished);
    }

    [Fact]
    public void A_vehicle_arriving_at_the_end_of_the_measured_period_finishes_in_the_cool_down()
    {
        var s = IsolatedIntersection.With(mainFlowVehPerHour: 300, sideFlowVehPerHour: 200, ArrivalProcess.Poisson, durationS: 900, warmupS: 300);
        var measuredEndS = s.Simulation.WarmupS + s.Simulation.DurationS;
        // A bus due one second before the end of the measured period, another right at its end (not measured).
        s = s with
        {
            Lines =
            [
                new LineSpec { Id = "last", VehicleClass = "bus", Links = ["west-in", "east-out"], TimetableS = [measuredEndS - 1] },
                new LineSpec { Id = "late", VehicleClass = "bus", Links = ["south-in", "north-out"], TimetableS = [measuredEndS] },
            ],
        };
        var withCooldown = ScenarioAssert.Run(s with { Simulation = s.Simulation with { CooldownS = 900 } }, seed: 2);
        var m = withCooldown.Model;
        Assert.Equal(SimTime.FromSeconds(measuredEndS + 900), m.EndTicks);
        var lastRoute = Array.IndexOf(m.RouteIds, "last");
        var lateRoute = Array.IndexOf(m.RouteIds, "late");
        var trip = Assert.Single(withCooldown.Records.Trips, t => t.Route == lastRoute);
        Assert.True(trip.Finished);
        Assert.Equal(SimTime.FromSeconds(measuredEndS - 1), trip.DepartTicks);
        Assert.True(trip.ArriveTicks > m.MeasuredEndTicks, "the bus cannot cross 800 m in one second");
        Assert.DoesNotContain(withCooldown.Records.Trips.Concat(withCooldown.Records.UnfinishedTrips), t => t.Route == lateRoute);
        Assert.Empty(withCooldown.Records.UnfinishedTrips);

        // Without a cool-down the same bus is still on its way at the end: unfinished, not dropped.
        var noCooldown = ScenarioAssert.Run(s with { Simulation = s.Simulation with { CooldownS = 0 } }, seed: 2);
        Assert.DoesNotContain(noCooldown.Records.Trips, t => t.Route == lastRoute);
        var unfinished = Assert.Single(noCooldown.Records.UnfinishedTrips, t => t.Route == lastRoute);
        Assert.False(unfinished.Finished);
        Assert.Equal(1, unfinished.TravelTimeS, 9);
    }

    [Fact]
    public void System_time_counts_every_vehicle_present_during_the_measured_period()
    {
        var s = IsolatedIntersection.With(mainFlowVehPerHour: 600, sideFlowVehPerHour: 400, ArrivalProcess.Poisson, durationS: 1800, warmupS: 300);
        var a = ScenarioAssert.Run(s, seed: 9);
        var b = ScenarioAssert.Run(s, seed: 9);
        Assert.Equal(a.Records.UnfinishedTrips, b.Records.UnfinishedTrips);
        var m = a.Model;
        var car = m.Classes.ToList().FindIndex(c => c.Mode == TravelMode.Car);
        var hours = a.Records.Occupancy.SystemVehicleHours(car);
        Assert.Equal(hours, b.Records.Occupancy.SystemVehicleHours(car));
        // Undersaturated, with every trip finishing: the time in the system over the period is
        // close to (measured arrivals × their mean travel time), by Little's law, within the
        // edge effects of trips straddling the period's ends.
        Assert.Empty(a.Records.UnfinishedTrips);
        var little = a.Records.Trips.Sum(t => t.TravelTimeS) / 3600;
        Assert.InRange(hours, 0.9 * little, 1.1 * little);
        Assert.Equal(0, a.Records.Occupancy.WaitingVehicleHours(car), 2);
    }
}
