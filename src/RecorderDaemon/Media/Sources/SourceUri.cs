using System.Globalization;
using System.Runtime.InteropServices;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// Parses the contract's source URIs into <see cref="TrackSource"/>s. Parsing only checks form;
/// whether a device or file exists is <see cref="TrackSource.Resolve"/>'s job.
/// </summary>
public static class SourceUri
{
    /// <param name="devices">where device sources look for their device when resolved</param>
    /// <param name="pipeWireRemote">the recorder's own connection to PipeWire, for <c>pipewire:</c> node ids seen through it; null for recorderd's</param>
    /// <param name="screens">the screen casts <c>screen:</c> URIs name; null where there are none</param>
    /// <exception cref="ArgumentException">the URI is malformed; the message names what is wrong</exception>
    public static TrackSource Parse(string uri, IDeviceList devices, SafeHandle? pipeWireRemote = null, ScreenSessions? screens = null)
    {
        var schemeEnd = uri.IndexOf(':');
        if (schemeEnd <= 0)
        {
            throw Malformed(uri, $"it has no scheme (expected {Schemes})");
        }

        var rest = uri[(schemeEnd + 1)..];
        return uri[..schemeEnd] switch
        {
            "test" => ParseTest(uri, rest),
            "pipewire" => ParsePipeWire(uri, rest, devices, pipeWireRemote),
            "desktop-audio" => ParseDesktopAudio(uri, rest, devices),
            "app-audio" => ParseAppAudio(uri, rest, devices),
            "v4l2" => ParseV4l2(uri, rest),
            "file" => ParseFile(uri),
            "screen" => screens is null ? throw Malformed(uri, "there is no screen sharing here (GetDisplayMedia is for the session bus)") : screens.Parse(uri, rest),
            var scheme => throw Malformed(uri, $"unknown scheme '{scheme}' (expected {Schemes})"),
        };
    }

    private static TrackSource ParseTest(string uri, string rest)
    {
        var (kind, query) = SplitQuery(uri, rest);
        TrackSource source = kind switch
        {
            "audio" => new TestAudioSource(
                uri,
                query.OneOf("wave", TestAudioSource.Waves, "sine"),
                query.Number("freq", 440, minimum: 0, maximum: 20000),
                query.Duration()) { Volume = query.Volume() },
            "video" => TestVideo(uri, query),
            _ => throw Malformed(uri, $"unknown test source '{kind}' (expected test:audio or test:video)"),
        };
        query.RejectUnused();
        return source;
    }

    /// <summary>test:video's width, height and framerate are the size and rate it generates, 320x240 at 30 fps unless given.</summary>
    private static TestVideoSource TestVideo(string uri, QueryParameters query)
    {
        var pattern = query.OneOf("pattern", TestVideoSource.Patterns, "smpte");
        var video = query.Video();
        return new TestVideoSource(uri, pattern, video.Width ?? 320, video.Height ?? 240, video.Framerate ?? 30, query.Duration());
    }

    private static TrackSource ParsePipeWire(string uri, string rest, IDeviceList devices, SafeHandle? remote)
    {
        var (target, query) = SplitQuery(uri, rest);
        if (remote is not null)
        {
            return target.Length > 0 && target.All(char.IsAsciiDigit)
                ? new PipeWireRemoteSource(uri, target, remote) { Video = query.OnlyVideo() }
                : throw Malformed(uri, "through a pipewireRemote, a PipeWire target is the node id the portal's Start returned");
        }

        var node = NodeName(uri, target, "a PipeWire target");
        var video = query.Video();
        if (node is null && !video.IsNone)
        {
            throw Malformed(uri, "'pipewire:' is the default audio input; width, height and framerate need a video node");
        }

        return new PipeWireSource(uri, node, devices) { Video = video, Volume = query.OnlyVolume() };
    }

    private static DesktopAudioSource ParseDesktopAudio(string uri, string rest, IDeviceList devices)
    {
        var (sink, query) = SplitQuery(uri, rest);
        return new DesktopAudioSource(uri, NodeName(uri, sink, "an output"), devices) { Volume = query.OnlyVolume() };
    }

    private static AppAudioSource ParseAppAudio(string uri, string rest, IDeviceList devices)
    {
        var (application, query) = SplitQuery(uri, rest);
        return new AppAudioSource(uri, ApplicationName(uri, application), devices) { Volume = query.OnlyVolume() };
    }

    /// <summary>A node's object.serial or node.name, or null for the default when empty.</summary>
    private static string? NodeName(string uri, string name, string what) =>
        name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? throw Malformed(uri, $"{what} is an object.serial or a node.name without spaces")
            : name.Length == 0 ? null : name;

