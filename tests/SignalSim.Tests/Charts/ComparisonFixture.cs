// A results folder as `compare` will leave it, built once for the chart tests: the default Porte
// de Choisy scenario with the 183 bus in both directions and three strategies (status quo, bus
// priority with cross-centre forwarding, a common 120 s cycle on one clock), each run for real
// (three replications, common seeds); replication 1's files in one sub-folder per strategy, with
// trajectories on the corridor and stop-line crossings; comparison.csv computed from the
// replications (t-intervals, paired differences); scenario.json, comparison.json and .md.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
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

    /// <summary>Two-sided 97.5 % quantile of Student's t with Replications − 1 = 2 degrees of freedom.</summary>
    private const double T975Df2 = 4.302653;

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
        var stats = new Dictionary<(string Strategy, int Rep), Dictionary<string, ModeStats>>();
        foreach (var id in StrategyIds)
        {
            var applied = StrategyOverlay.Apply(Scenario, id);
            for (var rep = 0; rep < Replications; rep++)
            {
                var recording = rep == 0 ? RecordingOptions.TrajectoriesAfterWarmup(WarmupS, TrajectoryWindowS, corridorLinks) : RecordingOptions.None;
                var model = SimulationModelBuilder.Build(applied, Seeds[rep], DurationS, recording);
                var result = new Simulation(model).Run();
                stats[(id, rep)] = ModeStats.Of(result);
                if (rep == 0) WriteRun(result, Path.Combine(Root, id));
            }
        }
        WriteComparison(stats);
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
        Description = "Cycle commun de 120 s sur l'horloge du PC Lutèce, décalages coordonnés vers Paris.",
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
        FixtureFiles.WriteTrips(result, Path.Combine(folder, "trips.csv"));
        using (var w = new StreamWriter(Path.Combine(folder, ApproachesCsvWriter.FileName))) ApproachesCsvWriter.Write(result, w);
        using (var w = new StreamWriter(Path.Combine(folder, SignalsCsvWriter.FileName))) SignalsCsvWriter.Write(result, w);
        FixtureFiles.WriteTrajectories(result, Path.Combine(folder, "trajectories.csv"));
        FixtureFiles.WriteCrossings(result, Path.Combine(folder, "crossings.csv"));
        var summary = RunSummaryBuilder.Build(result, new RunContext("porte-de-choisy.json", SignalSimApp.Version, []));
        using var stream = File.Create(Path.Combine(folder, SummaryJsonWriter.FileName));
        SummaryJsonWriter.Write(summary, stream);
    }

    private void WriteComparison(Dictionary<(string Strategy, int Rep), Dictionary<string, ModeStats>> stats)
    {
        var c = CultureInfo.InvariantCulture;
        var csv = new StringBuilder("strategy,mode,trips,mean_travel_time_s,ci95_low_s,ci95_high_s,p90_travel_time_s,mean_delay_s,diff_vs_baseline_s,diff_ci95_low_s,diff_ci95_high_s\n");
        var md = new StringBuilder("| strategy | mode | trips | mean travel time (s) | 95 % CI | difference (s) |\n| --- | --- | ---: | ---: | --- | ---: |\n");
        var modes = stats.Values.SelectMany(d => d.Keys).Distinct().OrderBy(m => m, StringComparer.Ordinal).ToList();
        foreach (var id in StrategyIds)
        {
            foreach (var mode in modes)
            {
                var reps = Enumerable.Range(0, Replications).Select(r => stats[(id, r)].GetValueOrDefault(mode)).ToList();
                if (reps.Any(r => r is null)) continue;
                var (mean, half) = MeanCi(reps.Select(r => r!.MeanS));
                var line = string.Create(c, $"{id},{mode},{reps.Sum(r => r!.Trips)},{mean:F3},{mean - half:F3},{mean + half:F3},{reps.Average(r => r!.P90S):F3},{reps.Average(r => r!.MeanDelayS):F3},");
                if (id == StrategyIds[0])
                {
                    csv.Append(line).Append(",,\n");
                    md.Append(c, $"| {id} | {mode} | {reps.Sum(r => r!.Trips)} | {mean:F1} | [{mean - half:F1} ; {mean + half:F1}] | – |\n");
                    continue;
                }
                var diffs = Enumerable.Range(0, Replications).Select(r => stats[(id, r)][mode].MeanS - stats[(StrategyIds[0], r)][mode].MeanS);
                var (d, dh) = MeanCi(diffs);
                csv.Append(line).Append(c, $"{d:F3},{d - dh:F3},{d + dh:F3}\n");
                md.Append(c, $"| {id} | {mode} | {reps.Sum(r => r!.Trips)} | {mean:F1} | [{mean - half:F1} ; {mean + half:F1}] | {d:F1} |\n");
            }
        }
        File.WriteAllText(Path.Combine(Root, "comparison.csv"), csv.ToString());
        File.WriteAllText(Path.Combine(Root, "comparison.md"), md.ToString());
        File.WriteAllText(Path.Combine(Root, "comparison.json"),
            $"{{\n  \"replications\": {Replications},\n  \"seeds\": [{string.Join(", ", Seeds)}],\n  \"program_version\": \"{SignalSimApp.Version}\"\n}}\n");
    }

    private static (double Mean, double HalfWidth) MeanCi(IEnumerable<double> values)
    {
        var v = values.ToList();
        var mean = v.Average();
        var sd = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1));
        return (mean, T975Df2 * sd / Math.Sqrt(v.Count));
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

    private sealed record ModeStats(int Trips, double MeanS, double P90S, double MeanDelayS)
    {
        public static Dictionary<string, ModeStats> Of(SimulationResult r) =>
            r.Records.Trips.GroupBy(t => r.Model.Classes[t.ClassIndex].Mode.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g =>
            {
                var times = g.Select(t => t.TravelTimeS).Order().ToList();
                return new ModeStats(times.Count, times.Average(), Statistics.Quantile(times, 0.9), g.Average(t => t.DelayS));
            });
    }
}

[CollectionDefinition(Name)]
public sealed class ComparisonCollection : ICollectionFixture<ComparisonFixture>
{
    public const string Name = "comparison results folder";
}
