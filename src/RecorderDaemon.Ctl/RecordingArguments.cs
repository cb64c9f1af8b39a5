using System.CommandLine;
using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl;

/// <summary>
/// What to record and how, shared by <c>record</c>, <c>start</c> and <c>replay</c>; a replay buffer writes no file while it
/// records, so it has no timeslice, file limits or splitting, and its <c>--output</c> is where it is saved.
/// </summary>
/// <param name="replay">for <c>replay</c>: the options about the recording's own file are left out</param>
internal sealed class RecordingArguments(bool replay = false)
{
    /// <summary>Recorded when neither --audio nor --video is given.</summary>
    public const string DefaultSource = "pipewire:";

    private readonly Option<string[]> _audio = new("--audio")
    {
        Description = "Audio source URI: pipewire: (the default input), pipewire:TARGET, desktop-audio:, app-audio:NAME, test:audio?freq=440, file:///abs/path, each taking ?volume=0.0-10.0; repeat it to mix several",
        HelpName = "URI",
    };

    private readonly Option<bool> _desktopAudio = new("--desktop-audio")
    {
        Description = "Also record what the desktop plays (desktop-audio:, the default output's monitor), mixed with the other audio",
    };

    private readonly Option<string?> _audioTracks = new("--audio-tracks")
    {
        Description = "With several audio sources: mix them into one track (the default) or record each as a track of its own (separate; WebM and Ogg)",
        HelpName = "LAYOUT",
    };

    private readonly Option<string?> _video = new("--video")
    {
        Description = "Video source URI: v4l2:/dev/video0, pipewire:TARGET, test:video?pattern=ball&width=640&height=480, file:///abs/path",
        HelpName = "URI",
    };

    private readonly Option<bool> _screen = new("--screen")
    {
        Description = "Record a screen the user picks in the desktop's dialog (xdg-desktop-portal), as the video",
    };

    private readonly Option<bool> _window = new("--window")
    {
        Description = "With --screen: offer windows too",
    };

    private readonly Option<string?> _cursor = new("--cursor")
    {
        Description = "With --screen: the pointer hidden, embedded (the default) or as metadata",
        HelpName = "MODE",
    };

    private readonly Option<FileInfo?> _restoreToken = new("--restore-token")
    {
        Description = "With --screen: read the portal's restore token from FILE if it exists (no dialog where the portal can) and write the new one there",
        HelpName = "FILE",
    };

    private readonly Option<string?> _type = new("--type")
    {
        Description = "Container and codecs, e.g. 'video/webm;codecs=vp9,opus' or 'audio/ogg;codecs=flac' (default: WebM with VP8 and/or Opus; `recorderctl types` lists them)",
        HelpName = "MIME",
    };

    private readonly Option<uint> _timeslice = new("--timeslice")
    {
        Description = "Deliver the data in chunks of about MS milliseconds (DataAvailable events) instead of one at the end",
        HelpName = "MS",
    };

    private readonly Option<FileInfo?> _output = new("--output", "-o")
    {
        Description = "The file to write (default: a new 'Recording DATE TIME' file under ~/Videos/recorderd or ~/Music/recorderd); never overwritten, a ' (2)' is added",
        HelpName = "FILE",
    };

    private readonly Option<double?> _timeLimit = new("--time-limit")
    {
        Description = "The daemon stops the recording after S seconds of recorded time (paused time does not count), with a warning",
        HelpName = "S",
    };

    private readonly Option<ulong?> _sizeLimit = new("--size-limit")
    {
        Description = "The daemon stops the recording once it holds SIZE bytes (or with a K, M or G suffix: KiB, MiB, GiB), with a warning",
        HelpName = "SIZE",
        CustomParser = Units.ParseSize,
    };

    private readonly Option<double?> _maxFileDuration = new("--max-file-duration")
    {
        Description = "Continue in a new file ('NAME (part 2).EXT', ...) every S seconds of recorded time, at a key frame (WebM, Matroska, MP4)",
        HelpName = "S",
    };

    private readonly Option<ulong?> _maxFileSize = new("--max-file-size")
    {
        Description = "Continue in a new file once a file holds SIZE bytes (K, M or G suffixes allowed), at a key frame (WebM, Matroska, MP4)",
        HelpName = "SIZE",
        CustomParser = Units.ParseSize,
    };

