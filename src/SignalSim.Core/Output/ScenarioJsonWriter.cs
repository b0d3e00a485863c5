// scenario.json: the scenario exactly as this run used it (after any strategy was applied), so a
// results folder carries everything needed to read, chart or reproduce it. It loads with the
// ordinary scenario loader.
using System.Text.Json;
using SignalSim.Core.Scenario;

namespace SignalSim.Core.Output;

public static class ScenarioJsonWriter
{
    public const string FileName = "scenario.json";

    public static void Write(ScenarioFile scenario, Stream stream)
    {
        JsonSerializer.Serialize(stream, scenario, ScenarioJson.Scenario);
        stream.WriteByte((byte)'\n');
    }
}
