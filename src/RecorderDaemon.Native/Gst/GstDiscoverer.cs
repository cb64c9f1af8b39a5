using Microsoft.Win32.SafeHandles;

namespace RecorderDaemon.Native;

/// <summary>What GStreamer's discoverer found in a media file.</summary>
/// <param name="ContainerType">media type of the container, e.g. <c>video/webm</c> or <c>audio/ogg</c></param>
/// <param name="AudioTypes">media type of each audio stream, e.g. <c>audio/x-opus</c></param>
/// <param name="VideoTypes">media type of each video stream, e.g. <c>video/x-vp8</c></param>
public sealed record MediaInfo(string ContainerType, IReadOnlyList<string> AudioTypes, IReadOnlyList<string> VideoTypes, TimeSpan Duration, bool Seekable);

/// <summary>Synchronous media discovery (<c>GstDiscoverer</c>); blocks the calling thread, so never call it on a loop thread.</summary>
public static unsafe class GstDiscoverer
{
    /// <summary>Discovers what an open file holds, read through its descriptor (<c>fd://</c>, i.e. <c>fdsrc</c>) from its current offset.</summary>
    /// <exception cref="GLibException">it could not be read or is not media</exception>
    public static MediaInfo Discover(SafeFileHandle file, TimeSpan timeout) => Discover($"fd://{file.DangerousGetHandle()}", timeout);

    /// <exception cref="GLibException">the URI could not be read or is not media</exception>
    public static MediaInfo Discover(string uri, TimeSpan timeout)
    {
        Interop.GLib.GError* error = null;
        using var discoverer = GObjectHandle.TakeFull(Interop.GstPbUtils.gst_discoverer_new((ulong)timeout.Ticks * 100, &error));
        GLibException.ThrowIfSet(error);

        var infoPointer = Interop.GstPbUtils.gst_discoverer_discover_uri(discoverer, uri, &error);
        using var info = GObjectHandle.TakeFull(infoPointer);
        GLibException.ThrowIfSet(error);
        if (info.IsInvalid || Interop.GstPbUtils.gst_discoverer_info_get_result(info) != Interop.GstPbUtils.GST_DISCOVERER_OK)
        {
            throw new GLibException("gst-discoverer", 0, $"'{uri}' could not be discovered as media");
        }

        using var topology = GObjectHandle.TakeFull(Interop.GstPbUtils.gst_discoverer_info_get_stream_info(info));
        return new MediaInfo(
            ContainerType: CapsTypeOf(topology.DangerousGetHandle()),
            AudioTypes: StreamTypes(Interop.GstPbUtils.gst_discoverer_info_get_audio_streams(info)),
            VideoTypes: StreamTypes(Interop.GstPbUtils.gst_discoverer_info_get_video_streams(info)),
            Duration: TimeSpan.FromTicks((long)(Interop.GstPbUtils.gst_discoverer_info_get_duration(info) / 100)),
            Seekable: Interop.GstPbUtils.gst_discoverer_info_get_seekable(info));
    }

    private static List<string> StreamTypes(Interop.GLib.GList* streams)
    {
        var types = new List<string>();
        for (var node = streams; node != null; node = node->Next)
        {
            types.Add(CapsTypeOf(node->Data));
        }

        Interop.GstPbUtils.gst_discoverer_stream_info_list_free(streams);
        return types;
    }

    private static string CapsTypeOf(nint streamInfo)
    {
        if (streamInfo == 0)
        {
            return "";
        }

        var caps = Interop.GstPbUtils.gst_discoverer_stream_info_get_caps(streamInfo);
        try
        {
            return GstCaps.MediaTypeOf(caps);
        }
        finally
        {
            if (caps != 0)
            {
                Interop.Gst.gst_mini_object_unref(caps);
            }
        }
    }
}
