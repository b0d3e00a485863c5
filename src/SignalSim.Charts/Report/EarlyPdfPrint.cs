// report.pdf from a Chromium started before the note is drawn: Chromium's start-up (about half
// the cost of a print) then runs while the charts render, and the print begins as soon as
// report.html is complete. The browser is driven over DevTools on a pipe (its descriptors 3 and 4,
// given by /bin/sh from our stdin and stdout): no port is opened. It loads the note, waits for the
// page's load event (nothing else: the note has no script and fetches nothing) and prints with the
// settings of `chromium --print-to-pdf --no-pdf-header-footer` (the page's CSS A4 size, backgrounds,
// no header or footer), so the PDF holds the same pages as PdfPrinter.Print's. Should DevTools fail,
// the note is printed by PdfPrinter.Print after all.
using System.Buffers;
using System.Diagnostics;
using System.Text.Json;

namespace SignalSim.Charts.Report;

public sealed class EarlyPdfPrint : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string _chromium;
    private readonly string _profile;
    private readonly Process? _process;
    private readonly Task<string>? _session;
    private readonly CancellationTokenSource _stop = new();
    private readonly ArrayBufferWriter<byte> _received = new();
    private readonly byte[] _chunk = new byte[1 << 16];
    private int _nextId;
    private bool _disposed;

    private EarlyPdfPrint(string chromium)
    {
        _chromium = chromium;
        _profile = Path.Combine(Path.GetTempPath(), "signalsim-print-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(_profile);
            var start = new ProcessStartInfo("/bin/sh")
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            // The shell hands our two pipes to Chromium as the DevTools pipe's descriptors 3 (in) and 4 (out).
            foreach (var arg in new[]
            {
                "-c", "exec \"$0\" \"$@\" 3<&0 4>&1 </dev/null >/dev/null", chromium,
                "--single-process", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={_profile}", "--remote-debugging-pipe", "about:blank",
            }) start.ArgumentList.Add(arg);
            _process = Process.Start(start);
            if (_process is null) return;
            _ = _process.StandardError.ReadToEndAsync(_stop.Token); // keep draining, or Chromium blocks on a full pipe
            _stop.CancelAfter(Timeout);
            _session = Task.Run(OpenPage);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            _process = null; // printed by PdfPrinter.Print instead
        }
    }

    /// <summary>The last print went through the Chromium started early (not through PdfPrinter.Print after a failure).</summary>
    public bool PrintedEarly { get; private set; }

    /// <summary>Starts Chromium now, for a note that <see cref="Print"/> prints once written.</summary>
    public static EarlyPdfPrint Start(string chromium) => new(chromium);

    /// <summary>Prints <paramref name="htmlPath"/> to report.pdf beside it; returns the PDF's path, or throws with the reason.</summary>
    /// <exception cref="IOException">Chromium failed, timed out or wrote no PDF.</exception>
    public string Print(string htmlPath, CancellationToken cancellation = default)
    {
        byte[] pdf;
        try
        {
            if (_session is null) throw new IOException("Chromium did not start");
            using var _ = cancellation.Register(_stop.Cancel);
            var session = _session.GetAwaiter().GetResult();
            pdf = PrintPage(session, new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri);
            PrintedEarly = true;
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or FormatException or OperationCanceledException)
        {
            cancellation.ThrowIfCancellationRequested();
            Dispose();
            return PdfPrinter.Print(_chromium, htmlPath, cancellation);
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(htmlPath))!;
        var target = Path.Combine(folder, PdfPrinter.FileName);
        var partial = Path.Combine(folder, "." + PdfPrinter.FileName + ".partial");
        try
        {
            File.WriteAllBytes(partial, pdf);
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
        return target;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_process is not null)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit();
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            _process.Dispose();
        }
        _stop.Cancel();
        try
        {
            if (Directory.Exists(_profile)) Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for an instant; the temp folder is cleaned by the system.
        }
    }

    /// <summary>A blank page attached to, its page events on: the session id. Runs while the charts render.</summary>
    private string OpenPage()
    {
        using var created = Call("Target.createTarget", null, w => w.WriteString("url", "about:blank"));
        var targetId = created.RootElement.GetProperty("targetId").GetString();
        using var attached = Call("Target.attachToTarget", null, w =>
        {
            w.WriteString("targetId", targetId);
            w.WriteBoolean("flatten", true);
        });
        var session = attached.RootElement.GetProperty("sessionId").GetString() ?? throw new InvalidOperationException("no DevTools session");
        Call("Page.enable", session, null).Dispose();
        return session;
    }

    private byte[] PrintPage(string session, string url)
    {
        var loaded = false;
        using (var navigated = Call("Page.navigate", session, w => w.WriteString("url", url), m => loaded |= IsLoadEvent(m, session)))
        {
            if (navigated.RootElement.TryGetProperty("errorText", out var error) && error.GetString() is { Length: > 0 } text)
                throw new IOException($"Chromium could not open the note: {text}");
        }
        while (!loaded)
        {
            using var message = Receive();
            loaded = IsLoadEvent(message.RootElement, session);
        }
        using var printed = Call("Page.printToPDF", session, w =>
        {
            w.WriteBoolean("printBackground", true);
            w.WriteBoolean("preferCSSPageSize", true);
            w.WriteBoolean("displayHeaderFooter", false);
        });
        var pdf = printed.RootElement.GetProperty("data").GetBytesFromBase64();
        if (!pdf.AsSpan().StartsWith("%PDF-"u8)) throw new IOException("Chromium returned no PDF");
        try
        {
            Call("Browser.close", null, null).Dispose();
        }
        catch (IOException)
        {
            // The browser may close its pipe before answering; Dispose ends it either way.
        }
        return pdf;
    }

    private static bool IsLoadEvent(JsonElement message, string session) =>
        message.TryGetProperty("method", out var method) && method.ValueEquals("Page.loadEventFired")
        && message.TryGetProperty("sessionId", out var id) && id.ValueEquals(session);

    /// <summary>Sends one command and returns its result, passing the events read meanwhile to <paramref name="onEvent"/>.</summary>
    private JsonDocument Call(string method, string? session, Action<Utf8JsonWriter>? parameters, Action<JsonElement>? onEvent = null)
    {
        var id = ++_nextId;
        var message = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(message))
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            w.WriteString("method", method);
            if (session is not null) w.WriteString("sessionId", session);
            w.WriteStartObject("params");
            parameters?.Invoke(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        var input = _process!.StandardInput.BaseStream;
        input.Write(message.WrittenSpan);
        input.WriteByte(0); // DevTools messages on a pipe end with a NUL
        input.Flush();
        while (true)
        {
            var reply = Receive();
            var root = reply.RootElement;
            if (root.TryGetProperty("id", out var replyId) && replyId.GetInt32() == id)
            {
                if (root.TryGetProperty("error", out var error))
                {
                    reply.Dispose();
                    throw new IOException($"Chromium refused {method}: {error}");
                }
                var result = JsonDocument.Parse(root.GetProperty("result").GetRawText());
                reply.Dispose();
                return result;
            }
            onEvent?.Invoke(root);
            reply.Dispose();
        }
    }

    /// <summary>The next NUL-terminated message from Chromium.</summary>
    private JsonDocument Receive()
    {
        var output = _process!.StandardOutput.BaseStream;
        var scanned = 0; // bytes of _received known to hold no NUL (the PDF comes as one message of megabytes)
        while (true)
        {
            var end = _received.WrittenSpan[scanned..].IndexOf((byte)0);
            if (end >= 0)
            {
                end += scanned;
                var document = JsonDocument.Parse(_received.WrittenSpan[..end].ToArray()); // a copy: the buffer is reused below
                var rest = _received.WrittenSpan[(end + 1)..].ToArray();
                _received.Clear();
                _received.Write(rest);
                return document;
            }
            scanned = _received.WrittenCount;
            var read = output.ReadAsync(_chunk, _stop.Token).AsTask().GetAwaiter().GetResult();
            if (read == 0) throw new IOException("Chromium closed its DevTools pipe");
            _received.Write(_chunk.AsSpan(0, read));
        }
    }
}
