using System.Globalization;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// Parses the contract's source URIs into <see cref="TrackSource"/>s. Parsing only checks form;
/// whether a device or file exists is <see cref="TrackSource.Resolve"/>'s job.
/// </summary>
public static class SourceUri
{
    /// <param name="devices">where device sources look for their device when resolved</param>
    /// <exception cref="ArgumentException">the URI is malformed; the message names what is wrong</exception>
    public static TrackSource Parse(string uri, IDeviceList devices)
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
            "pipewire" => ParsePipeWire(uri, rest, devices),
            "desktop-audio" => new DesktopAudioSource(uri, NodeName(uri, rest, "an output"), devices),
            "app-audio" => new AppAudioSource(uri, ApplicationName(uri, rest), devices),
            "v4l2" => ParseV4l2(uri, rest),
            "file" => ParseFile(uri),
            var scheme => throw Malformed(uri, $"unknown scheme '{scheme}' (expected {Schemes})"),
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

    private const string Schemes = "test:, pipewire:, desktop-audio:, app-audio:, v4l2: or file://";

    private static PipeWireSource ParsePipeWire(string uri, string target, IDeviceList devices) =>
        new(uri, NodeName(uri, target, "a PipeWire target"), devices);

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
