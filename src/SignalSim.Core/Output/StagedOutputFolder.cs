// Writing a run's files safely: everything goes into a hidden sibling folder first and reaches
// the target folder only once complete, the marker file (summary.json) last. If anything fails
// or the run is cancelled, disposing removes the staging folder and any parent folder created
// for it, so a half-written folder is never presented as a result.
namespace SignalSim.Core.Output;

public sealed class StagedOutputFolder : IDisposable
{
    private readonly List<string> _createdParents;
    private bool _committed;

    private StagedOutputFolder(string target, string staging, List<string> createdParents)
    {
        TargetPath = target;
        StagingPath = staging;
        _createdParents = createdParents;
    }

    /// <summary>Full path of the folder that receives the files on commit.</summary>
    public string TargetPath { get; }

    /// <summary>Full path of the hidden folder the files are written to first.</summary>
    public string StagingPath { get; }

    /// <summary>
    /// Why files cannot be written to <paramref name="targetDirectory"/>, or null when nothing in
    /// the way is visible without writing: the target or one of its parents is a file.
    /// </summary>
    public static string? FindProblem(string targetDirectory)
    {
        if (string.IsNullOrWhiteSpace(targetDirectory)) return "the output folder path is empty";
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(targetDirectory));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"'{targetDirectory}' is not a valid folder path: {e.Message}";
        }
        if (File.Exists(full)) return $"'{targetDirectory}' is a file, not a folder; choose a folder for the results";
        if (Path.GetDirectoryName(full) is null) return $"'{targetDirectory}' is the root of a file system; choose a folder inside it";
        for (var dir = Path.GetDirectoryName(full); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir)) return $"'{targetDirectory}' lies under '{dir}', which is a file, not a folder";
            if (Directory.Exists(dir)) break;
        }
        return null;
    }

    /// <summary>Creates the staging folder beside the target, creating the target's missing parents.</summary>
    /// <exception cref="IOException">The folder cannot be created (e.g. not writable).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be created.</exception>
    public static StagedOutputFolder Create(string targetDirectory)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(targetDirectory));
        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"'{targetDirectory}' has no parent folder");
        var created = new List<string>();
        for (var dir = parent; dir is not null && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir)) created.Add(dir);
        created.Reverse(); // outermost first, so creating them in order works
        try
        {
            foreach (var dir in created) Directory.CreateDirectory(dir);
            var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
            Directory.CreateDirectory(staging);
            return new StagedOutputFolder(target, staging, created);
        }
        catch
        {
            RemoveEmpty(created);
            throw;
        }
    }

    public string PathFor(string fileName) => Path.Combine(StagingPath, fileName);

    /// <summary>
    /// Moves the staged files into the target, <paramref name="fileNames"/>' last one (the marker
    /// of a complete result) last. A new target is the staging folder renamed in one step; into an
    /// existing target the files move one by one after the old marker is removed, so an old marker
    /// never vouches for a mix of old and new files.
    /// </summary>
    public void Commit(IReadOnlyList<string> fileNames)
    {
        if (_committed) throw new InvalidOperationException("the output folder is already committed");
        if (!Directory.Exists(TargetPath))
        {
            try
            {
                Directory.Move(StagingPath, TargetPath);
                _committed = true;
                return;
            }
            catch (IOException) when (Directory.Exists(TargetPath))
            {
                // Created meanwhile by someone else: fall through to moving file by file.
            }
        }
        File.Delete(Path.Combine(TargetPath, fileNames[^1]));
        foreach (var name in fileNames) File.Move(PathFor(name), Path.Combine(TargetPath, name), overwrite: true);
        _committed = true;
        Directory.Delete(StagingPath, recursive: true);
    }

    public void Dispose()
    {
        if (_committed) return;
        try
        {
            if (Directory.Exists(StagingPath)) Directory.Delete(StagingPath, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the folder's name still says it is partial.
        }
        RemoveEmpty(_createdParents);
    }

    private static void RemoveEmpty(List<string> createdOutermostFirst)
    {
        for (var i = createdOutermostFirst.Count - 1; i >= 0; i--)
        {
            try
            {
                var dir = createdOutermostFirst[i];
                if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }
}
