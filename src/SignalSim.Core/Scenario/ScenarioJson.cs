// The one set of System.Text.Json options used to read scenarios and to export their schema,
// so that the loader and the shipped schema cannot disagree about names or strictness. The type
// metadata is source-generated (ScenarioJsonContext): nothing is reflected over or emitted at
// run time, which keeps start-up short and lets the executable be compiled ahead of time.
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SignalSim.Core.Scenario;

public static class ScenarioJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The root type's metadata, for reading and writing whole scenarios.</summary>
    public static JsonTypeInfo<ScenarioFile> Scenario { get; } = (JsonTypeInfo<ScenarioFile>)Options.GetTypeInfo(typeof(ScenarioFile));

    /// <summary>A strategy's metadata (optimize writes the strategy it found).</summary>
    public static JsonTypeInfo<StrategySpec> Strategy { get; } = (JsonTypeInfo<StrategySpec>)Options.GetTypeInfo(typeof(StrategySpec));

    public static JsonReaderOptions ReaderOptions { get; } = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            WriteIndented = true,
            TypeInfoResolver = ScenarioJsonContext.Default.WithAddedModifier(KeepDefaults),
        };
        // Enums are written in kebab case ("fixed-time"), never as numbers. One converter per enum
        // of the format: the generic converter needs no code generated at run time. A test checks
        // that every enum the scenario types reach is listed here.
        AddEnum<TravelMode>(options);
        AddEnum<LaneKind>(options);
        AddEnum<ArrivalProcess>(options);
        AddEnum<DetectorKind>(options);
        AddEnum<SignalGroupKind>(options);
        AddEnum<ControlType>(options);
        AddEnum<RecallMode>(options);
        AddEnum<BusPriorityAction>(options);
        AddEnum<TransitionMethod>(options);
        AddEnum<PreemptionRecovery>(options);
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// The metadata of a scenario type by its full name (as System.Text.Json's messages give it),
    /// or null for a type the format does not use; found among the types reached from the root,
    /// so that no type is looked up by name through reflection.
    /// </summary>
    public static JsonTypeInfo? TypeInfoNamed(string fullName) => KnownTypes.Value.GetValueOrDefault(fullName);

    private static readonly Lazy<Dictionary<string, JsonTypeInfo>> KnownTypes = new(() =>
    {
        var known = new Dictionary<string, JsonTypeInfo>(StringComparer.Ordinal);
        Reach(Scenario, known);
        return known;
    });

    private static void Reach(JsonTypeInfo info, Dictionary<string, JsonTypeInfo> known)
    {
        if (!known.TryAdd(info.Type.FullName ?? info.Type.Name, info)) return;
        if (info.ElementType is { } element) Reach(Options.GetTypeInfo(element), known);
        if (info.KeyType is { } key) Reach(Options.GetTypeInfo(key), known);
        foreach (var property in info.Properties) Reach(Options.GetTypeInfo(property.PropertyType), known);
    }

    /// <summary>Every type the scenario format reaches from its root (records, lists, maps, enums, numbers).</summary>
    public static IEnumerable<Type> ReachableTypes() => KnownTypes.Value.Values.Select(i => i.Type);

    /// <summary>
    /// Source-generated metadata builds a record through one object initializer that sets every
    /// init-only property, those absent from the file to zero or null (dotnet/runtime#84484),
    /// which would lose the defaults the format declares as property initializers. So each scenario
    /// record is created by its parameterless constructor, which applies those initializers, and
    /// its properties are then set one by one, as the reflection-based serialiser does. Required
    /// fields are still checked by the serialiser.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The scenario records' constructors and properties are kept: the signalsim executable roots SignalSim.Core when it is trimmed (TrimmerRootAssembly).")]
    private static void KeepDefaults(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace != typeof(ScenarioFile).Namespace) return;
        var type = info.Type;
        info.CreateObject = () => Activator.CreateInstance(type)!;
        foreach (var property in info.Properties)
        {
            if (property.AttributeProvider is PropertyInfo { SetMethod: not null } clr) property.Set = clr.SetValue;
        }
    }

    private static void AddEnum<TEnum>(JsonSerializerOptions options) where TEnum : struct, Enum =>
        options.Converters.Add(new JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
}
