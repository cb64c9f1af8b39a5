using System.Diagnostics;
using System.Text.Json;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// <c>busctl monitor</c> on the daemon's bus: every message in wire order, so tests can see whether
/// a method's reply came before the signals it caused.
/// </summary>
public sealed class BusMonitor : IDisposable
{
    private readonly Process _monitor;
    private readonly List<JsonElement> _messages = [];

    public BusMonitor(DaemonProcess daemon)
    {
        var start = new ProcessStartInfo("busctl", [$"--address={daemon.Address}", "monitor", "--json=short"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        _monitor = Process.Start(start)!;
        _monitor.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 } json)
            {
                lock (_messages)
                {
                    _messages.Add(JsonDocument.Parse(json).RootElement.Clone());
                }
            }
        };
        _monitor.BeginOutputReadLine();
        Thread.Sleep(300);
    }

    /// <summary>
    /// The traffic of a recorder's MediaRecorder1 calls and signals in wire order: <c>call:Start</c>, <c>reply:Start</c>, signal member names,
    /// and <c>State=recording</c> style entries for PropertiesChanged.
    /// </summary>
    public List<string> TrafficOf(string path)
    {
        lock (_messages)
        {
            var calls = new Dictionary<long, string>();
            var traffic = new List<string>();
            foreach (var message in _messages)
            {
                var type = message.GetProperty("type").GetString();
                if (type == "method_call" && Text(message, "path") == path && Text(message, "interface") == "io.github.recorderd.MediaRecorder1")
                {
                    calls[message.GetProperty("cookie").GetInt64()] = Text(message, "member")!;
                    traffic.Add($"call:{Text(message, "member")}");
                }
                else if (type is "method_return" or "error" && message.TryGetProperty("reply_cookie", out var cookie) && calls.TryGetValue(cookie.GetInt64(), out var member))
                {
                    traffic.Add($"{(type == "error" ? "error" : "reply")}:{member}");
                }
                else if (type == "signal" && Text(message, "path") == path)
                {
                    traffic.Add(Text(message, "member") == "PropertiesChanged" ? ChangedProperty(message) : Text(message, "member")!);
                }
            }

            return traffic;
        }
    }

    public void Dispose()
    {
        _monitor.Kill();
        _monitor.WaitForExit();
        _monitor.Dispose();
    }

    private static string? Text(JsonElement message, string name) => message.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary><c>{"payload":{"data":["iface",{"State":{"type":"s","data":"recording"}},[]]}}</c> → <c>State=recording</c>.</summary>
    private static string ChangedProperty(JsonElement message)
    {
        var changed = message.GetProperty("payload").GetProperty("data")[1].EnumerateObject().First();
        return $"{changed.Name}={changed.Value.GetProperty("data")}";
    }
}
