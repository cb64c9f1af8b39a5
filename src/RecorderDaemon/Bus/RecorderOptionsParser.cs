using Microsoft.Win32.SafeHandles;
using RecorderDaemon.Media;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Bus;

/// <summary>Turns CreateRecorder's <c>a{sv}</c> into <see cref="RecorderOptions"/>; every key and type is checked and named when wrong.</summary>
public static class RecorderOptionsParser
{
    /// <param name="takeDescriptor">the file descriptor the call carries at an <c>h</c>'s index</param>
    /// <exception cref="ArgumentException">an unknown key, a value of the wrong type, or a value out of range</exception>
    public static RecorderOptions Parse(IReadOnlyDictionary<string, GVariant> options, Func<int, SafeFileHandle> takeDescriptor)
    {
        var parsed = new RecorderOptions();
        foreach (var (key, value) in options)
        {
            parsed = key switch
            {
                "mimeType" => parsed with { MimeType = Read(key, value, "s").GetString() },
                "audioBitsPerSecond" => parsed with { AudioBitsPerSecond = Read(key, value, "u").GetUInt32() },
                "videoBitsPerSecond" => parsed with { VideoBitsPerSecond = Read(key, value, "u").GetUInt32() },
                "bitsPerSecond" => parsed with { BitsPerSecond = Read(key, value, "u").GetUInt32() },
                "audioBitrateMode" => parsed with { AudioBitrateMode = ParseBitrateMode(Read(key, value, "s").GetString()) },
                "videoKeyFrameIntervalDuration" => parsed with { VideoKeyFrameIntervalDuration = Read(key, value, "u").GetUInt32() },
                "videoKeyFrameIntervalCount" => parsed with { VideoKeyFrameIntervalCount = Read(key, value, "u").GetUInt32() },
                "location" => parsed with { Location = ParseLocation(Read(key, value, "s").GetString()) },
                "outputFd" => parsed with { OutputFd = OutputDescriptor(takeDescriptor, Read(key, value, "h").GetHandle()) },
                "stopOnDisconnect" => parsed with { StopOnDisconnect = Read(key, value, "b").GetBoolean() },
                _ => throw new ArgumentException($"unknown option '{key}'"),
            };
        }

        return parsed;
    }

    private static GVariant Read(string key, GVariant value, string type) =>
        value.TypeString == type
            ? value
            : throw new ArgumentException($"option '{key}' must be of type '{type}', not '{value.TypeString}'");

    private static BitrateMode ParseBitrateMode(string value)
    {
        try
        {
            return BitrateMode.Parse(value);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"option 'audioBitrateMode': {exception.Message}", exception);
        }
    }

    /// <summary>
    /// The output must be an empty, seekable file open for writing, not appending: the muxer goes back to the start
    /// to write the file's duration and index when the recording ends.
    /// </summary>
    private static SafeFileHandle OutputDescriptor(Func<int, SafeFileHandle> takeDescriptor, int index)
    {
        SafeFileHandle descriptor;
        try
        {
            descriptor = takeDescriptor(index);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"option 'outputFd': {exception.Message}", exception);
        }

        var status = UnixFiles.Status(descriptor);
        var problem = status switch
        {
            { Writable: false } => "must be open for writing",
            { Appends: true } => "must not be open for appending (O_APPEND)",
            { Seekable: false } => "must be a seekable file, not a pipe or socket",
            { Length: > 0 } => $"must be an empty file, not one of {status.Length} bytes",
            _ => null,
        };
        if (problem is null)
        {
            return descriptor;
        }

        descriptor.Dispose();
        throw new ArgumentException($"option 'outputFd' {problem}: the recording's container is rewritten at its start when it ends");
    }

    private static string ParseLocation(string path) =>
        Path.IsPathFullyQualified(path) && !path.EndsWith('/')
            ? path
            : throw new ArgumentException($"option 'location' must be an absolute file path, not '{path}'");
}
