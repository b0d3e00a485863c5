// The exported signal programs show in SUMO, at every step, the state SignalSim shows, plan
// changes included: the isolated intersection runs its 90 s day plan, changes to a 70 s night
// plan and back (SignalSim's dwell transitions, SUMO's program switches); SUMO's tls states
// (SaveTLSStates) are compared with SignalSim's recorded signal changes, link by link.
using System.Globalization;
using System.Xml.Linq;
using SignalSim.Analysis.Interop.Sumo;
using SignalSim.Core;
using SignalSim.Core.Engine;
using SignalSim.Core.Model;
using SignalSim.Core.Scenario;
using SignalSim.Core.Signals;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;

namespace SignalSim.Tests.Interop;

public class SumoSignalStateTests
{
    private const string Night = "\"night\": { \"cycle_s\": 70, \"offset_s\": 13, \"greens\": { \"main\": { \"start_s\": 0, \"end_s\": 30 }, \"side\": { \"start_s\": 35, \"end_s\": 65 } } }";

    [Fact]
    public void SumoShowsSignalSimsStatesAtEveryStepThroughPlanChanges()
    {
        SumoRunner.Tool("netconvert");
        using var dir = new TempDirectory();
        var edited = ScenarioEdit.Write(dir.Path, "plans.json",
            ("\"periods\": [ { \"start_s\": 0, \"plan\": \"day\" } ]", "\"periods\": [ { \"start_s\": 0, \"plan\": \"day\" }, { \"start_s\": 30300, \"plan\": \"night\" }, { \"start_s\": 31500, \"plan\": \"day\" } ]"),
            ("\"side\": { \"start_s\": 50, \"end_s\": 85 } } }", "\"side\": { \"start_s\": 50, \"end_s\": 85 } } },\n        " + Night));
        var scenario = SumoExporter.AsExported(ScenarioLoader.LoadFile(edited.Path).Scenario);

        // SignalSim: the state of each group over the whole run, from its recorded changes.
        var model = SimulationModelBuilder.Build(scenario);
        var run = new Simulation(model).Run();
        var endS = SimTime.ToSeconds(model.EndTicks);

        var export = dir["sumo"];
        Directory.CreateDirectory(export);
        var result = SumoExporter.Export(scenario, "base", export);
        Assert.True(result.NetworkBuilt, result.NetconvertMessage);
        Assert.Contains(SumoExportResult.PlanChangesFileName, result.Files);
        File.WriteAllText(Path.Combine(export, "tls.add.xml"), "<additional><timedEvent type=\"SaveTLSStates\" source=\"X\" dest=\"tls.xml\"/></additional>");
        var sumo = SumoRunner.Sumo(export, "--additional-files", $"{SumoExportResult.StopsFileName},{SumoExportResult.PlanChangesFileName},tls.add.xml");
        Assert.True(sumo.Succeeded, sumo.StandardError);
        Assert.Empty(SumoRunner.UnexpectedMessages(sumo.StandardError));

        // Which group each SUMO link shows: its connection (tll file) and the scenario's movement.
        var x = scenario.Intersections.Single();
        var groupOfLink = XDocument.Load(Path.Combine(export, SumoExportResult.SignalsFileName)).Root!.Elements("connection")
            .OrderBy(c => (int)c.Attribute("linkIndex")!)
            .Select(c => x.Movements.First(m => m.From == (string)c.Attribute("from")! && m.To == (string)c.Attribute("to")!).Group)
            .ToList();
        var groupIndex = model.Controllers[0].GroupIds.ToList();

        var changes = run.Records.SignalChanges.OrderBy(c => c.Ticks).ToList();
        var state = run.Records.InitialSignals.ToArray();
        var next = 0;
        var compared = 0;
        var programs = new HashSet<string>();
        foreach (var row in XDocument.Load(Path.Combine(export, "tls.xml")).Root!.Elements("tlsState"))
        {
            var t = SimTime.FromSeconds(double.Parse((string)row.Attribute("time")!, CultureInfo.InvariantCulture));
            if (SimTime.ToSeconds(t) > endS) break;
            while (next < changes.Count && changes[next].Ticks <= t) { state[changes[next].Group] = changes[next].State; next++; }
            var sumoState = (string)row.Attribute("state")!;
            programs.Add((string)row.Attribute("programID")!);
            for (var k = 0; k < groupOfLink.Count; k++)
            {
                var expected = state[groupIndex.IndexOf(groupOfLink[k])] switch { SignalState.Green => "Gg", SignalState.Amber => "y", _ => "r" };
                Assert.True(expected.Contains(sumoState[k]), $"at {SimTime.ToSeconds(t)} s link {k} ({groupOfLink[k]}): SignalSim {state[groupIndex.IndexOf(groupOfLink[k])]}, SUMO '{sumoState[k]}' in program {(string)row.Attribute("programID")!}");
            }
            compared++;
        }
        Assert.True(compared >= endS / SimTime.ToSeconds(model.StepTicks) * 0.99, $"only {compared} SUMO states read");
        Assert.Contains("night", programs);
        Assert.Contains("day", programs);
    }
}
