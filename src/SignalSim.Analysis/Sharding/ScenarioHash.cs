// The identity of a study's scenario across shards: the SHA-256 of scenario.json as SignalSim
// writes it (the loaded scenario, strategies included), so two shards agree only when they ran
// exactly the same scenario, whatever the file's comments or layout were.
using System.Security.Cryptography;
using SignalSim.Core.Output;
using SignalSim.Core.Scenario;

namespace SignalSim.Analysis.Sharding;

public static class ScenarioHash
{
    public static string Of(byte[] scenarioJson) => Convert.ToHexStringLower(SHA256.HashData(scenarioJson));

    /// <summary>scenario.json's bytes for a loaded scenario.</summary>
    public static byte[] Bytes(ScenarioFile scenario)
    {
        using var stream = new MemoryStream();
        ScenarioJsonWriter.Write(scenario, stream);
        return stream.ToArray();
    }
}
