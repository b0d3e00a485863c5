// JSON-level robustness: a field given twice is refused naming both places (System.Text.Json
// alone would keep the last silently and blame the first), comments are accepted wherever
// whitespace is, messages read as English, and a scenario written on one line is read as fast
// as the same with line breaks.
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using SignalSim.Core.Scenario;
using SignalSim.Tests.Cli;

namespace SignalSim.Tests.Robustness;

[Collection(TimedCollection.Name)]
public class JsonSyntaxTests
{
    private static string BaseText => File.ReadAllText(CliRunner.ScenarioPath(ScenarioEdit.BaseFile));

    [Fact]
    public void DuplicateKey_IsRefusedNamingBothLocations()
    {
        // The second, invalid amber is the one JSON would keep: the error must be at it.
        var text = PhysicalRangeTests.Replace(BaseText, "\"description\": \"east-west main road\", \"amber_s\": 3,",
            "\"description\": \"east-west main road\", \"amber_s\": 3, \"amber_s\": 0,");
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText(text, "dup.json"));
        var d = Assert.Single(e.Diagnostics);
        var first = PhysicalRangeTests.LineColumn(text, "\"amber_s\": 3, \"amber_s\": 0", "");
        var second = PhysicalRangeTests.LineColumn(text, "\"amber_s\": 0,", "");
        Assert.Equal(second, (d.Line, d.Column));
        Assert.Contains($"field 'amber_s' is given twice in the same object, first at line {first.Line}, column {first.Column}, again here at line {second.Line}, column {second.Column}", d.Message, StringComparison.Ordinal);
        Assert.Equal("$.intersections[0].signal_groups[0].amber_s", d.JsonPath);
    }

    [Fact]
    public void DuplicateKeysInDifferentObjects_AreNotDuplicates()
    {
        Assert.NotNull(ScenarioLoader.LoadText(BaseText, "base.json").Scenario); // every "id" is in its own object
    }

    [Theory]
    [InlineData("\"name\" /* between key and colon */ : \"isolated-intersection\",")]
    [InlineData("\"name\": /* between colon and value */ \"isolated-intersection\" /* before the comma */ ,")]
    [InlineData("\"name\" // to the end of the line\n  : \"isolated-intersection\",")]
    public void CommentsAreAcceptedWhereverWhitespaceIs(string nameLine)
    {
        var text = PhysicalRangeTests.Replace(BaseText, "\"name\": \"isolated-intersection\",", nameLine);
        Assert.Equal("isolated-intersection", ScenarioLoader.LoadText(text, "comments.json").Scenario.Name);
    }

    [Fact]
    public void CommentLookalikesInsideStrings_AreKept()
    {
        var text = PhysicalRangeTests.Replace(BaseText, "\"name\": \"isolated-intersection\",", "\"name\": \"a // b /* c */ \\\" // d\",");
        Assert.Equal("a // b /* c */ \" // d", ScenarioLoader.LoadText(text, "strings.json").Scenario.Name);
    }

    [Fact]
    public void ErrorsAfterAComment_KeepTheirColumn()
    {
        var text = PhysicalRangeTests.Replace(BaseText, "\"warmup_s\": 600", "/* é */ \"warmup_s\": -1");
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText(text, "c.json"));
        Assert.Equal(PhysicalRangeTests.LineColumn(text, "\"warmup_s\": -1", "\"warmup_s\": "), (e.Diagnostics[0].Line, e.Diagnostics[0].Column));
    }

    [Fact]
    public void WrongTypeForTheWholeFile_ReadsAsEnglish()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText("[1, 2]", "list.json"));
        var message = Assert.Single(e.Diagnostics).Message;
        Assert.DoesNotContain("a the", message, StringComparison.Ordinal);
        Assert.Contains("expected the scenario object in { }", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AScenarioOnOneLine_IsReadAsFastAsWithLineBreaks()
    {
        // The default scenario, comments removed, on one line, padded with sources to about 50 MB.
        var oneLine = OneLine(File.ReadAllText(CliRunner.ScenarioPath("porte-de-choisy.json")));
        var source = "\"" + new string('x', 90) + "\",";
        var copies = 50_000_000 / source.Length;
        var text = new StringBuilder(oneLine.Length + copies * source.Length);
        var at = oneLine.IndexOf("\"sources\": [", StringComparison.Ordinal);
        Assert.True(at >= 0, "porte-de-choisy.json no longer lists sources; update the test");
        at += "\"sources\": [".Length;
        text.Append(oneLine, 0, at);
        for (var i = 0; i < copies; i++) text.Append(source);
        text.Append(oneLine, at, oneLine.Length - at);
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        Assert.DoesNotContain((byte)'\n', bytes);
        Assert.True(bytes.Length > 49_000_000, $"{bytes.Length} bytes");

        var watch = Stopwatch.StartNew();
        var loaded = ScenarioLoader.Load(bytes, "one-line.json");
        watch.Stop();
        Assert.True(loaded.Scenario.Sources.Count > copies);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"a 50 MB one-line scenario took {watch.Elapsed.TotalSeconds:0.0} s to validate");
    }

    [Fact]
    public void AFileOverTheSizeLimit_IsRefusedUnread()
    {
        var path = Path.Combine(Path.GetTempPath(), $"signalsim-huge-{Guid.NewGuid():N}.json");
        try
        {
            using (var f = File.Create(path)) f.SetLength(ScenarioLoader.MaxFileBytes + 1); // sparse: nothing is written
            var watch = Stopwatch.StartNew();
            var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(path));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1));
            Assert.Contains("more than the 64 MB a scenario may have", Assert.Single(e.Diagnostics).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The text without comments and line breaks (no comment marker occurs inside the shipped strings).</summary>
    private static string OneLine(string text)
    {
        var noComments = Encoding.UTF8.GetString(JsonComments.Blank(Encoding.UTF8.GetBytes(text)));
        return Regex.Replace(noComments, @"\s*\n\s*", " ");
    }
}
