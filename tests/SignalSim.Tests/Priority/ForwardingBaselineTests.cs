// The message path must not change what cross-centre forwarding does: the runs of the Porte de
// Choisy shared bus priority strategy (its shipped 2 s latency, and 0 s) must write the same
// priority.csv, and the same trips, signal changes and stop-line crossings, as the files in
// ForwardingBaseline/. Those files were first written by SignalSim before priority travelled as
// messages (the forwarding path then called the controller directly), so the equality is with an
// earlier program, not with itself. They are rewritten (SIGNALSIM_UPDATE_FORWARDING_BASELINE=1
// dotnet test) only in a commit that changes how vehicles drive, or the columns of these files,
// and nothing of priority, messages or forwarding, and that says so; never to make a change to
// priority pass.
using System.Security.Cryptography;
using System.Text;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Priority;

public class ForwardingBaselineTests
{
    public static readonly TheoryData<string, double, ulong> Cases = new()
    {
        { "latency-2s", 2, 1 },
        { "latency-0s", 0, 1 },
        { "latency-0s", 0, 2 },
    };

    /// <summary>The shared strategy with both centres' forwarding at the given latency and no loss.</summary>
    internal static ScenarioFile Shared(double latencyS)
    {
        var s = StrategyOverlay.Apply(ScenarioLoader.LoadFile(Path.Combine("scenarios", "porte-de-choisy.json")).Scenario, "bus-priority-shared");
        return s with
        {
            Centres = s.Centres.Select(c => c with { Forwarding = c.Forwarding! with { LatencyS = latencyS, LossProbability = 0 } }).ToList(),
        };
    }

    internal static string BaselinePath(string name, ulong seed, string file) =>
        Path.Combine(AppContext.BaseDirectory, "Priority", "ForwardingBaseline", $"{name}-seed{seed}-{file}");

    /// <summary>priority.csv in full, and SHA-256 of trips.csv, signals.csv and crossings.csv, of one run.</summary>
    internal static (string Priority, string Hashes) Outputs(ScenarioFile s, ulong seed)
    {
        var result = new Simulation(SimulationModelBuilder.Build(s, seed)).Run();
        static string Text(Action<TextWriter> write)
        {
            var w = new StringWriter { NewLine = "\n" };
            write(w);
            return w.ToString();
        }
        static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
        var hashes = $"trips.csv {Hash(Text(w => TripsCsvWriter.Write(result, w)))}\n"
            + $"signals.csv {Hash(Text(w => SignalsCsvWriter.Write(result, w)))}\n"
            + $"crossings.csv {Hash(Text(w => CrossingsCsvWriter.Write(result, w)))}\n";
        return (Text(w => PriorityCsvWriter.Write(result, w)), hashes);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Shared_priority_without_loss_writes_what_forwarding_wrote_before_messages(string name, double latencyS, ulong seed)
    {
        var (priority, hashes) = Outputs(Shared(latencyS), seed);
        if (Environment.GetEnvironmentVariable("SIGNALSIM_UPDATE_FORWARDING_BASELINE") == "1")
        {
            var folder = Path.Combine(Path.GetDirectoryName(Scenarios.ShippedFiles.SourceScenarioFolder())!, "tests", "SignalSim.Tests", "Priority", "ForwardingBaseline");
            File.WriteAllText(Path.Combine(folder, $"{name}-seed{seed}-priority.csv"), priority);
            File.WriteAllText(Path.Combine(folder, $"{name}-seed{seed}-hashes.txt"), hashes);
            return;
        }
        var expectedPriority = File.ReadAllText(BaselinePath(name, seed, "priority.csv"));
        Assert.True(expectedPriority.Split('\n').Length > 20, "the baseline holds priority events (the test can fail)");
        Assert.Equal(expectedPriority, priority);
        Assert.Equal(File.ReadAllText(BaselinePath(name, seed, "hashes.txt")), hashes);
    }
}
