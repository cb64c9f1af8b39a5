using NUnit.Framework.Constraints;
using RecorderDaemon.Native;
using RecorderDaemon.Tests.Client;

namespace RecorderDaemon.Tests.Ctl;

/// <summary>
/// recorderctl against the real daemon on a private bus, one daemon for a whole fixture (see
/// <see cref="DaemonClientFixture"/>); each test starts with no recorders.
/// </summary>
public abstract class RecorderctlFixture : DaemonClientFixture
{
    protected const string VideoSource = "test:video?pattern=ball&width=320&height=240";
    protected const string RecorderPathPattern = @"^/io/github/recorderd/recorder/\d+$";

    [TearDown]
    public async Task DestroyLeftRecorders()
    {
        foreach (var path in await Client.ListRecordersAsync())
        {
            var recorder = await Client.OpenRecorderAsync(path);
            await recorder.DestroyAsync();
        }
    }

    /// <summary>A file in the daemon's temp directory, removed with it.</summary>
    protected string OutputFile(string name) => Path.Combine(Daemon.Directory, name);

    /// <summary>Runs <c>recorderctl --bus-address ADDRESS ARGS</c> to its end.</summary>
    protected RecorderctlResult Run(params string[] args) => Recorderctl.Run(OnTheBus(args));

    /// <summary>Starts <c>recorderctl --bus-address ADDRESS ARGS</c> in <paramref name="workingDirectory"/>.</summary>
    protected Recorderctl Start(string[] args, string? workingDirectory = null) => Recorderctl.Start(OnTheBus(args), workingDirectory);

    /// <summary>Runs <c>recorderctl start ARGS</c>, asserting that it succeeded; returns the recorder and its file.</summary>
    protected (string Path, string File) StartRecording(params string[] args)
    {
        var started = Run(["start", .. args]);
        Assert.That(started.ExitCode, Is.Zero, started.ToString());
        Assert.That(started.Output, Has.Count.EqualTo(2), started.ToString());
        Assert.That(started.Output[0], Does.Match(RecorderPathPattern));
        return (started.Output[0], started.Output[1]);
    }

    /// <summary>Asserts that <paramref name="file"/> is a finalized WebM file with Opus (and VP8 <paramref name="withVideo"/>), <paramref name="duration"/> long.</summary>
    protected static void AssertFinalizedWebm(string file, IResolveConstraint duration, bool withVideo = true)
    {
        var info = GstDiscoverer.Discover(new Uri(file).AbsoluteUri, TimeSpan.FromSeconds(10));
        Assert.Multiple(() =>
        {
            Assert.That(info.ContainerType, Is.EqualTo(withVideo ? "video/webm" : "audio/webm"), file);
            Assert.That(info.VideoTypes, Is.EqualTo(withVideo ? new[] { "video/x-vp8" } : []), file);
            Assert.That(info.AudioTypes, Is.EqualTo(new[] { "audio/x-opus" }), file);
            Assert.That(info.Seekable, Is.True, $"{file} has no cues/duration: it was not finalized");
            Assert.That(info.Duration, duration, file);
        });
    }

    private string[] OnTheBus(string[] args) => ["--bus-address", Daemon.Address, .. args];
}
