// Golden checks on every shipped scenario: it loads cleanly, says where its numbers come from,
// and runs undersaturated (every route completes trips, nothing piles up). The default
// scenario must also show what the study is about: two centres running different cycles.
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Scenarios;

public class ShippedScenarioTests
{
    private const double RunS = 600;

    public static TheoryData<string> Scenarios() => new(ShippedFiles.ScenarioFileNames());

    [Fact]
    public void TheTextbookAndDefaultScenariosAreShipped()
    {
        var names = ShippedFiles.ScenarioFileNames().ToList();
        Assert.Contains("porte-de-choisy.json", names);
        Assert.Contains("isolated-intersection.json", names);
        Assert.Contains("arterial-green-wave.json", names);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void LoadsWithoutErrorsOrWarnings(string fileName)
    {
        // A warning on a shipped file (a capacity warning above all) would teach users to ignore them.
        var loaded = ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath(fileName));
        Assert.True(loaded.Warnings.Count == 0, string.Join(Environment.NewLine, loaded.Warnings.Select(w => w.Format(fileName))));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void StatesItsSourcesAndAssumptions(string fileName)
    {
        var scenario = ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath(fileName)).Scenario;
        Assert.NotEmpty(scenario.Sources);
        Assert.NotEmpty(scenario.Assumptions);
        Assert.All(scenario.Sources.Concat(scenario.Assumptions), text => Assert.False(string.IsNullOrWhiteSpace(text.Default)));
    }

    /// <summary>The note is written in French or English: every prose text a shipped scenario carries for it exists in both.</summary>
    [Theory]
    [MemberData(nameof(Scenarios))]
    public void CarriesItsNoteTextsInFrenchAndEnglish(string fileName)
    {
        var scenario = ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath(fileName)).Scenario;
        var texts = new List<(string Where, LocalizedText? Text)> { ("description", scenario.Description) };
        texts.AddRange(scenario.Sources.Select((t, i) => ($"sources[{i}]", (LocalizedText?)t)));
        texts.AddRange(scenario.Assumptions.Select((t, i) => ($"assumptions[{i}]", (LocalizedText?)t)));
        texts.AddRange(scenario.Strategies.Select(s => ($"strategy {s.Id}", s.Description)));
        texts.AddRange(scenario.Intersections.Where(x => x.Name is not null).Select(x => ($"intersection {x.Id}", x.Name)));
        foreach (var (where, text) in texts)
        {
            Assert.True(text is not null, $"{fileName}: {where} has no text");
            Assert.True(text.Has(LocalizedText.French) && text.Has(LocalizedText.English), $"{fileName}: {where} is not given in both French and English: {text.Default}");
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void RunsUndersaturatedWithTripsOnEveryRoute(string fileName)
    {
        var scenario = ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath(fileName)).Scenario;
        // An all-day scenario starts at night, when a side route sees a vehicle every few
        // minutes; it is checked here at its morning peak (BoundaryScenarioTests runs its whole day).
        if (scenario.Simulation.DurationS >= 86400) scenario = MeasuredWindow.Parse("08:00-08:10", out _)!.ApplyTo(scenario, out _)!;
        var model = SimulationModelBuilder.Build(scenario, durationOverrideS: RunS);
        var result = new Simulation(model).Run();

        // Demand routes only: a bus line running every 10 minutes may not finish a trip that
        // departed after the warm-up within this short run; PorteScenarioTests checks lines.
        var tripsPerRoute = new int[model.RouteIds.Length];
        foreach (var trip in result.Records.Trips) tripsPerRoute[trip.Route]++;
        var idle = model.RouteIds.Where((_, r) => model.RouteDemand[r] >= 0 && tripsPerRoute[r] == 0).ToList();
        Assert.True(idle.Count == 0, $"no trip completed in {RunS} s on route(s) {string.Join(", ", idle)}");

        // Entries admit every arrival at once unless a queue has reached back to the boundary;
        // one vehicle per entry may still be waiting for the gap behind the one just admitted.
        Assert.InRange(result.VehiclesWaitingAtEntriesAtEnd, 0, model.Demands.Length);

        var bound = HoldingBound(model);
        Assert.True(result.VehiclesInNetworkAtEnd <= bound,
            $"{result.VehiclesInNetworkAtEnd} vehicles left in the network, more than the {bound:0} that moving traffic and one cycle of queues would hold");
    }

    [Fact]
    public void DefaultScenarioHasBothCentresOnDifferentCycles()
    {
        var scenario = ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath("porte-de-choisy.json")).Scenario;
        var model = SimulationModelBuilder.Build(scenario);
        var sim = new Simulation(model); // picks each controller's plan for the start time of day

        var cycles = model.Controllers
            .Select((c, i) => (c.Centre.Id, Cycle: sim.Controller(i).CurrentPlan.CycleTicks))
            .GroupBy(c => c.Id)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Cycle).ToHashSet());
        Assert.Equal(["paris", "val-de-marne"], cycles.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(cycles["paris"].Intersect(cycles["val-de-marne"]));

        var valDeMarne = scenario.Centres.Single(c => c.Id == "val-de-marne").Clock;
        Assert.NotEqual(0, valDeMarne.OffsetS);
        Assert.NotEqual(0, valDeMarne.DriftSPerHour);
    }

    /// <summary>
    /// Vehicles an undersaturated network holds at any moment: every route's flow for its
    /// free-flow travel time, plus one full cycle of arrivals queued on every approach.
    /// Anything above this has piled up: a queue that grows from cycle to cycle, or gridlock.
    /// </summary>
    private static double HoldingBound(SimulationModel model)
    {
        var routeFlow = new double[model.RouteIds.Length];
        foreach (var demand in model.Demands)
        {
            var peak = demand.PeriodFlowVehPerHour.Max();
            var previous = 0.0;
            for (var i = 0; i < demand.Routes.Length; i++)
            {
                routeFlow[demand.Routes[i]] = peak * (demand.CumulativeShares[i] - previous);
                previous = demand.CumulativeShares[i];
            }
        }
        var moving = 0.0;
        var queued = 0.0;
        for (var r = 0; r < routeFlow.Length; r++)
        {
            var freeFlowS = 0.0;
            for (var step = model.RouteFirstStep[r]; step < model.RouteFirstStep[r] + model.RouteStepCount[r]; step++)
                freeFlowS += model.LinkLengthM[model.StepLink[step]] / model.LinkSpeedLimitMps[model.StepLink[step]];
            moving += routeFlow[r] * freeFlowS / 3600;
            for (var step = model.RouteFirstStep[r]; step < model.RouteFirstStep[r] + model.RouteStepCount[r]; step++)
            {
                var x = model.LinkToIntersection[model.StepLink[step]];
                if (x >= 0) queued += routeFlow[r] * SimTime.ToSeconds(model.Controllers[x].PlansBySlot.Max(p => p.CycleTicks)) / 3600;
            }
        }
        return moving + queued;
    }
}
