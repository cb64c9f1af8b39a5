using System.ComponentModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace RecorderDaemon.Recording;

public sealed partial class MediaRecorder
{
    public event Action? Started;

    public event Action? Stopped;

    public event Action? Paused;

    public event Action? Resumed;

    public event Action<DataChunk>? DataAvailable;

    public event Action<RecorderError>? Error;

    public event Action<string>? Warning;

    /// <summary>A split recording continues in the file named; <see cref="Location"/> names it already.</summary>
    public event Action<string>? FileChanged;

    /// <summary>
    /// The spec sets mimeType to the full type in the start task, just before firing start. A session
    /// already stopped (stop() straight after start()) shows it to the Started handler only, then
    /// goes back to the constrained type that its DataAvailable and Stopped must see.
    /// </summary>
    internal void RaiseStarted(RecordingSession session)
    {
        var alreadyStopped = _session is null;
        if (_session == session || alreadyStopped)
        {
            MimeType = session.Format.MimeType;
        }

        Raise(Started, handler => handler());
        if (alreadyStopped)
        {
            MimeType = Options.MimeType;
        }
    }

    internal void RaiseStopped() => Raise(Stopped, handler => handler());

    internal void RaisePaused() => Raise(Paused, handler => handler());

    internal void RaiseResumed() => Raise(Resumed, handler => handler());

    internal void RaiseDataAvailable(DataChunk chunk) => Raise(DataAvailable, handler => handler(chunk));

    internal void RaiseError(RecorderError error) => Raise(Error, handler => handler(error));

    internal void RaiseWarning(string message) => Raise(Warning, handler => handler(message));

    internal void RaiseFileChanged(string location)
    {
        Location = location;
        Raise(FileChanged, handler => handler(location));
    }

    /// <summary>The recorded audio's loudness, every <c>levelInterval</c> while recording or paused.</summary>
    public event Action<AudioLevels>? LevelsMeasured;

    /// <summary>A replay buffer was saved to the file at the path, holding that much.</summary>
    public event Action<string, TimeSpan>? ReplaySaved;

    internal void ReportProgress(TimeSpan duration, long bytesWritten, TimeSpan replayBuffered)
    {
        Duration = duration;
        BytesWritten = bytesWritten;
        ReplayBuffered = replayBuffered;
    }

    internal void RaiseLevelsMeasured(AudioLevels levels) => Raise(LevelsMeasured, handler => handler(levels));

    internal void RaiseReplaySaved(string path, TimeSpan duration) => Raise(ReplaySaved, handler => handler(path, duration));

    private void OnPropertyChanged(string property) =>
        Raise(PropertyChanged, handler => handler(this, new PropertyChangedEventArgs(property)));

    /// <summary>
    /// Calls each handler on its own; a destroyed recorder calls none. A handler that throws (on the bus: a signal
    /// that could not be sent) is logged, and the handlers after it, the events after it and stop()'s task go on.
    /// </summary>
    private void Raise<THandler>(THandler? handlers, Action<THandler> invoke, [CallerArgumentExpression(nameof(handlers))] string eventName = "")
        where THandler : Delegate
    {
        if (_destroyed || handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<THandler>())
        {
            try
            {
                invoke(handler);
            }
            catch (Exception exception)
            {
                _context.Logger.LogError(exception, "A handler of the recorder's {Event} event failed; the recorder goes on", eventName);
            }
        }
    }
}