    /// <summary>
    /// An application's name, percent-encoded where it has spaces (<c>app-audio:Google%20Chrome</c>) so that a URI is
    /// one word, as the other sources' names are.
    /// </summary>
    private static string ApplicationName(string uri, string encoded)
    {
        if (encoded.Length == 0 || encoded.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw Malformed(uri, "an application is its application.name or binary name, percent-encoded (%20 for a space)");
        }

        var name = System.Uri.UnescapeDataString(encoded);
        return name.Any(char.IsControl) || name.Trim().Length == 0
            ? throw Malformed(uri, "an application name has no control characters and is not blank")
            : name;
    }

    private static V4l2Source ParseV4l2(string uri, string rest)
    {
        var (path, query) = SplitQuery(uri, rest);
        if (!Path.IsPathFullyQualified(path) || path.Any(char.IsControl))
        {
            throw Malformed(uri, "a V4L2 device is an absolute path such as /dev/video0");
        }

        return new V4l2Source(uri, path) { Video = query.OnlyVideo() };
    }

    /// <summary><c>file:///ABS/PATH[?width=…]</c>; a <c>?</c> in a file name is written <c>%3F</c>, as in any URI.</summary>
    private static FileSource ParseFile(string uri)
    {
        var (location, query) = SplitQuery(uri, uri);
        if (!System.Uri.TryCreate(location, UriKind.Absolute, out var parsed) || !parsed.IsFile || !string.IsNullOrEmpty(parsed.Host)
            || !uri.StartsWith("file:///", StringComparison.Ordinal))
        {
            throw Malformed(uri, "a file source is file:///ABSOLUTE/PATH");
        }

        return new FileSource(uri, parsed.LocalPath) { Video = query.Video(), Volume = query.OnlyVolume() };
    }

    /// <summary>Splits <c>PATH?QUERY</c> at the first <c>?</c>.</summary>
    private static (string Path, QueryParameters Query) SplitQuery(string uri, string rest)
    {
        var queryStart = rest.IndexOf('?');
        return queryStart < 0
            ? (rest, new QueryParameters(uri, ""))
            : (rest[..queryStart], new QueryParameters(uri, rest[(queryStart + 1)..]));
    }

    private const string Schemes = "test:, pipewire:, desktop-audio:, app-audio:, v4l2:, file:// or screen:";

    internal static ArgumentException Malformed(string uri, string why) => new($"malformed source URI '{uri}': {why}");

    /// <summary>The <c>key=value&amp;…</c> part of a URI; every key must be known and used once.</summary>
    private sealed class QueryParameters
    {
        private readonly string _uri;
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public QueryParameters(string uri, string query)
        {
            _uri = uri;
            foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0 || !_values.TryAdd(pair[..equals], System.Uri.UnescapeDataString(pair[(equals + 1)..])))
                {
                    throw Malformed(uri, $"bad or repeated query parameter '{pair}'");
                }
            }
        }

        public string OneOf(string key, IReadOnlyList<string> allowed, string fallback)
        {
            if (!_values.Remove(key, out var value))
            {
                return fallback;
            }

            return allowed.Contains(value)
                ? value
                : throw Malformed(_uri, $"{key} must be one of {string.Join(", ", allowed)}, not '{value}'");
        }

        public double Number(string key, double fallback, double minimum, double maximum)
        {
            if (!_values.Remove(key, out var text))
            {
                return fallback;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
                ? value
                : throw Malformed(_uri, $"{key} must be a number from {minimum} to {maximum}, not '{text}'");
        }

        /// <summary>width, height and framerate, each optional, within the bounds every video source has.</summary>
        public VideoConstraints Video() => new(
            Integer("width", VideoConstraints.MinimumSize, VideoConstraints.MaximumWidth),
            Integer("height", VideoConstraints.MinimumSize, VideoConstraints.MaximumHeight),
            Integer("framerate", VideoConstraints.MinimumFramerate, VideoConstraints.MaximumFramerate));

        /// <summary><see cref="Video"/>, for a source that takes no other parameter.</summary>
        public VideoConstraints OnlyVideo()
        {
            var video = Video();
            RejectUnused();
            return video;
        }

        /// <summary>An audio track's volume, from 0 (silent) to 10; 1 leaves it as it is.</summary>
        public double? Volume() => _values.ContainsKey("volume") ? Number("volume", 1, minimum: 0, maximum: 10) : null;

        /// <summary><see cref="Volume"/>, the last parameter a source takes: any other left is unknown.</summary>
        public double? OnlyVolume()
        {
            var volume = Volume();
            RejectUnused();
            return volume;
        }

        public TimeSpan? Duration() =>
            _values.ContainsKey("duration") ? TimeSpan.FromMilliseconds(Number("duration", 0, minimum: 1, maximum: int.MaxValue)) : null;

        private int? Integer(string key, int minimum, int maximum) =>
            _values.ContainsKey(key) ? (int)Number(key, 0, minimum, maximum) : null;

        public void RejectUnused()
        {
            if (_values.Count > 0)
            {
                throw Malformed(_uri, $"unknown query parameter '{_values.Keys.First()}'");
            }
        }
    }
}
