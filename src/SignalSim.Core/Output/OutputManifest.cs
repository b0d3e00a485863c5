// The list of files SignalSim wrote in a result folder (.signalsim-output, one relative path a
// line, '/'-separated). It is how SignalSim knows which files of a folder are its own: only those
// are replaced by a new result; any other file is the user's and is never deleted or
// overwritten, and a non-empty folder without a manifest is refused as an output folder.
namespace SignalSim.Core.Output;

public static class OutputManifest
{
    public const string FileName = ".signalsim-output";

    private const string Header = "# files written by SignalSim in this folder; a new result replaces these and nothing else";

    /// <summary>The files listed, or null when the folder has no readable manifest.</summary>
    public static IReadOnlySet<string>? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            var lines = File.ReadAllLines(path);
            if (lines.Length == 0 || lines[0] != Header) return null;
            var files = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in lines.Skip(1))
            {
                if (line.Length == 0) continue;
                // A manifest never reaches outside its folder, whatever was written in it.
                if (Path.IsPathRooted(line) || line.Split('/').Any(part => part is "" or "." or "..")) return null;
                files.Add(line);
            }
            return files;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void Write(string directory, IEnumerable<string> relativeFiles)
    {
        var lines = new List<string> { Header };
        lines.AddRange(relativeFiles.Where(f => f != FileName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var path = Path.Combine(directory, FileName);
        var temporary = path + ".new";
        File.WriteAllText(temporary, string.Join("\n", lines) + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Adds files written later into an owned folder (e.g. `signalsim report`); does nothing in a folder without a manifest.</summary>
    public static void Add(string directory, IEnumerable<string> relativeFiles)
    {
        if (Read(directory) is not { } files) return;
        Write(directory, files.Concat(relativeFiles.Where(f => File.Exists(Path.Combine(directory, f)))));
    }

    /// <summary>Every file under the directory, relative, '/'-separated.</summary>
    public static IReadOnlyList<string> FilesUnder(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
