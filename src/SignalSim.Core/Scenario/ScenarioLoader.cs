// Reads a scenario file: JSON syntax, then the typed model (unknown and missing fields), then the
// semantic checks of ScenarioValidator. Every problem comes back located as file:line:column.
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SignalSim.Core.Scenario;

/// <summary>A scenario that passed validation, with the warnings it raised.</summary>
public sealed record LoadedScenario(ScenarioFile Scenario, string SourceName, IReadOnlyList<ScenarioDiagnostic> Warnings);

public static partial class ScenarioLoader
{
    /// <summary>
    /// Largest scenario file read: 64 MB, hundreds of times the largest real corridor (about
    /// 70 kB), so that a wrong file is refused at once instead of filling memory.
    /// </summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public static LoadedScenario LoadFile(string path, CancellationToken cancellation = default, StageTimes? times = null)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
                throw new ScenarioException(path, [new(DiagnosticSeverity.Error, "", $"the file is {length / (1024 * 1024)} MB, more than the {MaxFileBytes / (1024 * 1024)} MB a scenario may have; check that this is a scenario file")]);
            bytes = StageTimes.Measure(times, LoadStage, () => File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException(path, [new(DiagnosticSeverity.Error, "", $"cannot read the scenario file: {e.Message}")]);
        }
        return Load(bytes, path, cancellation, times);
    }

    public static LoadedScenario LoadText(string json, string sourceName) => Load(Encoding.UTF8.GetBytes(json), sourceName);

    /// <summary>Names of the stages timed when a StageTimes is given: reading and parsing, then the checks.</summary>
    public const string LoadStage = "load", ValidateStage = "validate";

    public static LoadedScenario Load(byte[] utf8, string sourceName, CancellationToken cancellation = default, StageTimes? times = null)
    {
        if (utf8.LongLength > MaxFileBytes)
            throw new ScenarioException(sourceName, [new(DiagnosticSeverity.Error, "", $"the scenario is {utf8.LongLength / (1024 * 1024)} MB, more than the {MaxFileBytes / (1024 * 1024)} MB a scenario may have")]);
        var parseStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF) utf8 = utf8[3..];
        JsonLocationIndex index;
        try
        {
            index = JsonLocationIndex.Build(utf8, cancellation);
        }
        catch (JsonException e)
        {
            throw new ScenarioException(sourceName, [Located(e, "the file is not valid JSON: " + StripPosition(e.Message), utf8)]);
        }

        if (index.Duplicates.Count > 0)
            throw new ScenarioException(sourceName, index.Duplicates.Select(d => DuplicateError(d, index)).ToList());
        cancellation.ThrowIfCancellationRequested();

        ScenarioFile? scenario;
        try
        {
            // Read from a stream so that a large file can be interrupted between buffers (Ctrl+C).
            using var stream = new MemoryStream(index.Parseable, writable: false);
            scenario = JsonSerializer.DeserializeAsync(stream, ScenarioJson.Scenario, cancellation).AsTask().GetAwaiter().GetResult();
        }
        catch (JsonException e)
        {
            throw new ScenarioException(sourceName, [Located(e, Humanise(e), utf8)]);
        }
        if (scenario is null)
            throw new ScenarioException(sourceName, [new(DiagnosticSeverity.Error, "$", "the file holds null; it must hold a scenario object") { Line = 1, Column = 1 }]);

        cancellation.ThrowIfCancellationRequested();
        times?.Add(LoadStage, System.Diagnostics.Stopwatch.GetElapsedTime(parseStarted));
        var validateStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var diagnostics = ScenarioValidator.Validate(scenario, cancellation)
            .Select(d => index.Locate(d.JsonPath) is var (line, column) ? d with { Line = line, Column = column } : d)
            .ToList();
        times?.Add(ValidateStage, System.Diagnostics.Stopwatch.GetElapsedTime(validateStarted));
        if (diagnostics.Exists(d => d.Severity == DiagnosticSeverity.Error)) throw new ScenarioException(sourceName, diagnostics);
        return new LoadedScenario(scenario, sourceName, diagnostics);
    }

    /// <summary>Reported at the second occurrence, naming the first: JSON would silently keep the last.</summary>
    private static ScenarioDiagnostic DuplicateError(JsonLocationIndex.DuplicateKey d, JsonLocationIndex index)
    {
        var (firstLine, firstColumn) = index.LineColumn(d.FirstOffset);
        var (line, column) = index.LineColumn(d.SecondOffset);
        return new ScenarioDiagnostic(DiagnosticSeverity.Error, JsonLocationIndex.Child(d.ObjectPath, d.Name),
            $"field '{d.Name}' is given twice in the same object, first at line {firstLine}, column {firstColumn}, again here at line {line}, column {column}; keep only one of them")
        { Line = line, Column = column };
    }

    private static ScenarioDiagnostic Located(JsonException e, string message, byte[] utf8)
    {
        var line = (int)(e.LineNumber ?? -1) + 1;
        var column = (int)(e.BytePositionInLine ?? 0) + 1;
        if (line > 0 && e.BytePositionInLine is { } bytePos)
        {
            column = CharColumn(utf8, line, (int)bytePos);
        }
        return new ScenarioDiagnostic(DiagnosticSeverity.Error, e.Path ?? "", message) { Line = Math.Max(line, 0), Column = line > 0 ? column : 0 };
    }

    private static int CharColumn(byte[] utf8, int line, int bytePosInLine)
    {
        var offset = 0;
        for (var l = 1; l < line && offset < utf8.Length; offset++)
        {
            if (utf8[offset] == (byte)'\n') l++;
        }
        var count = Math.Clamp(bytePosInLine, 0, utf8.Length - offset);
        return Encoding.UTF8.GetCharCount(utf8, offset, count) + 1;
    }

    private static string StripPosition(string message) => PositionSuffix().Replace(message, "").Trim();

    /// <summary>Turns System.Text.Json's messages into ones a scenario author can act on.</summary>
    private static string Humanise(JsonException e)
    {
        var message = e.Message;
        var unknown = UnknownMember().Match(message);
        if (unknown.Success)
        {
            var type = ScenarioJson.TypeInfoNamed(unknown.Groups["type"].Value);
            var known = type is null ? "" : "; known fields: " + string.Join(", ", type.Properties.Select(p => p.Name));
            return $"unknown field '{unknown.Groups["name"].Value}' in {Describe(unknown.Groups["type"].Value)}; check the spelling{known}";
        }
        var missing = MissingRequired().Match(message);
        if (missing.Success)
        {
            return $"{Describe(missing.Groups["type"].Value)} is missing required field(s) {missing.Groups["names"].Value}; add them";
        }
        var convert = CannotConvert().Match(message);
        if (convert.Success)
        {
            var target = convert.Groups["type"].Value;
            var field = e.Path is { } path ? path[(path.LastIndexOfAny(['.', '[']) + 1)..].TrimEnd(']') : "value";
            var expected = target switch
            {
                _ when target.Contains("Double") || target.Contains("Int") || target.Contains("UInt") => "a number",
                _ when target.Contains("String") => "a text in quotes",
                _ when target.Contains("IReadOnlyList") || target.Contains("List") => "a list in [ ]",
                _ when target.Contains("Dictionary") => "an object in { }",
                _ when target.Contains("LaneKind") => "one of \"general\", \"bus\", \"tram\", \"cycle\"",
                _ when target.Contains("TravelMode") => "one of \"car\", \"bus\", \"tram\", \"cycle\"",
                _ when target.Contains("ArrivalProcess") => "one of \"poisson\", \"uniform\"",
                _ => $"{Describe(target)} object in {{ }}",
            };
            return $"wrong value for '{field}': expected {expected}";
        }
        if (message.Contains("null", StringComparison.OrdinalIgnoreCase)) return "null is not allowed here; give a value or remove the field if it is optional";
        return StripPosition(message);
    }

    private static string Describe(string typeName)
    {
        var name = typeName[(typeName.LastIndexOf('.') + 1)..];
        if (name.EndsWith("Spec", StringComparison.Ordinal)) name = name[..^4];
        if (name == "ScenarioFile") return "the scenario";
        var words = Regex.Replace(name, "(?<=[a-z])([A-Z])", " $1").ToLowerInvariant();
        return ("aeiou".Contains(words[0]) ? "an " : "a ") + words;
    }

    [GeneratedRegex(@"\s*(Path: .*)?\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex PositionSuffix();

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped to any \.NET member contained in type '(?<type>[^']*)'")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"JSON deserialization for type '(?<type>[^']*)' was missing required properties(?: including)?: (?<names>.*?)\.?(\s*Path:|$)")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"The JSON value could not be converted to (?<type>[^.\s]+(\.[^.\s]+)*)\.")]
    private static partial Regex CannotConvert();
}
