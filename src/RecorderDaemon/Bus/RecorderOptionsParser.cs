using System.Net.Sockets;
using Microsoft.Win32.SafeHandles;
using RecorderDaemon.Media;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>Turns CreateRecorder's <c>a{sv}</c> into <see cref="RecorderOptions"/>; every key and type is checked and named when wrong.</summary>
public static class RecorderOptionsParser
{
    /// <param name="options">read from the call, which must still be unanswered: an <c>h</c> is taken from it</param>
    /// <exception cref="ArgumentException">an unknown key, a value of the wrong type, or a value out of range</exception>
    public static RecorderOptions Parse(IReadOnlyDictionary<string, VariantValue> options)
    {
        var parsed = new RecorderOptions();
        foreach (var (key, value) in options)
        {
            parsed = key switch
            {
                "mimeType" => parsed with { MimeType = OptionValue.Read(key, value, VariantValueType.String).GetString() },
                "audioBitsPerSecond" => parsed with { AudioBitsPerSecond = OptionValue.Read(key, value, VariantValueType.UInt32).GetUInt32() },
                "videoBitsPerSecond" => parsed with { VideoBitsPerSecond = OptionValue.Read(key, value, VariantValueType.UInt32).GetUInt32() },
                "bitsPerSecond" => parsed with { BitsPerSecond = OptionValue.Read(key, value, VariantValueType.UInt32).GetUInt32() },
                "audioBitrateMode" => parsed with { AudioBitrateMode = ParseBitrateMode(OptionValue.Read(key, value, VariantValueType.String).GetString()) },
                "videoKeyFrameIntervalDuration" => parsed with { VideoKeyFrameIntervalDuration = OptionValue.Read(key, value, VariantValueType.UInt32).GetUInt32() },
                "videoKeyFrameIntervalCount" => parsed with { VideoKeyFrameIntervalCount = OptionValue.Read(key, value, VariantValueType.UInt32).GetUInt32() },
                "location" => parsed with { Location = OptionValue.Read(key, value, VariantValueType.String).GetString() },
                "notify" => parsed with { Notify = OptionValue.Read(key, value, VariantValueType.Bool).GetBool() },
                "profile" => parsed with { Profile = OptionValue.Read(key, value, VariantValueType.String).GetString() },
                "outputFd" => parsed with { OutputFd = OutputDescriptor(OptionValue.Read(key, value, VariantValueType.UnixFd)) },
                "pipewireRemote" => parsed with { PipeWireRemote = PipeWireConnection(OptionValue.Read(key, value, VariantValueType.UnixFd)) },
                "stopOnDisconnect" => parsed with { StopOnDisconnect = OptionValue.Read(key, value, VariantValueType.Bool).GetBool() },
                "audioTracks" => parsed with { AudioTracks = ParseAudioTracks(OptionValue.Read(key, value, VariantValueType.String).GetString()) },
                "timeLimit" => parsed with { TimeLimit = Milliseconds(key, value) },
                "sizeLimit" => parsed with { SizeLimit = Positive(key, OptionValue.Read(key, value, VariantValueType.UInt64).GetUInt64()) },
                "maxFileDuration" => parsed with { MaxFileDuration = Milliseconds(key, value) },
                "maxFileSize" => parsed with { MaxFileSize = Positive(key, OptionValue.Read(key, value, VariantValueType.UInt64).GetUInt64()) },
                "splittable" => parsed with { Splittable = OptionValue.Read(key, value, VariantValueType.Bool).GetBool() },
                "replayBuffer" => parsed with { ReplayBuffer = ReplaySeconds(OptionValue.Read(key, value, VariantValueType.UInt32).GetUInt32()) },
                "replayBufferMaxBytes" => parsed with { ReplayBufferMaxBytes = Positive(key, OptionValue.Read(key, value, VariantValueType.UInt64).GetUInt64()) },
                "levelInterval" => parsed with { LevelInterval = LevelInterval(OptionValue.Read(key, value, VariantValueType.UInt32).GetUInt32()) },
                _ => throw new ArgumentException($"unknown option '{key}'"),
            };
        }

        if (parsed is { ReplayBufferMaxBytes: not null, ReplayBuffer: null })
        {
            throw new ArgumentException("option 'replayBufferMaxBytes' caps a replay buffer: give 'replayBuffer' too");
        }

        return parsed.Location is { } location ? parsed with { Location = LocationTemplate.Validate(location, parsed.Profile) } : parsed;
    }

