namespace RecorderDaemon.Recording;

/// <summary>Where a recording goes: its file, the files it is split into, or the replay buffer saved on demand.</summary>
public sealed partial class MediaRecorder
{
    /// <summary>Continues the recording in a new file at the next key frame; FileChanged names it.</summary>
    /// <exception cref="RecorderException">InvalidStateError when inactive; NotSupportedError for a recorder not made to split</exception>
    public void Split()
    {
        var session = ActiveSession("split()");
        if (Options.Splitting is null)
        {
            throw RecorderException.NotSupported("split() needs a recorder created with 'maxFileDuration', 'maxFileSize' or 'splittable'");
        }

        session.Split();
    }

    /// <summary>
    /// Saves what the replay buffer holds into a new file at <paramref name="location"/> (null: the default directory,
    /// named <c>Replay DATE.EXT</c>); the buffer goes on recording. ReplaySaved follows once the file is final.
    /// </summary>
    /// <returns>the file's path</returns>
    /// <exception cref="RecorderException">
    /// InvalidStateError when inactive or nothing is buffered yet; NotSupportedError without a replay buffer; NotAllowedError or
    /// QuotaExceededError when the file cannot be created or its file system is too full
    /// </exception>
    public async Task<string> SaveReplayAsync(string? location)
    {
        var session = ActiveSession("saveReplay()");
        if (Options.Replay is null)
        {
            throw RecorderException.NotSupported("SaveReplay needs a recorder created with 'replayBuffer'");
        }

        var output = ClaimFile(location, session.Format.Extension, HasVideo, name: "Replay");
        try
        {
            var duration = await session.SaveReplayAsync(output);
            await _context.Loop.InvokeAsync(() => RaiseReplaySaved(output.Location, duration));
            return output.Location;
        }
        catch
        {
            output.Discard();
            throw;
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>The client's <c>outputFd</c>, which holds one recording, or a new file.</summary>
    /// <exception cref="RecorderException">
    /// InvalidStateError when the outputFd was used already; NotAllowedError when the file cannot be created; QuotaExceededError when its file system is too full
    /// </exception>
    private RecordingOutput ClaimOutput(string extension, bool hasVideo)
    {
        if (Options.OutputFd is not { } descriptor)
        {
            return ClaimFile(Options.Location, extension, hasVideo);
        }

        if (_outputFdUsed)
        {
            throw RecorderException.InvalidState("the recorder's outputFd holds its first recording already; create another recorder for another recording");
        }

        // Refused, the descriptor stays the recorder's, for a start when there is room.
        var passed = RecordingOutput.Passed(descriptor);
        RequireFreeSpace(passed);
        _outputFdUsed = true;
        return passed;
    }

    /// <summary>Creates a new file for <paramref name="location"/> (null: the default) on a file system with room; a file refused is removed.</summary>
    /// <exception cref="RecorderException">NotAllowedError when the file cannot be created; QuotaExceededError when its file system is too full</exception>
    private RecordingOutput ClaimFile(string? location, string extension, bool hasVideo, string name = "Recording")
    {
        var output = _outputs.Claim(location, extension, hasVideo, name, Options.Profile);
        try
        {
            RequireFreeSpace(output);
            return output;
        }
        catch
        {
            output.Discard();
            output.Dispose();
            throw;
        }
    }

    /// <exception cref="RecorderException">QuotaExceededError: the file system is too full to start writing on</exception>
    private void RequireFreeSpace(RecordingOutput output)
    {
        if (_context.FreeSpace.Shortfall(output) is { } shortfall)
        {
            throw new RecorderException(DomErrorName.QuotaExceededError, $"not starting: {shortfall}");
        }
    }

    /// <summary>
    /// The key-frame interval asked for; else, where files are cut at key frames (a replay buffer, a split recording), one
    /// every <see cref="RecorderContext.CutKeyFrameInterval"/>, so a cut is never far from where it is wanted.
    /// </summary>
    private KeyFrameInterval? KeyFrames =>
        Options.KeyFrames ?? (Options.Replay is not null || Options.Splitting is not null ? KeyFrameInterval.FromDuration(RecorderContext.CutKeyFrameInterval) : null);
}
