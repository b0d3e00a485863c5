// The scenario format is read through source-generated metadata (ScenarioJsonContext), which must
// read every file exactly as the reflection-based serialiser does: the same fields, the same
// defaults for the fields a file leaves out, the same enum texts.
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Scenarios;

public class ScenarioJsonTests
{
    /// <summary>The loader's options with the reflection-based resolver instead of the generated one.</summary>
    private static readonly JsonSerializerOptions Reflection = new(ScenarioJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static TheoryData<string> Shipped() => [.. ShippedFiles.ScenarioFileNames()];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Generated_metadata_reads_a_shipped_scenario_as_reflection_does(string fileName)
    {
        var bytes = File.ReadAllBytes(ShippedFiles.ScenarioPath(fileName));
        var generated = ScenarioLoader.Load(bytes, fileName).Scenario;
        var reflected = ReadByReflection(bytes);
        Assert.Equal(JsonSerializer.Serialize(reflected, Reflection), JsonSerializer.Serialize(generated, Reflection));
    }

    [Fact]
    public void Fields_left_out_take_the_declared_defaults()
    {
        // The generated object initializer alone would set every absent init-only field to zero
        // (dotnet/runtime#84484): a vehicle class of zero length, a zero step.
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(ShippedFiles.ScenarioPath("isolated-intersection.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        node.Remove("simulation");
        var scenario = ScenarioLoader.LoadText(node.ToJsonString(), "isolated-intersection.json").Scenario;
        var defaults = new SimulationSettings();
        Assert.True(defaults.StepS > 0);
        Assert.Equal(JsonSerializer.Serialize(defaults, Reflection), JsonSerializer.Serialize(scenario.Simulation, Reflection));
    }

    [Fact]
    public void Every_enum_of_the_format_is_read_and_written_as_kebab_case_text()
    {
        var enums = ScenarioJson.ReachableTypes().Select(t => Nullable.GetUnderlyingType(t) ?? t).Where(t => t.IsEnum).Distinct().ToList();
        Assert.NotEmpty(enums);
        foreach (var type in enums)
        {
            var info = ScenarioJson.Options.GetTypeInfo(type);
            foreach (var value in Enum.GetValues(type))
            {
                var json = JsonSerializer.Serialize(value, info);
                Assert.True(json == JsonSerializer.Serialize(value, Reflection.GetTypeInfo(type)) && json.StartsWith('"'),
                    $"{type.Name}.{value} is written as {json}: add its converter to ScenarioJson.CreateOptions");
                Assert.Equal(value, JsonSerializer.Deserialize(json, info));
            }
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("0", info));
        }
    }

    private static ScenarioFile ReadByReflection(byte[] bytes)
    {
        var index = JsonLocationIndex.Build(bytes, CancellationToken.None);
        return JsonSerializer.Deserialize<ScenarioFile>(index.Parseable, Reflection)!;
    }
}
