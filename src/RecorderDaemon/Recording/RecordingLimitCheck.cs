namespace RecorderDaemon.Recording;

/// <summary>A reason to end a recording early: a limit it reached (<see cref="Error"/> null: it ends as stop() would, after a Warning), or an error.</summary>
internal sealed record LimitReached(string Message, RecorderError? Error = null);

/// <summary>
/// What ends a recording before its tracks end or stop() is called: the recorder's <c>timeLimit</c> and <c>sizeLimit</c>,
/// and the free space its file system must keep, checked every <see cref="Interval"/>, so the file is finalized before the
/// disk is full.
/// </summary>
internal sealed class RecordingLimitCheck(RecorderOptions options, FreeSpaceMinimum freeSpace)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <param name="recorded">media time recorded, pauses excluded</param>
    /// <param name="bytes">bytes the recording wrote</param>
    /// <returns>null while nothing is reached</returns>
    /// <param name="output">the file written, whose file system must keep its free space; null for a replay buffer</param>
    public LimitReached? Check(TimeSpan recorded, long bytes, RecordingOutput? output)
    {
        if (options.TimeLimit is { } time && recorded >= time)
        {
            return new LimitReached($"the recording reached its time limit (timeLimit) of {time.TotalMilliseconds} ms and was stopped");
        }

        if (options.SizeLimit is { } size && bytes >= size)
        {
            return new LimitReached($"the recording reached its size limit (sizeLimit) of {size} bytes and was stopped");
        }

        return output is not null && freeSpace.Shortfall(output) is { } shortfall
            ? new LimitReached("", new RecorderError(DomErrorName.QuotaExceededError, $"the recording was ended before the disk filled up: {shortfall}"))
            : null;
    }
}
