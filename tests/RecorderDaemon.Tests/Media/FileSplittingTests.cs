using RecorderDaemon.Native;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Media;

/// <summary>
/// A recording split into files by <c>maxFileDuration</c>, <c>maxFileSize</c> or <c>Split()</c>: each file plays on its own
/// from 0, the files neither overlap nor leave a gap, and each new one is announced by FileChanged before its data.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class FileSplittingTests
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private const double FrameSeconds = 1 / 30.0;
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public void StartDaemon() => _daemon = new DaemonProcess();

    [OneTimeTearDown]
    public void StopDaemon() => _daemon.Dispose();

    [TestCase("video/webm;codecs=vp8,opus", "webm")]
    [TestCase("video/x-matroska;codecs=vp8,opus", "mkv")]
    [TestCase("video/mp4;codecs=avc1,mp4a.40.2", "mp4")]
    public void SevenSecondsInFilesOfThreeGiveThreeFilesThatAddUpAndPlayAlone(string mimeType, string extension)
    {
        var location = Path.Combine(_daemon.Directory, $"split-{extension}.{extension}");
        var path = _daemon.CreateRecorder(
            ["test:audio?duration=7000", "test:video?width=320&height=240&duration=7000"], ("mimeType", mimeType), ("location", location), ("maxFileDuration", 3000u));
        using var signals = new RecorderSignalLog(_daemon, path);

        _daemon.CallRecorder(path, "Start", [0u]);
        signals.WaitFor("Stopped");

        string[] files = [location, PartOf(location, 2), PartOf(location, 3)];
        Assert.That(signals.Signals.Where(signal => signal.Member == "FileChanged").Select(signal => signal.Text), Is.EqualTo(files[1..]));
        Assert.That(_daemon.GetProperty(path, Recorder, "Location").GetString(), Is.EqualTo(files[^1]));
        Assert.That(signals.Members, Is.EqualTo(new[] { "Started", "DataAvailable", "FileChanged", "DataAvailable", "FileChanged", "DataAvailable", "Stopped" }),
            "each file's data before the next FileChanged");
        var durations = files.Select(file =>
        {
            var info = GstDiscoverer.Discover(new Uri(file).AbsoluteUri, TimeSpan.FromSeconds(10));
            Assert.That(info.Seekable, Is.True, file);
            Assert.That(info.AudioTypes, Has.Count.EqualTo(1), file);
            Assert.That(info.VideoTypes, Has.Count.EqualTo(1), file);
            return info.Duration.TotalSeconds;
        }).ToList();
        TestContext.Progress.WriteLine($"{extension} parts: {string.Join(" + ", durations.Select(d => $"{d:0.000}"))} s");
        Assert.That(durations.Take(2), Is.All.EqualTo(3.0).Within(0.3), "split near every 3 s (a key frame is asked for there)");
        Assert.That(durations.Sum(), Is.EqualTo(7.0).Within(FrameSeconds + 0.03), "no overlap, no gap");
        var frames = files.Select(MediaProbe.DecodedVideo).ToList();
        Assert.That(frames.Sum(decoded => decoded.Count), Is.EqualTo(210), "each of the 7 s of frames is in exactly one file");
        Assert.That(frames.Select(decoded => decoded.Last.TotalSeconds), Is.All.LessThan(3.4), "each file starts at 0");
    }

    [Test]
    public void SplitContinuesInANewFileAtTheNextKeyFrameAndDataAvailableFollowsEachFile()
    {
        var location = Path.Combine(_daemon.Directory, "split-now.webm");
        var path = _daemon.CreateRecorder(
            ["test:audio", "test:video?width=320&height=240"], ("location", location), ("splittable", true), ("videoKeyFrameIntervalDuration", 500u));
        using var signals = new RecorderSignalLog(_daemon, path);
        _daemon.CallRecorder(path, "Start", [1000u]);
        signals.WaitFor("Started");
        Thread.Sleep(2000);

        _daemon.CallRecorder(path, "Split");
        signals.WaitFor("FileChanged");
        Thread.Sleep(1500);
        _daemon.CallRecorder(path, "Stop");

        var members = signals.Members.ToList();
        var changed = members.IndexOf("FileChanged");
        Assert.That(members[changed - 1], Is.EqualTo("DataAvailable"), "the first file's last chunk comes before FileChanged");
        Assert.That(members.Skip(changed + 1), Has.Member("DataAvailable"));
        var first = GstDiscoverer.Discover(new Uri(location).AbsoluteUri, TimeSpan.FromSeconds(10));
        var second = GstDiscoverer.Discover(new Uri(PartOf(location, 2)).AbsoluteUri, TimeSpan.FromSeconds(10));
        // Started and FileChanged come once a key-frame interval (0.5 s) is written; the first file ends at the key frame after the call.
        Assert.That(first.Duration.TotalSeconds, Is.InRange(2.0, 2.0 + 0.5 + 0.5 + 0.2));
        Assert.That(second.Duration.TotalSeconds, Is.InRange(1.5, 1.5 + 1.0 + 0.2));
        Assert.That(second.Seekable, Is.True);
        Assert.That(_daemon.GetProperty(path, Recorder, "BytesWritten").GetUInt64(),
            Is.EqualTo((ulong)(new FileInfo(location).Length + new FileInfo(PartOf(location, 2)).Length)), "BytesWritten counts both files");
    }

    [Test]
    public void MaxFileSizeStartsANewFileOnceAFileHoldsThatMuch()
    {
        const int size = 200_000;
        var location = Path.Combine(_daemon.Directory, "split-size.webm");
        var path = _daemon.CreateRecorder(
            ["test:video?width=320&height=240&pattern=snow&duration=4000"], ("location", location), ("maxFileSize", (ulong)size),
            ("videoBitsPerSecond", 1_000_000u), ("videoKeyFrameIntervalDuration", 500u));
        using var signals = new RecorderSignalLog(_daemon, path);

        _daemon.CallRecorder(path, "Start", [0u]);
        signals.WaitFor("Stopped");

        var files = Directory.GetFiles(_daemon.Directory, "split-size*.webm");
        Assert.That(files, Has.Length.GreaterThanOrEqualTo(2));
        Assert.That(files.Select(file => new FileInfo(file).Length), Is.All.LessThanOrEqualTo(size + 10_000), "a file ends before it passes the size, at a key frame");
        Assert.That(files.Sum(file => MediaProbe.DecodedVideo(file).Count), Is.EqualTo(120));
    }

    [Test]
    public void AnOggRecordingCannotBeSplit()
    {
        var path = _daemon.CreateRecorder(["test:audio"], ("mimeType", "audio/ogg"), ("maxFileDuration", 3000u));

        var error = DaemonProcess.ErrorOf(() => _daemon.CallRecorder(path, "Start", [0u]));

        Assert.That(error.ErrorName, Is.EqualTo("io.github.recorderd.Error.NotSupportedError"));
        Assert.That(error.ErrorMessage, Does.Contain("cannot be split"));
    }

    private static string PartOf(string location, int part) =>
        Path.Combine(Path.GetDirectoryName(location)!, $"{Path.GetFileNameWithoutExtension(location)} (part {part}){Path.GetExtension(location)}");
}
