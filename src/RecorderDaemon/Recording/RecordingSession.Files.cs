namespace RecorderDaemon.Recording;

/// <summary>A session's files and chunks: what DataAvailable reports, what the file limits measure, and the change to a split recording's next file.</summary>
internal sealed partial class RecordingSession
{
    /// <summary>The previous file's last chunk, then FileChanged; chunk offsets start again at 0 in the new file.</summary>
    void IRecordingPipelineObserver.OnFileChanged(RecordingOutput next)
    {
        EmitChunk();
        _bytesInEarlierFiles += _pipeline.BytesWritten;
        _output?.Dispose();
        _output = next;
        _chunkOffset = 0;
        _recorder.RaiseFileChanged(next.Location);
    }

    /// <summary>Raises DataAvailable for the bytes written since the previous chunk.</summary>
    private void EmitChunk()
    {
        var chunk = new DataChunk(_chunkOffset, Math.Max(0, _pipeline.BytesWritten - _chunkOffset), _chunkTimecode);
        _chunkOffset += chunk.Size;
        _chunkTimecode = _clock.NextTimecode();
        _recorder.RaiseDataAvailable(chunk);
    }

    private void EndAtLimit()
    {
        if (_ended || _limits.Check(_pipeline.Duration, BytesWritten, _output) is not { } reached)
        {
            return;
        }

        if (reached.Error is null)
        {
            _recorder.RaiseWarning(reached.Message);
        }

        _recorder.EndBySession(this, reached.Error);
    }

    /// <summary>Bytes of the recording in all its files.</summary>
    private long BytesWritten => _bytesInEarlierFiles + _pipeline.BytesWritten;

    private void ReportProgress() => _recorder.ReportProgress(_pipeline.Duration, BytesWritten, _pipeline.ReplayBuffered);
}