    private static TimeSpan? LevelInterval(uint milliseconds) => milliseconds switch
    {
        0 => null,
        _ when milliseconds < AudioLevels.MinimumInterval.TotalMilliseconds =>
            throw new ArgumentException($"option 'levelInterval' must be 0 (off) or at least {AudioLevels.MinimumInterval.TotalMilliseconds} ms, not {milliseconds}"),
        _ => TimeSpan.FromMilliseconds(milliseconds),
    };

    private static TimeSpan ReplaySeconds(uint seconds) => seconds is >= 1 and <= 3600
        ? TimeSpan.FromSeconds(seconds)
        : throw new ArgumentException($"option 'replayBuffer' must be 1 to 3600 seconds, not {seconds}");

    /// <summary>A time limit in milliseconds (u); 0 is none.</summary>
    private static TimeSpan? Milliseconds(string key, VariantValue value) =>
        OptionValue.Read(key, value, VariantValueType.UInt32).GetUInt32() is > 0 and var milliseconds ? TimeSpan.FromMilliseconds(milliseconds) : null;

    /// <summary>A limit of 0 is none, as if not given; one past <see cref="long.MaxValue"/> could never be reached either.</summary>
    private static long? Positive(string key, ulong value) => value switch
    {
        0 => null,
        > long.MaxValue => throw new ArgumentException($"option '{key}' must be at most {long.MaxValue}, not {value}"),
        _ => (long)value,
    };

    private static AudioTrackLayout ParseAudioTracks(string value) => value switch
    {
        "mix" => AudioTrackLayout.Mix,
        "separate" => AudioTrackLayout.Separate,
        _ => throw new ArgumentException($"option 'audioTracks' must be 'mix' or 'separate', not '{value}'"),
    };

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
    private static SafeFileHandle OutputDescriptor(VariantValue value)
    {
        var descriptor = TakeDescriptor("outputFd", value);
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

    /// <summary>A connection to PipeWire is a connected Unix stream socket; anything else cannot carry the PipeWire protocol.</summary>
    /// <exception cref="RecorderException">NotSupportedError: not such a socket</exception>
    private static SafeFileHandle PipeWireConnection(VariantValue value)
    {
        var descriptor = TakeDescriptor("pipewireRemote", value);
        if (IsConnectedUnixStream(descriptor))
        {
            return descriptor;
        }

        descriptor.Dispose();
        throw RecorderException.NotSupported("option 'pipewireRemote' must be a connection to PipeWire (a connected Unix stream socket), as the portal's OpenPipeWireRemote gives");
    }

    private static bool IsConnectedUnixStream(SafeFileHandle descriptor)
    {
        try
        {
            using var socket = new Socket(new SafeSocketHandle(descriptor.DangerousGetHandle(), ownsHandle: false));
            return socket is { AddressFamily: AddressFamily.Unix, SocketType: SocketType.Stream, RemoteEndPoint: not null };
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The descriptor the call carries for option <paramref name="key"/>, now the daemon's to close.</summary>
    private static SafeFileHandle TakeDescriptor(string key, VariantValue value)
    {
        try
        {
            return value.ReadHandle<SafeFileHandle>();
        }
        catch (DBusExceptionBase exception)
        {
            throw new ArgumentException($"option '{key}': {exception.Message}", exception);
        }
    }

}
