// A command's whole output folder, written as a unit: every file goes into a hidden staging
// folder beside the target, created before any simulation starts (so an unwritable place is
// refused at once); on commit the staging folder becomes the target in one rename and the old
// result is removed only then. Files of the target that SignalSim did not write (not in its
// OutputManifest) are the user's: they are kept, moved into the new folder at the same place.
// A non-empty target without a manifest, a user entry where the result puts a file, or an input
// file inside the target are refused up front.
namespace SignalSim.Core.Output;

public sealed class OwnedOutputFolder : IDisposable
{
    private readonly string _userPath;
    private readonly List<string> _createdParents;
    private bool _committed;

    private OwnedOutputFolder(string userPath, string target, string staging, List<string> createdParents)
    {
        _userPath = userPath;
        TargetPath = target;
        StagingPath = staging;
        _createdParents = createdParents;
    }

    /// <summary>Full path of the folder that receives the result on commit.</summary>
    public string TargetPath { get; }

    /// <summary>Full path of the hidden folder the result is written to first; write every file here.</summary>
    public string StagingPath { get; }

    /// <summary>
    /// Why the result cannot go to <paramref name="targetDirectory"/>, or null. <paramref name="topLevelNames"/>
    /// are the names the result may write at its top level; <paramref name="inputFiles"/> the files
    /// the command reads, which the result must never replace. Message paths are the user's.
    /// </summary>
    public static string? FindProblem(string targetDirectory, IEnumerable<string> topLevelNames, IEnumerable<string?> inputFiles)
    {
        if (StagedOutputFolder.FindProblem(targetDirectory) is { } problem) return problem;
        var target = Full(targetDirectory);
        foreach (var input in inputFiles)
        {
            if (input is null) continue;
            var full = Path.GetFullPath(input);
            if (full.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return $"'{input}' lies inside '{targetDirectory}', which the result replaces; choose another output folder so the input is never overwritten";
        }
        if (!Directory.Exists(target)) return null;
        if (!Directory.EnumerateFileSystemEntries(target).Any()) return null;
        if (OutputManifest.Read(target) is not { } owned)
            return $"'{targetDirectory}' already holds files SignalSim did not write; choose a new or empty folder, or the folder of an earlier SignalSim result";
        foreach (var name in topLevelNames)
        {
            var path = Path.Combine(target, name);
            // Ours only as what SignalSim wrote there: a file it wrote, now a folder, is the user's.
            var isOurs = File.Exists(path)
                ? owned.Contains(name)
                : owned.Any(f => f.StartsWith(name + "/", StringComparison.Ordinal)) && !owned.Contains(name);
            if ((File.Exists(path) || Directory.Exists(path)) && !isOurs)
                return $"'{Path.Combine(targetDirectory, name)}' was not written by SignalSim, but the result puts its own '{name}' there; move it away or choose another output folder";
        }
        return null;
    }

    /// <summary>Creates the staging folder (and the target's missing parents).</summary>
    /// <exception cref="IOException">Not writable; the message names the user's path, never the staging folder.</exception>
    public static OwnedOutputFolder Create(string targetDirectory)
    {
        var target = Full(targetDirectory);
        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"'{targetDirectory}' has no parent folder");
        var created = new List<string>();
        for (var dir = parent; dir is not null && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir)) created.Add(dir);
        created.Reverse();
        try
        {
            foreach (var dir in created) Directory.CreateDirectory(dir);
            var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
            Directory.CreateDirectory(staging);
            return new OwnedOutputFolder(targetDirectory, target, staging, created);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RemoveEmpty(created);
            var reason = e is UnauthorizedAccessException ? "permission denied" : "the folder cannot be created";
            var where = Path.GetDirectoryName(targetDirectory.TrimEnd('/', '\\')) is { Length: > 0 } p ? p : ".";
            throw new IOException($"cannot write the result to '{targetDirectory}': {reason} in '{where}'", e);
        }
    }

    /// <summary>
    /// Records the staged files in the manifest, then swaps the staging folder in: the old
    /// result (only SignalSim's files) disappears in the same step, the user's files are moved
    /// across unchanged.
    /// </summary>
    public void Commit()
    {
        if (_committed) throw new InvalidOperationException("the output folder is already committed");
        var newFiles = OutputManifest.FilesUnder(StagingPath);
        OutputManifest.Write(StagingPath, newFiles);
        if (!Directory.Exists(TargetPath))
        {
            Directory.Move(StagingPath, TargetPath);
            _committed = true;
            return;
        }

        var owned = OutputManifest.Read(TargetPath) ?? new HashSet<string>(StringComparer.Ordinal);
        var userFiles = OutputManifest.FilesUnder(TargetPath).Where(f => f != OutputManifest.FileName && !owned.Contains(f)).ToList();
        if (owned.Count == 0 && userFiles.Count > 0)
            throw new IOException($"'{_userPath}' now holds files SignalSim did not write; the new result is not written");
        var newSet = newFiles.ToHashSet(StringComparer.Ordinal);
        foreach (var f in userFiles)
        {
            if (newSet.Contains(f) || newFiles.Any(n => n.StartsWith(f + "/", StringComparison.Ordinal) || f.StartsWith(n + "/", StringComparison.Ordinal)))
                throw new IOException($"'{Path.Combine(_userPath, f)}' was not written by SignalSim, but the new result puts its own file there; move it away and run again");
        }

        var old = Path.Combine(Path.GetDirectoryName(TargetPath)!, $".{Path.GetFileName(TargetPath)}.old-{Guid.NewGuid():N}");
        Directory.Move(TargetPath, old);
        try
        {
            Directory.Move(StagingPath, TargetPath);
        }
        catch
        {
            Directory.Move(old, TargetPath); // put the old result back as it was
            throw;
        }
        _committed = true;
        foreach (var f in userFiles)
        {
            var destination = Path.Combine(TargetPath, f);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Move(Path.Combine(old, f), destination);
        }
        try
        {
            Directory.Delete(old, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only the old result's own files are left there; its hidden name says what it is.
        }
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

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

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
