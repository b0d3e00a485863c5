// Debian's Chromium, headless, driven over its DevTools protocol (a websocket, JSON messages):
// open a page, collect console errors and exceptions, evaluate script, take a screenshot. A
// fresh profile folder per instance and no background networking, so a test sees only the page.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SignalSim.Tests.Charts;

internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _receiver;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Every event received, in order: method, session and parameters.</summary>
    public ConcurrentQueue<(string Method, string? Session, JsonElement Params)> Events { get; } = new();

    public static string? FindExecutable() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    public static async Task<HeadlessChromium> StartAsync()
    {
        var exe = FindExecutable() ?? throw new InvalidOperationException(
            "Chromium is not installed; run scripts/install-test-dependencies.sh as root (it installs every package the tests need), as .ci/run does");
        var profile = Path.Combine(Path.GetTempPath(), "signalsim-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile}",
            "--remote-debugging-port=0", "about:blank",
        }) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start");
        var browser = new HeadlessChromium(process, profile);
        try
        {
            var endpoint = await ReadEndpointAsync(process);
            await browser._socket.ConnectAsync(new Uri(endpoint), CancellationToken.None);
            browser._receiver = Task.Run(browser.ReceiveLoopAsync);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Chromium prints "DevTools listening on ws://..." on stderr once ready.</summary>
    private static async Task<string> ReadEndpointAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var seen = new StringBuilder();
        while (true)
        {
            var line = await process.StandardError.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("Chromium exited before listening: " + seen);
            seen.AppendLine(line);
            var match = Endpoint().Match(line);
            if (match.Success)
            {
                _ = process.StandardError.ReadToEndAsync(); // keep draining, or Chromium blocks on a full pipe
                _ = process.StandardOutput.ReadToEndAsync();
                return match.Groups[1].Value;
            }
        }
    }

    public async Task<JsonElement> SendAsync(string method, object? parameters = null, string? session = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = JsonSerializer.SerializeToNode(parameters ?? new { }) };
        if (session is not null) message["sessionId"] = session;
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var result = await done.Task.WaitAsync(Timeout);
        return result;
    }

    /// <summary>Waits for an event of a session, e.g. Page.loadEventFired.</summary>
    public async Task WaitForEventAsync(string method, string session)
    {
        var until = DateTime.UtcNow + Timeout;
        while (!Events.Any(e => e.Method == method && e.Session == session))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"no {method} within {Timeout.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 20];
        var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                break;
            }
            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage) continue;
            using var doc = JsonDocument.Parse(message.ToArray());
            message.SetLength(0);
            var root = doc.RootElement.Clone();
            if (root.TryGetProperty("id", out var idElement) && _pending.TryRemove(idElement.GetInt32(), out var waiter))
            {
                if (root.TryGetProperty("error", out var error)) waiter.SetException(new InvalidOperationException("DevTools error: " + error));
                else waiter.SetResult(root.GetProperty("result"));
            }
            else if (root.TryGetProperty("method", out var method))
            {
                var session = root.TryGetProperty("sessionId", out var s) ? s.GetString() : null;
                Events.Enqueue((method.GetString()!, session, root.TryGetProperty("params", out var p) ? p : default));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open) await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
        _socket.Dispose();
        if (_receiver is not null) await Task.WhenAny(_receiver, Task.Delay(2000));
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(new CancellationTokenSource(10_000).Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
        }
        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex Endpoint();
}
