// The texts of charts and the note in one language, read from the embedded labels file of that
// language (fr.json, en.json), plus number formatting in that language's conventions: French
// writes "12,5 s" and the note goes to a French committee.
using System.Globalization;
using System.Text.Json;
using SignalSim.Core.Scenario;

namespace SignalSim.Charts.Labels;

public sealed class ChartLabels
{
    public static readonly IReadOnlyList<string> Languages = ["fr", "en"];
    public const string DefaultLanguage = "fr";

    private static readonly Dictionary<string, ChartLabels> Cache = new(StringComparer.Ordinal);
    private static readonly Lock CacheGate = new();

    private readonly Dictionary<string, string> _texts;

    private ChartLabels(string language, Dictionary<string, string> texts)
    {
        Language = language;
        _texts = texts;
    }

    public string Language { get; }

    public IReadOnlyCollection<string> Keys => _texts.Keys;

    /// <summary>The labels of a language; throws ArgumentException for a language without a labels file.</summary>
    public static ChartLabels For(string language)
    {
        if (!Languages.Contains(language))
            throw new ArgumentException($"unknown language '{language}'; choose one of {string.Join(", ", Languages)}", nameof(language));
        lock (CacheGate)
        {
            if (!Cache.TryGetValue(language, out var labels))
            {
                labels = new ChartLabels(language, Read(language));
                Cache[language] = labels;
            }
            return labels;
        }
    }

    public string this[string key] =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"no label '{key}' in {Language}.json");

    public string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    public bool Has(string key) => _texts.ContainsKey(key);

    /// <summary>A scenario text in this language (or in the only language it has).</summary>
    public string Text(LocalizedText text) => text.Text(Language);

    /// <summary>A mode word ("bus", "tramways"); an unknown mode is shown as written in the files.</summary>
    public string Mode(string mode) => _texts.TryGetValue("mode." + mode, out var text) ? text : mode;

    /// <summary>A number with a fixed count of decimals, with a decimal comma in French.</summary>
    public string Number(double value, int decimals)
    {
        var text = Math.Round(value, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (text.StartsWith('-') && text.Trim('-', '0', '.').Length == 0) text = text[1..];
        return Language == "fr" ? text.Replace('.', ',') : text;
    }

    /// <summary>A signed number ("+3,2", "−1,5"), as differences are shown.</summary>
    public string Signed(double value, int decimals)
    {
        var text = Number(Math.Abs(value), decimals);
        var zero = text.Trim('0', ',', '.').Length == 0;
        return zero ? text : (value > 0 ? "+" : "\u2212") + text;
    }

    /// <summary>Tick labels: the shortest of up to three decimals, in the language's convention.</summary>
    public string Tick(double value)
    {
        var text = Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
        if (text == "-0") text = "0";
        return Language == "fr" ? text.Replace('.', ',') : text;
    }

    private static Dictionary<string, string> Read(string language)
    {
        var name = $"SignalSim.Charts.Labels.{language}.json";
        using var stream = typeof(ChartLabels).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the labels file '{name}' is missing from the assembly");
        return JsonSerializer.Deserialize(stream, LabelsJsonContext.Default.DictionaryStringString)
            ?? throw new InvalidOperationException($"the labels file '{name}' is empty");
    }
}
