namespace RecorderDaemon.Client;

/// <summary>
/// The spec's dataavailable: bytes <c>[Offset, Offset + Size)</c> of the output file were written since
/// the previous event; <see cref="TimecodeMs"/> is 0 for a recording's first chunk, then strictly increasing.
/// </summary>
public sealed class DataAvailableEventArgs(ulong offset, ulong size, double timecodeMs) : EventArgs
{
    public ulong Offset { get; } = offset;

    public ulong Size { get; } = size;

    public double TimecodeMs { get; } = timecodeMs;
}

/// <summary>The spec's error event; <see cref="Name"/> is the DOMException name, e.g. <c>UnknownError</c>.</summary>
public sealed class RecorderErrorEventArgs(string name, string message) : EventArgs
{
    public string Name { get; } = name;

    public string Message { get; } = message;
}

/// <summary>A problem that did not stop the recording.</summary>
public sealed class RecorderWarningEventArgs(string message) : EventArgs
{
    public string Message { get; } = message;
}

/// <summary>
/// The recorded audio's loudness over one level interval, per channel: <see cref="PeakDecibels"/> and
/// <see cref="RmsDecibels"/> in dB of full scale (0 is full scale), -100 for silence.
/// </summary>
public sealed class AudioLevelsEventArgs(IReadOnlyList<double> peakDecibels, IReadOnlyList<double> rmsDecibels) : EventArgs
{
    public IReadOnlyList<double> PeakDecibels { get; } = peakDecibels;

    public IReadOnlyList<double> RmsDecibels { get; } = rmsDecibels;
}

/// <summary>A split recording continues in the file at <see cref="Path"/>; the previous file is final.</summary>
public sealed class FileChangedEventArgs(string path) : EventArgs
{
    public string Path { get; } = path;
}

/// <summary>A replay buffer was saved: the file at <see cref="Path"/> holds <see cref="Duration"/>.</summary>
public sealed class ReplaySavedEventArgs(string path, TimeSpan duration) : EventArgs
{
    public string Path { get; } = path;

    public TimeSpan Duration { get; } = duration;
}

/// <summary>A recorder object of the daemon, by its path (<c>/io/github/recorderd/recorder/N</c>).</summary>
public sealed class RecorderPathEventArgs(string objectPath) : EventArgs
{
    public string ObjectPath { get; } = objectPath;
}

/// <summary>
/// A signal of any recorder (see <see cref="RecorderClient.WatchRecordersAsync"/>): <see cref="Name"/> is the
/// event (<c>Started</c>, <c>DataAvailable</c>, ...) and <see cref="Arguments"/> its arguments, as
/// <see cref="MediaRecorder"/>'s event of that name would carry them.
/// </summary>
public sealed class RecorderSignalEventArgs(string objectPath, string name, EventArgs arguments) : EventArgs
{
    public string ObjectPath { get; } = objectPath;

    public string Name { get; } = name;

    public EventArgs Arguments { get; } = arguments;
}
