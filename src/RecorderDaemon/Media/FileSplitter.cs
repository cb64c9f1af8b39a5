using Microsoft.Win32.SafeHandles;
using RecorderDaemon.Media.Sources;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>
/// The end of a split recording's pipeline: a <c>splitmuxsink</c> around the format's muxer and an <c>fdsink</c>. It
/// holds each key-frame interval until the next key frame, then muxes it into the current file or, past a limit or
/// after <see cref="Split"/>, finalizes that file and starts a new one. Where it asks for the new file's name (on a
/// streaming thread, the sink stopped), the file is created with the recording owner's rights and given to the sink;
/// <see cref="FileChanged"/> then reports it on the loop.
/// </summary>
internal sealed class FileSplitter : IDisposable
{
    private readonly GstElement _splitter;
    private readonly GstElement _sink;
    private readonly RecordingOutput _first;
    private readonly GLibLoop _loop;
    private SafeFileHandle? _discard;

    private FileSplitter(GstElement splitter, GstElement sink, RecordingOutput first, GLibLoop loop)
    {
        (_splitter, _sink, _first, _loop) = (splitter, sink, first, loop);
        splitter.OnFormatLocation(StartFile);
    }

    /// <summary>On the loop: the recording continues in this file; the previous one is final.</summary>
    public Action<RecordingOutput>? FileChanged { get; set; }

    /// <summary>On the loop: the next file could not be created; what follows is discarded.</summary>
    public Action<string>? FileFailed { get; set; }

    /// <summary>Makes the splitter, added to the target's pipeline; tracks link to it with <see cref="Link"/>.</summary>
    public static FileSplitter Make(SourceTarget target, ContainerFormat container, RecordingOutput first, FileSplitting splitting, GLibLoop loop)
    {
        var muxer = target.Hold(container.Configure(GstElements.Make(container.Muxer), split: true));
        var sink = target.Hold(GstElements.Make("fdsink").Set("fd", first.Handle));
        var splitter = target.Make("splitmuxsink").Set("muxer", muxer).Set("sink", sink);
        if (splitting.MaxDuration is { } duration)
        {
            splitter.Set("max-size-time", (ulong)duration.Ticks * 100);
            // Asks the encoder for a key frame where a file should end, rather than waiting for its next one.
            splitter.Set("send-keyframe-requests", splitting.MaxSize is null);
        }

        if (splitting.MaxSize is { } size)
        {
            splitter.Set("max-size-bytes", (ulong)size);
        }

        return target.Hold(new FileSplitter(splitter, sink, first, loop));
    }

    /// <summary>Links a track's last element to the splitter's input for its kind (one video input, an audio input per track).</summary>
    public void Link(GstElement last, TrackKind kind)
    {
        using var input = _splitter.RequestPad(kind == TrackKind.Video ? "video" : "audio_%u");
        using var output = last.StaticPad("src");
        if (!output.TryLinkTo(input))
        {
            throw new InvalidOperationException($"could not link GStreamer element '{last.FactoryName}' to splitmuxsink");
        }
    }

    /// <summary>Ends the current file at the next key frame; the recording goes on in a new one.</summary>
    public void Split() => _splitter.EmitAction("split-after");

    public void Dispose() => _discard?.Dispose();

    /// <summary>Called by splitmuxsink for each file it starts, 0 first; the name it returns is not used, as the sink takes a descriptor.</summary>
    private string? StartFile(uint index)
    {
        if (index == 0)
        {
            return null; // the recording's own output, which the sink writes already
        }

        try
        {
            var next = _first.CreatePart(_first.Location, (int)index + 1);
            _sink.Set("fd", next.Handle);
            _loop.Post(() => FileChanged?.Invoke(next));
        }
        catch (RecorderException exception)
        {
            _discard ??= File.OpenHandle("/dev/null", FileMode.Open, FileAccess.Write);
            _sink.Set("fd", _discard);
            _loop.Post(() => FileFailed?.Invoke(exception.Message));
        }

        return null;
    }
}
