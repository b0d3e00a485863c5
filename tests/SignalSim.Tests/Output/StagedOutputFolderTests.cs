// The staging folder: nothing reaches the target before commit, and an abandoned run leaves
// nothing behind, not even the parent folders created for it.
using SignalSim.Core.Output;

namespace SignalSim.Tests.Output;

public sealed class StagedOutputFolderTests : IDisposable
{
    private static readonly string[] Files = ["a.csv", "summary.json"];

    private readonly TempDirectory _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void DisposeWithoutCommit_RemovesStagingAndCreatedParents()
    {
        using (var folder = StagedOutputFolder.Create(Path.Combine(_tmp["p1"], "p2", "out")))
        {
            File.WriteAllText(folder.PathFor("a.csv"), "x");
            Assert.True(Directory.Exists(folder.StagingPath));
            Assert.False(Directory.Exists(folder.TargetPath));
            Assert.Equal(Path.GetDirectoryName(folder.TargetPath), Path.GetDirectoryName(folder.StagingPath));
        }
        Assert.Empty(_tmp.Entries());
    }

    [Fact]
    public void DisposeWithoutCommit_KeepsAParentThatExistedBefore()
    {
        Directory.CreateDirectory(_tmp["results"]);
        using (StagedOutputFolder.Create(_tmp["results/run"]))
        {
        }
        Assert.Equal(["results"], _tmp.Entries());
        Assert.Empty(Directory.GetFileSystemEntries(_tmp["results"]));
    }

    [Fact]
    public void Commit_IntoANewFolder_MovesEverything()
    {
        using (var folder = StagedOutputFolder.Create(_tmp["out"]))
        {
            foreach (var f in Files) File.WriteAllText(folder.PathFor(f), f);
            folder.Commit(Files);
        }
        Assert.Equal(["out"], _tmp.Entries());
        Assert.Equal("summary.json", File.ReadAllText(_tmp["out/summary.json"]));
    }

    [Fact]
    public void Commit_IntoAnExistingFolder_ReplacesOnlyItsFiles()
    {
        Directory.CreateDirectory(_tmp["out"]);
        File.WriteAllText(_tmp["out/summary.json"], "old");
        File.WriteAllText(_tmp["out/keep.txt"], "keep");
        using (var folder = StagedOutputFolder.Create(_tmp["out"]))
        {
            foreach (var f in Files) File.WriteAllText(folder.PathFor(f), "new " + f);
            folder.Commit(Files);
        }
        Assert.Equal(["out"], _tmp.Entries());
        Assert.Equal("new summary.json", File.ReadAllText(_tmp["out/summary.json"]));
        Assert.Equal("new a.csv", File.ReadAllText(_tmp["out/a.csv"]));
        Assert.Equal("keep", File.ReadAllText(_tmp["out/keep.txt"]));
    }

    [Fact]
    public void FindProblem_SeesFilesInTheWay()
    {
        File.WriteAllText(_tmp["file"], "");
        Assert.Null(StagedOutputFolder.FindProblem(_tmp["new/out"]));
        Assert.Contains("is a file", StagedOutputFolder.FindProblem(_tmp["file"]), StringComparison.Ordinal);
        Assert.Contains("which is a file", StagedOutputFolder.FindProblem(Path.Combine(_tmp["file"], "out")), StringComparison.Ordinal);
        Assert.NotNull(StagedOutputFolder.FindProblem(" "));
    }
}
