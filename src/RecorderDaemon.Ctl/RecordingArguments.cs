using System.CommandLine;
using RecorderDaemon.Client;

namespace RecorderDaemon.Ctl;

/// <summary>What to record and how, shared by <c>record</c> and <c>start</c>.</summary>
internal sealed class RecordingArguments
{
    /// <summary>Recorded when neither --audio nor --video is given.</summary>
    public const string DefaultSource = "pipewire:";

    private readonly Option<string?> _audio = new("--audio")
    {
        Description = "Audio source URI: pipewire: (the default input), pipewire:TARGET, test:audio?freq=440, file:///abs/path",
        HelpName = "URI",
    };

    private readonly Option<string?> _video = new("--video")
    {
        Description = "Video source URI: v4l2:/dev/video0, pipewire:TARGET, test:video?pattern=ball&width=640&height=480, file:///abs/path",
        HelpName = "URI",
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

    public void AddTo(Command command)
    {
        command.Options.Add(_audio);
        command.Options.Add(_video);
        command.Options.Add(_type);
        command.Options.Add(_timeslice);
        command.Options.Add(_output);
    }

    public static string SourcesHelp => $"Without --audio and --video, the default PipeWire input ({DefaultSource}) is recorded.";

    /// <summary>Creates the recorder the options describe.</summary>
    /// <param name="stopOnDisconnect">whether the daemon finalizes the recording and removes the recorder when this process goes away</param>
    public Task<MediaRecorder> CreateAsync(RecorderClient client, ParseResult parsed, bool stopOnDisconnect, CancellationToken cancellationToken)
    {
        string[] given = [.. new[] { parsed.GetValue(_audio), parsed.GetValue(_video) }.OfType<string>()];
        return client.CreateRecorderAsync(given.Length > 0 ? given : [DefaultSource], new MediaRecorderOptions
        {
            MimeType = parsed.GetValue(_type),
            // FileInfo resolved a relative path against the working directory; the daemon wants it absolute.
            Location = parsed.GetValue(_output)?.FullName,
            StopOnDisconnect = stopOnDisconnect,
        }, cancellationToken);
    }

    /// <summary>Starts <paramref name="recorder"/>; when the daemon refuses, removes it, so that no unused recorder is left behind.</summary>
    public async Task StartAsync(MediaRecorder recorder, ParseResult parsed, CancellationToken cancellationToken)
    {
        try
        {
            await recorder.StartAsync(parsed.GetValue(_timeslice), cancellationToken);
        }
        catch (RecorderClientException)
        {
            await recorder.DestroyAsync();
            throw;
        }
    }
}