    private readonly Option<string?> _profile = new("--profile")
    {
        Description = "A profile of the daemon's configuration (Recorderd:Profiles): its sources, when none is given here, and its settings, under those given here",
        HelpName = "NAME",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_profile);
        command.Options.Add(_audio);
        command.Options.Add(_desktopAudio);
        command.Options.Add(_audioTracks);
        _audioTracks.AcceptOnlyFromAmong(AudioTrackLayout.Mix.ToSpecName(), AudioTrackLayout.Separate.ToSpecName());
        command.Options.Add(_video);
        command.Options.Add(_screen);
        command.Options.Add(_window);
        command.Options.Add(_cursor);
        command.Options.Add(_restoreToken);
        _cursor.AcceptOnlyFromAmong("hidden", "embedded", "metadata");
        command.Options.Add(_type);
        command.Options.Add(_output);
        command.Options.Add(_timeLimit);
        command.Options.Add(_sizeLimit);
        Units.RequirePositiveSeconds(_timeLimit);
        if (!replay)
        {
            command.Options.Add(_timeslice);
            command.Options.Add(_maxFileDuration);
            command.Options.Add(_maxFileSize);
            Units.RequirePositiveSeconds(_maxFileDuration);
        }
    }

    /// <summary>For <c>replay</c>: where each save goes; null for the daemon's default directory.</summary>
    public string? SaveLocation(ParseResult parsed) => parsed.GetValue(_output)?.FullName;

    public static string SourcesHelp =>
        $"Without --audio, --desktop-audio, --video and --screen, the --profile's sources, or else the default PipeWire input ({DefaultSource}), are recorded.";

    /// <summary>Creates the recorder the options describe.</summary>
    /// <param name="stopOnDisconnect">whether the daemon finalizes the recording and removes the recorder when this process goes away</param>
    /// <param name="configure">adds what only the command knows, e.g. the replay buffer</param>
    public async Task<MediaRecorder> CreateAsync(
        RecorderClient client, ParseResult parsed, bool stopOnDisconnect, CancellationToken cancellationToken,
        Func<MediaRecorderOptions, MediaRecorderOptions>? configure = null)
    {
        string[] given =
        [
            .. parsed.GetValue(_audio) ?? [],
            .. parsed.GetValue(_desktopAudio) ? ["desktop-audio:"] : Array.Empty<string>(),
            .. new[] { parsed.GetValue(_video) }.OfType<string>(),
        ];
        if (parsed.GetValue(_screen))
        {
            given = [.. given, .. await ShareScreenAsync(client, parsed, cancellationToken)];
        }

        var options = new MediaRecorderOptions
        {
            MimeType = parsed.GetValue(_type),
            // FileInfo resolved a relative path against the working directory; the daemon wants it absolute.
            Location = replay ? null : parsed.GetValue(_output)?.FullName,
            StopOnDisconnect = stopOnDisconnect,
            AudioTracks = parsed.GetValue(_audioTracks) is { } layout ? Enum.Parse<AudioTrackLayout>(layout, ignoreCase: true) : null,
            TimeLimit = Units.Seconds(parsed.GetValue(_timeLimit)),
            SizeLimit = parsed.GetValue(_sizeLimit),
            MaxFileDuration = Units.Seconds(parsed.GetValue(_maxFileDuration)),
            MaxFileSize = parsed.GetValue(_maxFileSize),
        };
        // With a profile and no source given, the profile's sources are recorded.
        var profile = parsed.GetValue(_profile);
        options = options with { Profile = profile };
        return await client.CreateRecorderAsync(given.Length > 0 || profile is not null ? given : [DefaultSource], configure?.Invoke(options) ?? options, cancellationToken);
    }

    /// <summary>Asks the user for a screen (GetDisplayMedia); with --restore-token, the token file is read first and rewritten after.</summary>
    private async Task<IReadOnlyList<string>> ShareScreenAsync(RecorderClient client, ParseResult parsed, CancellationToken cancellationToken)
    {
        var tokenFile = parsed.GetValue(_restoreToken);
        var shared = await client.GetDisplayMediaAsync(new DisplayMediaOptions
        {
            Windows = parsed.GetValue(_window),
            Cursor = parsed.GetValue(_cursor),
            RestoreToken = tokenFile is { Exists: true } ? (await File.ReadAllTextAsync(tokenFile.FullName, cancellationToken)).Trim() : null,
            Persist = tokenFile is null ? null : "permanent",
        }, cancellationToken);
        if (tokenFile is not null && shared.RestoreToken is { } token)
        {
            await File.WriteAllTextAsync(tokenFile.FullName, token + "\n", cancellationToken);
        }

        return shared.Sources;
    }

    /// <summary>Starts <paramref name="recorder"/>; when the daemon refuses, removes it, so that no unused recorder is left behind.</summary>
    public async Task StartAsync(MediaRecorder recorder, ParseResult parsed, CancellationToken cancellationToken)
    {
        try
        {
            await recorder.StartAsync(replay ? 0 : parsed.GetValue(_timeslice), cancellationToken);
        }
        catch (RecorderClientException)
        {
            await recorder.DestroyAsync();
            throw;
        }
    }
}
