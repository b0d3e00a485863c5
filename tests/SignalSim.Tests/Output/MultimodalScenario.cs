// A small all-modes scenario made by editing the text of the shipped isolated intersection: a bus
// line on the main road with a stop, a tram on its own track beside the side road's lane (no
// stops, so its lateness is taken at the exit), a pedestrian crossing over the main road that
// walks with the side road, and absolute tram priority at the centre.
// The walk group clears its 12 m crossing at 1.0 m/s: 22 s green + 5 s intergreen ≥ 12 s.
// (Bus priority with a longer pedestrian intergreen is exercised in Safety/PrioritySafetyTests.)
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Cli;

namespace SignalSim.Tests.Output;

public static class MultimodalScenario
{
    public const string FileName = "multimodal.json";

    private static readonly (string Find, string Replace)[] Edits =
    [
        ("\"periods\": [ { \"start_s\": 0, \"plan\": \"day\" } ] }",
            "\"periods\": [ { \"start_s\": 0, \"plan\": \"day\" } ], \"priority\": { \"tram\": {} } }"),
        ("{ \"id\": \"side\", \"description\": \"north-south side road\", \"amber_s\": 3, \"min_green_s\": 6 }",
            "{ \"id\": \"side\", \"description\": \"north-south side road\", \"amber_s\": 3, \"min_green_s\": 6 },\n" +
            "        { \"id\": \"walk\", \"kind\": \"pedestrian\", \"amber_s\": 0, \"min_green_s\": 6 }"),
        ("{ \"from\": \"side\", \"to\": \"main\", \"intergreen_s\": 5 }",
            "{ \"from\": \"side\", \"to\": \"main\", \"intergreen_s\": 5 },\n" +
            "        { \"from\": \"main\", \"to\": \"walk\", \"intergreen_s\": 5 },\n" +
            "        { \"from\": \"walk\", \"to\": \"main\", \"intergreen_s\": 5 }"),
        ("\"plans\": {",
            "\"crossings\": [ { \"id\": \"west-arm\", \"length_m\": 12, \"group\": \"walk\", \"flow_forward_ped_per_hour\": 300, \"flow_backward_ped_per_hour\": 200 } ],\n" +
            "      \"plans\": {"),
        ("\"side\": { \"start_s\": 50, \"end_s\": 85 } }",
            "\"side\": { \"start_s\": 50, \"end_s\": 85 }, \"walk\": { \"start_s\": 50, \"end_s\": 72 } }"),
        ("{ \"id\": \"south-in\", \"from\": \"S\", \"to\": \"X\", \"length_m\": 500, \"speed_limit_kmh\": 50, \"lanes\": 1 }",
            "{ \"id\": \"south-in\", \"from\": \"S\", \"to\": \"X\", \"length_m\": 500, \"speed_limit_kmh\": 50, \"lanes\": 2, \"lane_kinds\": [\"general\", \"tram\"] }"),
        ("{ \"id\": \"north-out\", \"from\": \"X\", \"to\": \"N\", \"length_m\": 300, \"speed_limit_kmh\": 50, \"lanes\": 1 }",
            "{ \"id\": \"north-out\", \"from\": \"X\", \"to\": \"N\", \"length_m\": 300, \"speed_limit_kmh\": 50, \"lanes\": 2, \"lane_kinds\": [\"general\", \"tram\"] }"),
        ("\"demand\": [",
            "\"lines\": [\n" +
            "    { \"id\": \"bus-east\", \"vehicle_class\": \"bus\", \"links\": [\"west-in\", \"east-out\"], \"headway_s\": 180, \"first_departure_s\": 20, \"departure_jitter_s\": 40,\n" +
            "      \"stops\": [ { \"id\": \"halfway\", \"link\": \"west-in\", \"position_m\": 200, \"dwell_fixed_s\": 10, \"boarding_s_per_passenger\": 2, \"passengers_per_hour\": 60 } ] },\n" +
            "    { \"id\": \"tram-north\", \"vehicle_class\": \"tram\", \"links\": [\"south-in\", \"north-out\"], \"headway_s\": 300, \"first_departure_s\": 45 }\n" +
            "  ],\n" +
            "  \"demand\": ["),
    ];

    /// <summary>Writes the scenario into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder)
    {
        var text = File.ReadAllText(CliRunner.ScenarioPath(ScenarioEdit.BaseFile));
        foreach (var (find, replace) in Edits)
        {
            var at = text.IndexOf(find, StringComparison.Ordinal);
            Assert.True(at >= 0, $"the base scenario no longer contains {find}; update the test");
            Assert.Equal(at, text.LastIndexOf(find, StringComparison.Ordinal));
            text = text[..at] + replace + text[(at + find.Length)..];
        }
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Loads (and so validates) the scenario and runs it for the given measured duration.</summary>
    public static SimulationResult Run(double durationS = 1800, ulong? seed = null)
    {
        using var tmp = new TempDirectory();
        var loaded = ScenarioLoader.LoadFile(Write(tmp.Path));
        return new Simulation(SimulationModelBuilder.Build(loaded.Scenario, seed, durationS)).Run();
    }
}
