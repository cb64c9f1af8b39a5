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
            throw Malformed(uri, "it has no scheme (expected test:, pipewire:, v4l2: or file://)");
        }

        var rest = uri[(schemeEnd + 1)..];
        return uri[..schemeEnd] switch
        {
            "test" => ParseTest(uri, rest),
            "pipewire" => ParsePipeWire(uri, rest, devices, pipeWireRemote),
            "v4l2" => ParseV4l2(uri, rest),
            "file" => ParseFile(uri),
            "screen" => screens is null ? throw Malformed(uri, "there is no screen sharing here (GetDisplayMedia is for the session bus)") : screens.Parse(uri, rest),
            var scheme => throw Malformed(uri, $"unknown scheme '{scheme}' (expected test:, pipewire:, v4l2:, file:// or screen:)"),
        };
    }

    private static TrackSource ParseTest(string uri, string rest)
    {
        var queryStart = rest.IndexOf('?');
        var kind = queryStart < 0 ? rest : rest[..queryStart];
        var query = new QueryParameters(uri, queryStart < 0 ? "" : rest[(queryStart + 1)..]);
        TrackSource source = kind switch
        {
            "audio" => new TestAudioSource(
                uri,
                query.OneOf("wave", TestAudioSource.Waves, "sine"),
                query.Number("freq", 440, minimum: 0, maximum: 20000),
                query.Duration()),
            "video" => new TestVideoSource(
                uri,
                query.OneOf("pattern", TestVideoSource.Patterns, "smpte"),
                (int)query.Number("width", 320, minimum: 16, maximum: 3840),
                (int)query.Number("height", 240, minimum: 16, maximum: 2160),
                (int)query.Number("framerate", 30, minimum: 1, maximum: 120),
                query.Duration()),
            _ => throw Malformed(uri, $"unknown test source '{kind}' (expected test:audio or test:video)"),
        };
        query.RejectUnused();
        return source;
    }

    private static TrackSource ParsePipeWire(string uri, string target, IDeviceList devices, SafeHandle? remote)
    {
        if (remote is not null)
        {
            return target.Length > 0 && target.All(char.IsAsciiDigit)
                ? new PipeWireRemoteSource(uri, target, remote)
                : throw Malformed(uri, "through a pipewireRemote, a PipeWire target is the node id the portal's Start returned");
        }

        if (target.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw Malformed(uri, "a PipeWire target is an object.serial or a node.name without spaces");
        }

        return new PipeWireSource(uri, target.Length == 0 ? null : target, devices);
    }

    private static V4l2Source ParseV4l2(string uri, string path)
    {
        if (!Path.IsPathFullyQualified(path) || path.Any(char.IsControl))
        {
            throw Malformed(uri, "a V4L2 device is an absolute path such as /dev/video0");
        }

        return new V4l2Source(uri, path);
    }

    private static FileSource ParseFile(string uri)
    {
        if (!System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile || !string.IsNullOrEmpty(parsed.Host)
            || !uri.StartsWith("file:///", StringComparison.Ordinal))
        {
            throw Malformed(uri, "a file source is file:///ABSOLUTE/PATH");
        }

        return new FileSource(uri, parsed.LocalPath);
    }

    internal static ArgumentException Malformed(string uri, string why) => new($"malformed source URI '{uri}': {why}");

    /// <summary>The <c>key=value&amp;…</c> part of a test URI; every key must be known and used once.</summary>
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

        public TimeSpan? Duration() =>
            _values.ContainsKey("duration") ? TimeSpan.FromMilliseconds(Number("duration", 0, minimum: 1, maximum: int.MaxValue)) : null;

        public void RejectUnused()
        {
            if (_values.Count > 0)
            {
                throw Malformed(_uri, $"unknown query parameter '{_values.Keys.First()}'");
            }
        }
    }
}
