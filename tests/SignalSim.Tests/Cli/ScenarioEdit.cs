// Bad scenarios made by editing the text of the shipped isolated-intersection scenario, so each
// test changes exactly one thing and knows on which line the mistake sits.
namespace SignalSim.Tests.Cli;

public sealed record EditedScenario(string Path, string Text)
{
    /// <summary>
    /// 1-based line and column of the text that follows <paramref name="prefix"/> within
    /// <paramref name="marker"/>, which must occur once: Locate("\"cycle_s\": 0", "\"cycle_s\": ")
    /// is where the value 0 starts.
    /// </summary>
    public (int Line, int Column) Locate(string marker, string prefix = "")
    {
        Assert.StartsWith(prefix, marker, StringComparison.Ordinal);
        var found = Text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(found >= 0, $"marker {marker} not found");
        Assert.Equal(found, Text.LastIndexOf(marker, StringComparison.Ordinal));
        var index = found + prefix.Length;
        var before = Text[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }
}

public static class ScenarioEdit
{
    public const string BaseFile = "isolated-intersection.json";

    /// <summary>Writes the base scenario with <paramref name="find"/> (which must occur once) replaced.</summary>
    public static EditedScenario Write(string folder, string fileName, string find, string replace) =>
        Write(folder, fileName, (find, replace));

    /// <summary>Writes the base scenario with each edit's text (which must occur once) replaced, in order.</summary>
    public static EditedScenario Write(string folder, string fileName, params (string Find, string Replace)[] edits)
    {
        var edited = File.ReadAllText(CliRunner.ScenarioPath(BaseFile));
        foreach (var (find, replace) in edits)
        {
            var at = edited.IndexOf(find, StringComparison.Ordinal);
            Assert.True(at >= 0, $"the base scenario no longer contains {find}; update the test");
            Assert.Equal(at, edited.LastIndexOf(find, StringComparison.Ordinal));
            edited = edited[..at] + replace + edited[(at + find.Length)..];
        }
        var path = System.IO.Path.Combine(folder, fileName);
        File.WriteAllText(path, edited);
        return new EditedScenario(path, edited);
    }
}
