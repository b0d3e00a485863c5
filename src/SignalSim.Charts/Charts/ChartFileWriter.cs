// Writes a drawn chart as KIND.png and KIND.svg into a folder that may hold other charts. Each
// file is written under a hidden temporary name beside its target and renamed over it once
// complete, so an interrupted or failed drawing never leaves a half-written file and the
// folder's other files are never touched.
using ScottPlot;

namespace SignalSim.Charts.Charts;

public static class ChartFileWriter
{
    public static ChartFiles Save(Plot plot, string kind, string outputDirectory, int width, int height)
    {
        Directory.CreateDirectory(outputDirectory);
        var png = Path.Combine(outputDirectory, kind + ".png");
        var svg = Path.Combine(outputDirectory, kind + ".svg");
        WriteThenRename(png, path => plot.SavePng(path, width, height));
        var dataRect = plot.LastRender.DataRect;
        WriteThenRename(svg, path => SvgExport.Save(plot, path, width, height));
        return new ChartFiles(kind, png, svg, width, height, new DataArea((int)dataRect.Left, (int)dataRect.Top, (int)dataRect.Right, (int)dataRect.Bottom));
    }

    /// <summary>Writes <paramref name="target"/> through a temporary file renamed over it once <paramref name="write"/> has finished.</summary>
    public static void WriteThenRename(string target, Action<string> write)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        try
        {
            write(temporary);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
