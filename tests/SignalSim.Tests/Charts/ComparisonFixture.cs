// A results folder as `compare` will leave it, built once for the chart tests: the default Porte
// de Choisy scenario with the 183 bus in both directions and three strategies (status quo, bus
// priority with cross-centre forwarding, a common 120 s cycle on one clock), each run for real
// (three replications, common seeds); replication 1's files in one sub-folder per strategy, with
// trajectories on the corridor and stop-line crossings; comparison.csv and .md written by the
// comparison code `compare` uses (t-intervals, paired differences); step_check.csv (the note's
// step-size check, by the code `compare` uses); scenario.json, comparison.json.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Replications;
using SignalSim.Charts.Model;
using SignalSim.Cli;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Charts;

public sealed class ComparisonFixture : IDisposable
{
    /// <summary>Measured time per run; SIGNALSIM_CHARTS_FIXTURE_DURATION_S overrides it (e.g. 3600 to time the note on a full hour).</summary>
    public static double DurationS { get; } =
        double.TryParse(Environment.GetEnvironmentVariable("SIGNALSIM_CHARTS_FIXTURE_DURATION_S"), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 1800;
    public const double WarmupS = 300;
    public const double TrajectoryWindowS = 900;
    public const int Replications = 3;
    public static readonly ulong[] Seeds = [1, 2, 3];
    public static readonly string[] StrategyIds = ["statu-quo", "priorite-bus", "cycle-commun"];

    public ComparisonFixture()
    {
        // SIGNALSIM_CHARTS_FIXTURE names a folder to keep the fixture in, to look at the charts.
        var kept = Environment.GetEnvironmentVariable("SIGNALSIM_CHARTS_FIXTURE");
        _keep = !string.IsNullOrEmpty(kept);
        Root = _keep ? Path.GetFullPath(kept!) : Path.Combine(Path.GetTempPath(), "signalsim-charts-" + Guid.NewGuid().ToString("N"));
        if (_keep && Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        Directory.CreateDirectory(Root);
        Scenario = BuildScenario();
        var errors = ScenarioValidator.Validate(Scenario).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Format("fixture")).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        WriteScenario(Scenario, Path.Combine(Root, "scenario.json"));

        // Both directions of the corridor: the default one and the northbound bus route.
        var corridorLinks = Corridor.Build(Scenario).Links.Select(l => l.Id).Concat(BusNorth.Links).ToList();
        // The study runs as `compare` runs it (ReplicationRunner, ComparisonTable, the CSV writer),
        // with trajectories on both directions of the corridor for replication 1.
        var recording = RecordingOptions.TrajectoriesAfterWarmup(WarmupS, TrajectoryWindowS, corridorLinks);
        var strategies = StrategyRun.Select(Scenario, StrategyIds);
        // Replication 1's files are written during the callback, as compare writes them: the
        // worker lends the run's records to its next run afterwards.
        var results = ReplicationRunner.Run(new ReplicationRequest(strategies, Seeds, DurationS, Environment.ProcessorCount, recording),
            onResult: (s, k, result) =>
            {
                if (k == 0) WriteRun(result, Path.Combine(Root, strategies[s].Id));
            });
        var table = ComparisonTable.Build(results);
        ComparisonOutput.WriteTables(Root, table, new StudyInfo(Scenario.Name.ToString(), "porte-de-choisy.json", DurationS, WarmupS, Seeds[0], "common random numbers"));
        // The note's step-size check as `compare` writes it: the baseline again at half the step on seeds 1-3.
        if (StepSizeCheck.RunHalfStep(strategies, Seeds, DurationS, Environment.ProcessorCount, CancellationToken.None) is { } halfStep
            && StepSizeCheck.Rows(results, halfStep) is { Count: > 0 } stepRows)
            StepSizeCheck.Write(Path.Combine(Root, StepSizeCheck.FileName), stepRows);
        File.WriteAllText(Path.Combine(Root, "comparison.json"),
            $"{{\n  \"replications\": {Replications},\n  \"seeds\": [{string.Join(", ", Seeds)}],\n  \"program_version\": \"{SignalSimApp.Version}\"\n}}\n");
    }

    private readonly bool _keep;

    public string Root { get; }
    public ScenarioFile Scenario { get; }

    public static ScenarioFile BuildScenario()
    {
        var s = ScenarioLoader.LoadFile(Path.Combine("scenarios", "porte-de-choisy.json")).Scenario;
        return s with
        {
            Simulation = s.Simulation with { DurationS = DurationS, WarmupS = WarmupS },
            Lines = [BusSouth, BusNorth],
            Strategies = [StatusQuo, BusPriority, CommonCycle],
        };
    }

    private static readonly LineSpec BusSouth = new()
    {
        Id = "183-sud", VehicleClass = "bus", HeadwayS = 240, FirstDepartureS = 20, DepartureJitterS = 60,
        Links = ["choisy-sb", "porte-sb-to-port-au-prince", "porte-sb-to-marques", "rd5-sb-to-verdun", "rd5-sb-out"],
        Stops =
        [
            new StopSpec { Id = "porte-de-choisy", Link = "choisy-sb", PositionM = 250, PassengersPerHour = 90 },
            new StopSpec { Id = "chateaudun-barbes", Link = "rd5-sb-to-verdun", PositionM = 300, PassengersPerHour = 60 },
        ],
    };

    private static readonly LineSpec BusNorth = new()
    {
        Id = "183-nord", VehicleClass = "bus", HeadwayS = 240, FirstDepartureS = 100, DepartureJitterS = 60,
        Links = ["rd5-nb-in", "rd5-nb-to-marques", "porte-nb-to-port-au-prince", "porte-nb-to-massena", "choisy-nb"],
        Stops =
        [
            new StopSpec { Id = "chateaudun-barbes", Link = "rd5-nb-in", PositionM = 320, PassengersPerHour = 60 },
            new StopSpec { Id = "porte-de-choisy", Link = "porte-nb-to-port-au-prince", PositionM = 120, PassengersPerHour = 120 },
        ],
    };

    private static readonly StrategySpec StatusQuo = new()
    {
        Id = "statu-quo", Baseline = true, Description = "Fonctionnement actuel : deux centres, deux cycles, deux horloges.",
    };

    // Green extension only: early green on this scenario currently trips the engine's safety
    // monitor (a side-street green cut below its minimum at the Parcival crossings).
    private static readonly PrioritySpec ExtensionOnly = new() { Bus = new BusPrioritySpec { Action = BusPriorityAction.Extension } };

    private static readonly StrategySpec BusPriority = new()
    {
        Id = "priorite-bus",
        Description = "Priorité bus par prolongation du vert dans les deux centres, annonce des bus d'un centre à l'autre.",
        Centres = new Dictionary<string, CentreOverlaySpec>
        {
            ["paris"] = new() { Priority = ExtensionOnly, Forwarding = new ForwardingSpec { Enabled = true } },
            ["val-de-marne"] = new() { Priority = ExtensionOnly, Forwarding = new ForwardingSpec { Enabled = true } },
        },
    };

    // Parcival on PC Lutèce's clock and cycle: corridor green 90 → 52 (82 s), side streets 57 → 84;
    // offsets give the northbound platoon Verdun → Marquès (27.4 s) → Port-au-Prince (21.6 s).
    private static readonly StrategySpec CommonCycle = new()
    {
        Id = "cycle-commun",
        // Given in French only, as a scenario author may: the English note must say so.
        Description = LocalizedText.Of("Cycle commun de 120 s sur l'horloge du PC Lutèce, décalages coordonnés vers Paris.", null),
        Centres = new Dictionary<string, CentreOverlaySpec> { ["val-de-marne"] = new() { Clock = new ClockSpec { OffsetS = 0, DriftSPerHour = 0 } } },
        Intersections = new Dictionary<string, IntersectionOverlaySpec>
        {
            ["marques"] = new() { Plans = new Dictionary<string, PlanSpec> { ["day"] = Plan(43.8, "porte-sb", "rd5-nb", "charles-leroy", "marques") } },
            ["verdun"] = new() { Plans = new Dictionary<string, PlanSpec> { ["day"] = Plan(16.4, "rd5-sb", "rd5-nb", "west", "east") } },
        },
    };

    private static PlanSpec Plan(double offsetS, string main1, string main2, string side1, string side2) => new()
    {
        CycleS = 120, OffsetS = offsetS,
        Greens = new Dictionary<string, GreenWindowSpec>
        {
            [main1] = new() { StartS = 90, EndS = 52 }, [main2] = new() { StartS = 90, EndS = 52 },
            [side1] = new() { StartS = 57, EndS = 84 }, [side2] = new() { StartS = 57, EndS = 84 },
        },
    };

    public static void WriteScenario(ScenarioFile scenario, string path)
    {
        var options = new JsonSerializerOptions(ScenarioJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        File.WriteAllText(path, JsonSerializer.Serialize(scenario, options));
    }

    private static void WriteRun(SimulationResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        using (var w = new StreamWriter(Path.Combine(folder, TripsCsvWriter.FileName))) TripsCsvWriter.Write(result, w);
        using (var w = new StreamWriter(Path.Combine(folder, PedestriansCsvWriter.FileName))) PedestriansCsvWriter.Write(result, w);
        using (var w = new StreamWriter(Path.Combine(folder, ApproachesCsvWriter.FileName))) ApproachesCsvWriter.Write(result, w);
        using (var w = new StreamWriter(Path.Combine(folder, SignalsCsvWriter.FileName))) SignalsCsvWriter.Write(result, w);
        FixtureFiles.WriteTrajectories(result, Path.Combine(folder, "trajectories.csv"));
        FixtureFiles.WriteCrossings(result, Path.Combine(folder, "crossings.csv"));
        var summary = RunSummaryBuilder.Build(result, new RunContext("porte-de-choisy.json", SignalSimApp.Version, []));
        using var stream = File.Create(Path.Combine(folder, SummaryJsonWriter.FileName));
        SummaryJsonWriter.Write(summary, stream);
    }

    /// <summary>Copies the fixture folder, so a test can damage its copy.</summary>
    public string CopyTo(string target)
    {
        foreach (var dir in Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(Root, dir)));
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(Root, file);
            if (rel.StartsWith("charts", StringComparison.Ordinal) || rel.StartsWith("report.", StringComparison.Ordinal)) continue;
            File.Copy(file, Path.Combine(target, rel));
        }
        return target;
    }

    public void Dispose()
    {
        if (_keep) return;
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ComparisonCollection : ICollectionFixture<ComparisonFixture>
{
    public const string Name = "comparison results folder";
}
