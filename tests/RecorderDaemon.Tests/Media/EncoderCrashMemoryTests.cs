using Microsoft.Extensions.Logging.Abstractions;
using RecorderDaemon.Media;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Media;

/// <summary>
/// What recorderd remembers of encoders that were recording when it crashed, in a real state directory: markers while
/// they record, and the skipped list a crash's markers join at the next start, which the daemon then honours.
/// </summary>
[TestFixture]
public sealed class EncoderCrashMemoryTests() : WorkDirectoryFixture("recorderd-crash-memory-")
{
    private string Markers => Path.Combine(WorkDirectory, "encoders-in-use");

    [Test]
    public void AnEncoderIsMarkedWhileAnyRecordingUsesIt()
    {
        var memory = EncoderCrashMemory.Load(WorkDirectory, NullLogger.Instance);

        var first = memory.InUse("vaapih264enc");
        var second = memory.InUse("vaapih264enc");
        first.Dispose();
        var markedWhileOneRecords = File.Exists(Path.Combine(Markers, "vaapih264enc"));
        second.Dispose();

        Assert.That(markedWhileOneRecords, Is.True);
        Assert.That(Directory.GetFiles(Markers), Is.Empty);
    }

    [Test]
    public void AMarkerLeftByACrashPutsItsEncoderOnTheSkippedListForGood()
    {
        Directory.CreateDirectory(Markers);
        File.WriteAllText(Path.Combine(Markers, "nvh264enc"), "");
        File.WriteAllText(Path.Combine(WorkDirectory, "skipped-encoders"), "vah264enc\n");

        var afterCrash = EncoderCrashMemory.Load(WorkDirectory, NullLogger.Instance);
        var afterThat = EncoderCrashMemory.Load(WorkDirectory, NullLogger.Instance);

        Assert.That(afterCrash.Skipped, Is.EquivalentTo(new[] { "vah264enc", "nvh264enc" }));
        Assert.That(afterThat.Skipped, Is.EquivalentTo(new[] { "vah264enc", "nvh264enc" }));
        Assert.That(Directory.GetFiles(Markers), Is.Empty);
    }

    [Test]
    public void TheDaemonSkipsAnEncoderACrashLeftMarkedAndSaysHowToTryItAgain()
    {
        var stateMarkers = Path.Combine(WorkDirectory, "recorderd", "encoders-in-use");
        Directory.CreateDirectory(stateMarkers);
        File.WriteAllText(Path.Combine(stateMarkers, "vp9enc"), "");

        using var restarted = new DaemonProcess(
            new Dictionary<string, string?> { ["XDG_STATE_HOME"] = WorkDirectory }, "--Recorderd:VideoEncoders:vp8:0=vp9enc");
        var path = restarted.CreateRecorder(["test:video"], ("mimeType", "video/webm;codecs=vp8"));
        using var signals = new SignalLog(restarted, "io.github.recorderd.MediaRecorder1", path);
        restarted.CallRecorder(path, "Start", [0u]);
        signals.WaitFor("Started");
        restarted.CallRecorder(path, "Stop");
        signals.WaitFor("Stopped");

        Assert.That(restarted.Output, Does.Contain("vp9enc was recording when recorderd last ended").And.Contain("skipped-encoders"));
        Assert.That(signals.Members, Is.EqualTo(new[] { "Started", "DataAvailable", "Stopped" }), "vp9enc is not tried, so no Warning");
        Assert.That(File.ReadAllLines(Path.Combine(WorkDirectory, "recorderd", "skipped-encoders")), Is.EqualTo(new[] { "vp9enc" }));
    }
}
