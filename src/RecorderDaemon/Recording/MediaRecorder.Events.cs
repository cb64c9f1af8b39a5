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

        Raise(Started);
        if (alreadyStopped)
        {
            MimeType = Options.MimeType;
        }
    }

    internal void RaiseStopped() => Raise(Stopped);

    internal void RaisePaused() => Raise(Paused);

    internal void RaiseResumed() => Raise(Resumed);

    internal void RaiseDataAvailable(DataChunk chunk) => Raise(DataAvailable, chunk);

    internal void RaiseError(RecorderError error) => Raise(Error, error);

    internal void RaiseWarning(string message) => Raise(Warning, message);

    internal void ReportProgress(TimeSpan duration, long bytesWritten)
    {
        Duration = duration;
        BytesWritten = bytesWritten;
    }

    /// <summary>A destroyed recorder raises nothing more.</summary>
    private void Raise(Action? handlers)
    {
        if (!_destroyed)
        {
            handlers?.Invoke();
        }
    }

    private void Raise<T>(Action<T>? handlers, T argument)
    {
        if (!_destroyed)
        {
            handlers?.Invoke(argument);
        }
    }
}
