// The shipped JSON Schema is the one generated from the scenario model types, and it is strict
// and documented enough for editors to complete and check scenario files.
// To regenerate it after changing the model: SIGNALSIM_UPDATE_SCHEMA=1 dotnet test
using System.Text.Json.Nodes;
using SignalSim.Core.Scenario;

namespace SignalSim.Tests.Scenarios;

public class ScenarioSchemaTests
{
    private const string UpdateVariable = "SIGNALSIM_UPDATE_SCHEMA";

    [Fact]
    public void ShippedSchemaEqualsGeneratedSchema()
    {
        var generated = ScenarioSchema.Generate();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(Path.Combine(ShippedFiles.SourceScenarioFolder(), ShippedFiles.SchemaFileName), generated);
            return;
        }
        var shipped = File.ReadAllText(Path.Combine(ShippedFiles.OutputScenarioFolder, ShippedFiles.SchemaFileName));
        Assert.True(shipped == generated,
            $"scenarios/{ShippedFiles.SchemaFileName} is out of date with the scenario model; regenerate it with {UpdateVariable}=1 dotnet test");
    }

    [Fact]
    public void GeneratedTextUsesLfLineEndingsAndEndsWithANewline()
    {
        var text = ScenarioSchema.Generate();
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RootNamesTheMetaSchemaAndTitle()
    {
        var schema = ScenarioSchema.GenerateNode();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal("SignalSim scenario", (string?)schema["title"]);
        var required = schema["required"]!.AsArray().Select(n => (string?)n).ToList();
        Assert.Equal(["name", "centres", "intersections", "boundaries", "links", "demand"], required);
    }

    [Fact]
    public void EveryObjectRejectsUnknownFieldsAndEveryFieldIsDescribed()
    {
        var problems = new List<string>();
        Walk(ScenarioSchema.GenerateNode(), "#", problems);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void OptionalFieldsShowTheDefaultsTheLoaderApplies()
    {
        var schema = ScenarioSchema.GenerateNode();
        var simulation = schema["properties"]!["simulation"]!["properties"]!;
        Assert.Equal(0.5, (double)simulation["step_s"]!["default"]!);
        Assert.Equal(28800, (double)simulation["start_time_of_day_s"]!["default"]!);
        var group = schema["properties"]!["intersections"]!["items"]!["properties"]!["signal_groups"]!["items"]!["properties"]!;
        Assert.Equal(3, (double)group["amber_s"]!["default"]!);
        var demand = schema["properties"]!["demand"]!["items"]!["properties"]!;
        Assert.Equal("poisson", (string?)demand["arrivals"]!["default"]);
        Assert.Null(demand["id"]!["default"]); // required fields have no default
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void EveryScenarioPointsAtTheShippedSchema(string fileName)
    {
        var scenario = ScenarioLoader.LoadFile(ShippedFiles.ScenarioPath(fileName)).Scenario;
        Assert.Equal("./" + ShippedFiles.SchemaFileName, scenario.Schema);
    }

    public static TheoryData<string> Scenarios() => new(ShippedFiles.ScenarioFileNames());

    private static void Walk(JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject properties)
                {
                    if (obj["additionalProperties"] is not JsonValue v || v.GetValue<bool>())
                        problems.Add($"{path}: object without \"additionalProperties\": false");
                    foreach (var (name, property) in properties)
                    {
                        if (property?["description"] is null) problems.Add($"{path}/properties/{name}: no description");
                    }
                }
                foreach (var (name, child) in obj) Walk(child, $"{path}/{name}", problems);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Walk(array[i], $"{path}/{i}", problems);
                break;
        }
    }
}
