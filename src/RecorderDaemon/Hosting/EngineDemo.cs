using System.Diagnostics;
using System.Globalization;
using RecorderDaemon.Media;
using RecorderDaemon.Media.Sources;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Hosting;

/// <summary>The newcomer's first run: records a few seconds of test audio and video with the engine and shows the file.</summary>
internal static class EngineDemo
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var outputs = args.Length > 1
            ? new OutputLocations(args[1], args[1], TimeProvider.System)
            : OutputLocations.ForCurrentUser();

        GstRuntime.Initialize();
        using var loop = new GLibLoop();
        var context = new RecorderContext(loop, new GstRecordingPipelineFactory(loop, GstRecordingPipelineFactory.DefaultStopTimeout), outputs);
        TrackSource[] sources = [SourceUri.Parse("test:audio?wave=sine&freq=440"), SourceUri.Parse("test:video?pattern=ball&width=640&height=480")];
        var recorder = await loop.InvokeAsync(() => new MediaRecorder(sources, new RecorderOptions(), context));

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await loop.InvokeAsync(() =>
        {
            recorder.Started += () => Console.WriteLine($"recording {recorder.MimeType} to {recorder.Location}");
            recorder.Started += started.SetResult;
            recorder.DataAvailable += chunk => Console.WriteLine($"data: {chunk.Size} bytes at offset {chunk.Offset}");
            recorder.Error += error => Console.Error.WriteLine($"error: {error.Name}: {error.Message}");
            recorder.Warning += message => Console.Error.WriteLine($"warning: {message}");
            recorder.Start(0);
        });
        await started.Task;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        await await loop.InvokeAsync(recorder.Stop);
        var location = await loop.InvokeAsync(() => recorder.Location);
        Console.WriteLine($"stopped; {new FileInfo(location).Length} bytes in {location}");
        return await DescribeAsync(location);
    }

    private static async Task<int> DescribeAsync(string location)
    {
        using var discoverer = Process.Start(new ProcessStartInfo("gst-discoverer-1.0", [location]))!;
        await discoverer.WaitForExitAsync();
        return discoverer.ExitCode;
    }
}
