// The three porte scenarios are what the study compares strategies on, so each must carry the
// whole problem: two centres on different cycles, buses, a tram, cycles and pedestrians, with
// every mode and every line completing trips, and the priority settings a strategy would switch
// on (bus priority, tram priority, forwarding) must run without ever tripping the safety monitor.
using SignalSim.Core.Engine;
using SignalSim.Core.Metrics;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Scenarios;

public class PorteScenarioTests
{
    private const double ShortRunS = 900;

    private static readonly string[] PorteFiles = ["porte-de-choisy.json", "porte-d-italie.json", "porte-de-charenton.json"];

    public static TheoryData<string> Portes() => new(PorteFiles);

    public static TheoryData<string, ulong> PortesAndSeeds()
    {
        var data = new TheoryData<string, ulong>();
        foreach (var file in PorteFiles)
        {
            foreach (var seed in new ulong[] { 1, 2, 3 }) data.Add(file, seed);
        }
        return data;
    }

    private static ScenarioFile Load(string fileName) => ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath(fileName)).Scenario;

    private static Dictionary<string, TravelMode> ClassModes(ScenarioFile s) =>
        VehicleClassDefaults.Resolve(s.VehicleClasses).ToDictionary(c => c.Id, c => c.Mode, StringComparer.Ordinal);

    [Fact]
    public void TheThreePortesAreShipped()
    {
        Assert.All(PorteFiles, file => Assert.Contains(file, ShippedFiles.ScenarioFileNames()));
    }

    [Theory]
    [MemberData(nameof(Portes))]
    public void HasBothCentresOnDifferentCyclesAndEveryMode(string fileName)
    {
        var s = Load(fileName);

        var cycles = s.Intersections
            .GroupBy(x => x.Centre)
            .ToDictionary(g => g.Key, g => g.SelectMany(x => x.Plans.Values.Select(p => p.CycleS)).ToHashSet());
        Assert.Equal(["paris", "val-de-marne"], cycles.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(cycles["paris"].Intersect(cycles["val-de-marne"]));

        var modes = ClassModes(s);
        Assert.Contains(s.Lines, l => modes[l.VehicleClass] == TravelMode.Bus);
        Assert.Contains(s.Lines, l => modes[l.VehicleClass] == TravelMode.Tram);
        Assert.Contains(s.Demand, d => modes[d.VehicleClass] == TravelMode.Cycle && d.Periods.Any(p => p.FlowVehPerHour > 0));
        // Every intersection has signalised pedestrian crossings with pedestrians on them.
        Assert.All(s.Intersections, x => Assert.Contains(x.Crossings, c => c.FlowForwardPedPerHour + c.FlowBackwardPedPerHour > 0));
    }

    [Theory]
    [MemberData(nameof(Portes))]
    public void PrioritySettingsLiveAtTheCentresSoThatStrategiesCanSwitchThem(string fileName)
    {
        var s = Load(fileName);

        // An intersection's own settings would shadow whatever a strategy sets for its centre.
        Assert.All(s.Intersections, x => Assert.Null(x.Priority));
        Assert.All(s.Centres, c =>
        {
            Assert.Equal(BusPriorityAction.None, c.Priority?.Bus?.Action); // no bus priority at these portes today
            Assert.False(c.Forwarding?.Enabled ?? true);                      // no forwarding between the centres today
        });
        Assert.True(s.Centres.Single(c => c.Id == "paris").Priority?.Tram?.Absolute, "PC Lutèce gives the T3a absolute priority");
    }

    [Theory]
    [MemberData(nameof(Portes))]
    public void RunsWithTripsOfEveryModeAndOfEveryLine(string fileName)
    {
        var model = SimulationModelBuilder.Build(Load(fileName), durationOverrideS: ShortRunS);
        var result = new Simulation(model).Run();

        var tripModes = result.Records.Trips.Select(t => model.Classes[t.ClassIndex].Mode).ToHashSet();
        Assert.Equal(Enum.GetValues<TravelMode>().Order(), tripModes.Order());
        Assert.NotEmpty(result.Records.Pedestrians);

        var idleLines = model.Lines.Where(line => !result.Records.Trips.Any(t => t.Route == line.Route)).Select(line => line.Id).ToList();
        Assert.True(idleLines.Count == 0, $"no trip completed in {ShortRunS} s on line(s) {string.Join(", ", idleLines)}");

        // Trams are never stuck: no tram waits at a signal longer than the 120 s maximum imposed on a user.
        var tramWaits = result.Records.Crossings.Where(c => model.Classes[c.ClassIndex].Mode == TravelMode.Tram).Select(c => c.DelayS - c.DwellS).ToList();
        Assert.NotEmpty(tramWaits);
        Assert.True(tramWaits.Max() < 120, $"a tram waited {tramWaits.Max():0} s at a signal");
        Assert.InRange(result.VehiclesWaitingAtEntriesAtEnd, 0, model.Demands.Length);
    }

    /// <summary>Each centre's own priority settings with bus priority switched on, absolute tram priority, and forwarding on.</summary>
    private static ScenarioFile AllPriorityOn(ScenarioFile s) => s with
    {
        Centres = s.Centres.Select(c => c with
        {
            Priority = new PrioritySpec
            {
                Bus = (c.Priority?.Bus ?? new BusPrioritySpec()) with { Action = BusPriorityAction.ExtensionAndEarlyGreen },
                Tram = (c.Priority?.Tram ?? new TramPrioritySpec()) with { Absolute = true },
            },
            Forwarding = (c.Forwarding ?? new ForwardingSpec()) with { Enabled = true },
        }).ToList(),
    };

    [Theory]
    [MemberData(nameof(PortesAndSeeds))]
    public void BusAndTramPriorityWithForwardingEverywhereNeverTripsTheSafetyMonitor(string fileName, ulong seed)
    {
        var s = AllPriorityOn(Load(fileName));
        var errors = ScenarioValidator.Validate(s).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Format(fileName)).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

        var result = new Simulation(SimulationModelBuilder.Build(s, seed)).Run(); // SafetyViolationException on any unsafe state

        // Not vacuous: buses and trams were served, and announcements crossed between the centres.
        var priority = result.Records.Priority;
        Assert.Contains(priority, e => e.Mode == TravelMode.Bus && e.Action is PriorityAction.EarlyGreen or PriorityAction.Extension);
        Assert.Contains(priority, e => e.Mode == TravelMode.Tram && e.Action is PriorityAction.EarlyGreen or PriorityAction.Extension);
        Assert.Contains(priority, e => e.Forwarded && e.Action == PriorityAction.Requested);
    }
}
