using RecorderDaemon.Media;
using RecorderDaemon.Media.Sources;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>
/// Turns EncodingInfo's <c>a{sv}</c> into a <see cref="VideoConfiguration"/>: <c>width</c>, <c>height</c> (u) and
/// <c>framerate</c> (d) together, <c>bitrate</c> (u) optional; an empty dictionary asks about audio only.
/// </summary>
public static class EncodingConfigurationParser
{
    /// <exception cref="ArgumentException">an unknown key, a wrong type, a value out of range, or a video configuration missing a member</exception>
    public static VideoConfiguration? Parse(IReadOnlyDictionary<string, VariantValue> config)
    {
        var unknown = config.Keys.FirstOrDefault(key => key is not ("width" or "height" or "framerate" or "bitrate"));
        if (unknown is not null)
        {
            throw new ArgumentException($"unknown option '{unknown}' (expected width, height, framerate and bitrate)");
        }

        if (config.Count == 0)
        {
            return null;
        }

        var width = Size(config, "width", VideoConstraints.MaximumWidth);
        var height = Size(config, "height", VideoConstraints.MaximumHeight);
        var framerate = config.TryGetValue("framerate", out var rate)
            ? OptionValue.Read("framerate", rate, VariantValueType.Double).GetDouble()
            : throw new ArgumentException("option 'framerate' is needed with width and height");
        if (!(framerate >= VideoConstraints.MinimumFramerate && framerate <= VideoConstraints.MaximumFramerate))
        {
            throw new ArgumentException($"option 'framerate' must be from {VideoConstraints.MinimumFramerate} to {VideoConstraints.MaximumFramerate}, not {framerate}");
        }

        uint? bitrate = config.TryGetValue("bitrate", out var bits) ? OptionValue.Read("bitrate", bits, VariantValueType.UInt32).GetUInt32() : null;
        return new VideoConfiguration(width, height, framerate, bitrate);
    }

    private static int Size(IReadOnlyDictionary<string, VariantValue> config, string key, int maximum)
    {
        var size = config.TryGetValue(key, out var value)
            ? OptionValue.Read(key, value, VariantValueType.UInt32).GetUInt32()
            : throw new ArgumentException($"option '{key}' is needed: a video configuration has width, height and framerate");
        return size >= VideoConstraints.MinimumSize && size <= maximum
            ? (int)size
            : throw new ArgumentException($"option '{key}' must be from {VideoConstraints.MinimumSize} to {maximum}, not {size}");
    }
}
