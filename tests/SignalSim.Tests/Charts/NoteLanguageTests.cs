// The note is in one language throughout. For every shipped scenario, a short comparison of all
// its strategies is run and its note written in French and in English; the French note's text
// (tags stripped) holds none of the English words it used to leak (table rows "pedestrian" and
// "all", the scenario's English prose), the English note none of the French ones. Strategy ids
// and plan names (kebab-case identifiers, e.g. pedestrian-peak) are names, not words, and are
// left out of the search.
using System.Net;
using System.Text.RegularExpressions;
using SignalSim.Charts.Report;
using SignalSim.Tests.Cli;
using SignalSim.Tests.Output;
using SignalSim.Tests.Scenarios;

namespace SignalSim.Tests.Charts;

public sealed partial class NoteLanguageTests
{
    private static readonly string[] EnglishLeaks =
    [
        "pedestrian", "pedestrians", "all", "car", "cars", "trams", "baseline", "no description", "Today", "morning peak",
        "assumed", "side street", "side streets", "both centres", "Status quo", "per trip", "lane", "crossing", "priority", "Assumptions",
        "Strategies compared", "one language only",
    ];

    private static readonly string[] FrenchLeaks =
    [
        "piétons", "voitures", "tramways", "vélos", "tous modes", "référence", "Hypothèses", "pointe du matin", "supposé", "supposée",
        "rues transversales", "Aujourd'hui", "carrefour", "priorité", "par trajet", "Stratégies comparées", "une seule langue",
    ];

    public static TheoryData<string> Scenarios() => new(ShippedFiles.ScenarioFileNames());

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Note_IsInOneLanguageThroughout(string fileName)
    {
        using var temp = new TempDirectory();
        var dir = temp["compare"];
        var run = await CliRunner.RunAsync("compare", ShippedFiles.ScenarioPath(fileName), "--replications", "2", "--duration", "300", "--no-report", "--out", dir);
        Assert.True(run.ExitCode == 0, run.Error);

        foreach (var (language, leaks) in new[] { ("fr", EnglishLeaks), ("en", FrenchLeaks) })
        {
            var files = ReportWriter.Write(dir, language);
            var text = VisibleText(File.ReadAllText(files.HtmlPath));
            var found = leaks.Where(w => Word(w).IsMatch(text)).Select(w => $"'{w}' in «{Context(text, Word(w).Match(text).Index)}»").ToList();
            Assert.True(found.Count == 0, $"{fileName}, note in {language}: {string.Join("; ", found)}");
            var markdown = File.ReadAllText(files.MarkdownPath);
            Assert.DoesNotContain(leaks, w => Word(w).IsMatch(Identifiers().Replace(markdown, " ")));
        }
    }

    /// <summary>The words a reader sees: tags, the style sheet and embedded images removed, entities decoded, identifiers blanked.</summary>
    private static string VisibleText(string html)
    {
        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..];
        var text = WebUtility.HtmlDecode(Tags().Replace(body, " "));
        return Identifiers().Replace(text, " ");
    }

    private static Regex Word(string word) => new($@"(?<![\p{{L}}\-])" + Regex.Escape(word) + @"(?![\p{L}\-])", RegexOptions.IgnoreCase);

    private static string Context(string text, int at) => text.Substring(Math.Max(0, at - 40), Math.Min(80, text.Length - Math.Max(0, at - 40))).ReplaceLineEndings(" ");

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    /// <summary>kebab-case identifiers (strategy ids, plan names, file names) and quoted ids.</summary>
    [GeneratedRegex(@"[\p{L}\d]+(?:[-_.][\p{L}\d]+)+")]
    private static partial Regex Identifiers();
}
