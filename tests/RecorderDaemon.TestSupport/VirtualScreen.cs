using System.Diagnostics;
using System.Globalization;

namespace RecorderDaemon.TestSupport;

/// <summary>
/// A virtual screen on a <see cref="HeadlessPipeWire"/>: a <c>Video/Source</c> node that a <c>gst-launch-1.0</c> child
/// process feeds through <c>pipewiresink mode=provide</c>, with caps that name a format (WirePlumber 0.4.13 links
/// such a node only then). Start a fresh one per recording: a provided node stalls for later consumers after a
/// few seconds unlinked, or once a linked consumer was killed. Killed on Dispose.
/// </summary>
public sealed class VirtualScreen : IDisposable
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _feeder;
    private readonly byte[]? _frame;
    private bool _disposed;

    private VirtualScreen(Process feeder, string name, byte[]? frame)
    {
        _feeder = feeder;
        Name = name;
        _frame = frame;
    }

    /// <summary>The node's <c>node.name</c>, which a <c>pipewire:</c> source URI may name.</summary>
    public string Name { get; }

    /// <summary>The node's <c>object.serial</c>, which a <c>pipewire:</c> source URI may name too.</summary>
    public string Serial { get; private set; } = "";

    /// <summary>The node's id (what the portal's <c>Start</c> hands out).</summary>
    public string Id { get; private set; } = "";

    /// <summary>
    /// A screen showing a live <c>videotestsrc</c> pattern (e.g. <c>smpte</c>, <c>white</c>) at
    /// <paramref name="width"/>x<paramref name="height"/>, <paramref name="framerate"/> frames per second.
    /// </summary>
    /// <exception cref="InvalidOperationException">the node did not appear</exception>
    public static VirtualScreen StartPattern(HeadlessPipeWire pipeWire, string name, int width = 800, int height = 600, int framerate = 30, string pattern = "smpte") =>
        Start(pipeWire, name, ["videotestsrc", "is-live=true", $"pattern={pattern}", "!", Caps(width, height, framerate)], frame: null);

    /// <summary>
    /// A screen that sends a frame only when <see cref="SendFrames"/> says so, as a compositor does while nothing changes
    /// (its frames are a uniform grey, BGRx). Its node appears with the first frame, which no consumer sees.
    /// </summary>
    /// <exception cref="InvalidOperationException">the node did not appear</exception>
    public static VirtualScreen StartOnDemand(HeadlessPipeWire pipeWire, string name, int width = 320, int height = 240)
    {
        string[] elements =
        [
            "fdsrc", "fd=0", $"blocksize={width * height * 4}",
            "!", "rawvideoparse", $"width={width}", $"height={height}", "format=bgrx", "framerate=30/1",

            // Without a copy in between, pipewiresink (0.3.65) crashed on fdsrc's buffers.
            "!", "videoconvert", "!", Caps(width, height, 30),
        ];
        var frame = new byte[width * height * 4];
        Array.Fill(frame, (byte)200);
        return Start(pipeWire, name, elements, frame);
    }

    /// <summary>Sends <paramref name="count"/> frames, <paramref name="framesPerSecond"/> a second; blocks meanwhile.</summary>
    public void SendFrames(int count, int framesPerSecond)
    {
        var frame = _frame ?? throw new InvalidOperationException($"the screen '{Name}' shows a pattern; only an on-demand screen is sent frames");
        var input = _feeder.StandardInput.BaseStream;
        for (var i = 0; i < count; i++)
        {
            input.Write(frame);
            input.Flush();
            Thread.Sleep(1000 / framesPerSecond);
        }
    }

    /// <summary>Kills the feeder, which removes the node; a test may do so early to lose the screen.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_feeder.HasExited)
        {
            _feeder.Kill(entireProcessTree: true);
            _feeder.WaitForExit();
        }

        _feeder.Dispose();
    }

    private static string Caps(int width, int height, int framerate) =>
        string.Create(CultureInfo.InvariantCulture, $"video/x-raw,format=BGRx,width={width},height={height},framerate={framerate}/1");

    private static VirtualScreen Start(HeadlessPipeWire pipeWire, string name, string[] elements, byte[]? frame)
    {
        var start = new ProcessStartInfo("gst-launch-1.0",
        [
            "-q", .. elements,
            "!", "pipewiresink", "mode=provide", $"client-name={name}",
            $"stream-properties=props,media.class=Video/Source,node.name={name},node.description={name}",
        ])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        pipeWire.UseIn(start);
        var screen = new VirtualScreen(Process.Start(start)!, name, frame);
        try
        {
            var errors = screen._feeder.StandardError.ReadToEndAsync();
            _ = screen._feeder.StandardOutput.ReadToEndAsync();
            if (frame is not null)
            {
                screen.SendFrames(1, 30);
            }

            screen.WaitForNode(pipeWire, () => errors.IsCompleted ? errors.Result : "");
            return screen;
        }
        catch
        {
            screen.Dispose();
            throw;
        }
    }

    private void WaitForNode(HeadlessPipeWire pipeWire, Func<string> errors)
    {
        var deadline = DateTime.UtcNow + NodeTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_feeder.HasExited)
            {
                throw new InvalidOperationException($"the feeder of the screen '{Name}' exited with code {_feeder.ExitCode}: {errors()}");
            }

            if (FindNode(pipeWire) is { } node)
            {
                (Id, Serial) = node;
                return;
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException($"the screen's node '{Name}' did not appear within {NodeTimeout.TotalSeconds} s");
    }

    /// <summary>The id and object.serial of the node named <see cref="Name"/>, or null.</summary>
    private (string Id, string Serial)? FindNode(HeadlessPipeWire pipeWire) =>
        pipeWire.Nodes().FirstOrDefault(node => node.Name == Name) is { } node ? (node.Id.ToString(CultureInfo.InvariantCulture), node.Properties["object.serial"]) : null;
}
