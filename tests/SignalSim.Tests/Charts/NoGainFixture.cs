// A comparison folder where no strategy is significantly better than the baseline, written by
// the code `compare` uses (ReplicationRunner, ComparisonOutput): the default Porte de Choisy
// scenario against itself with the Parcival clock set one second later, a change too small for
// three short replications to resolve. The note's summary must then say that no strategy
// reduces person-delay significantly.
using SignalSim.Analysis.Comparison;
using SignalSim.Analysis.Replications;
using SignalSim.Cli;
using SignalSim.Core.Engine;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Charts;

public sealed class NoGainFixture : IDisposable
{
    public const double DurationS = 900;
    public static readonly ulong[] Seeds = [11, 12, 13];

    public NoGainFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "signalsim-nogain-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var shipped = ScenarioLoader.LoadFile(Path.Combine("scenarios", "porte-de-choisy.json")).Scenario;
        var parcival = shipped.Centres.Single(c => c.Id == "val-de-marne");
        var scenario = shipped with
        {
            Strategies =
            [
                new StrategySpec { Id = "status-quo", Baseline = true, Description = "Status quo." },
                new StrategySpec
                {
                    Id = "parcival-plus-1s",
                    Description = "Parcival's clock one second later.",
                    Centres = new Dictionary<string, CentreOverlaySpec>
                    {
                        ["val-de-marne"] = new() { Clock = parcival.Clock with { OffsetS = parcival.Clock.OffsetS + 1 } },
                    },
                },
            ],
        };
        var strategies = StrategyRun.Select(scenario, null);
        var context = new RunContext("porte-de-choisy.json", SignalSimApp.Version, []);
        var folders = ComparisonOutput.FolderNames(strategies.Select(s => s.Id).ToList());
        var results = ReplicationRunner.Run(new ReplicationRequest(strategies, Seeds, DurationS, Environment.ProcessorCount),
            onResult: (s, k, result) =>
            {
                if (k == 0) RunOutputWriter.Write(result, context, Path.Combine(Root, folders[s]));
            });
        ComparisonOutput.WriteStudyFiles(Root, scenario, results, SignalSimApp.Version);
        ComparisonOutput.WriteTables(Root, ComparisonTable.Build(results),
            new StudyInfo(scenario.Name.ToString(), "porte-de-choisy.json", DurationS, scenario.Simulation.WarmupS, Seeds[0], "common random numbers"));
    }

    public string Root { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
