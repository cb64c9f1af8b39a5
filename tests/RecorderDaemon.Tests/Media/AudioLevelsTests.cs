using RecorderDaemon.Tests.Bus;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Media;

/// <summary>
/// <c>levelInterval</c>: AudioLevels signals with the recorded audio's peak and RMS per channel, at the interval asked,
/// also while paused; none without the option.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class AudioLevelsTests
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public void StartDaemon() => _daemon = new DaemonProcess();

    [OneTimeTearDown]
    public void StopDaemon() => _daemon.Dispose();

    [Test]
    public void ASineOfKnownAmplitudeReadsItsPeakAndRmsAtTheIntervalAsked()
    {
        // audiotestsrc's sine is at 0.8 of full scale; a volume of 0.25 makes it 0.2, so -13.98 dBFS at its peak.
        var expectedPeak = 20 * Math.Log10(0.8 * 0.25);
        var levels = Record(["test:audio?volume=0.25"], TimeSpan.FromSeconds(2), ("levelInterval", 100u));

        Assert.That(levels.Count, Is.InRange(16, 24), "20 readings in 2 s, ±20%");
        var settled = levels.Skip(2).ToList();
        Assert.That(settled.Select(level => level.Peak.Length), Is.All.EqualTo(2), "one value per channel of the stereo track");
        Assert.That(settled.SelectMany(level => level.Peak), Is.All.EqualTo(expectedPeak).Within(0.5));
        Assert.That(settled.SelectMany(level => level.Rms), Is.All.EqualTo(expectedPeak - 3.01).Within(0.5), "a sine's RMS is 3 dB under its peak");
    }

    [Test]
    public void SilenceReadsAsTheFloor()
    {
        var levels = Record(["test:audio?wave=silence"], TimeSpan.FromSeconds(1), ("levelInterval", 100u));

        Assert.That(levels, Is.Not.Empty);
        Assert.That(levels.SelectMany(level => level.Peak.Concat(level.Rms)), Is.All.EqualTo(-100.0));
    }

    [Test]
    public void NoLevelsAreSentWithoutTheOption()
    {
        Assert.That(Record(["test:audio"], TimeSpan.FromSeconds(1)), Is.Empty);
    }

    [Test]
    public void LevelsKeepComingWhilePaused()
    {
        var path = _daemon.CreateRecorder(["test:audio"], ("levelInterval", 50u));
        using var levels = Levels(path);
        using var signals = new RecorderSignalLog(_daemon, path);
        _daemon.CallRecorder(path, "Start", [0u]);
        signals.WaitFor("Started");
        _daemon.CallRecorder(path, "Pause");
        levels.Clear();
        Thread.Sleep(1000);
        var whilePaused = levels.Signals.Count;
        _daemon.CallRecorder(path, "Destroy");

        Assert.That(whilePaused, Is.InRange(16, 24), "20 readings in the paused second");
    }

    [TestCase(1u)]
    [TestCase(19u)]
    public void AnIntervalUnderTwentyMillisecondsIsInvalidArgs(uint milliseconds)
    {
        var error = DaemonProcess.ErrorOf(() => _daemon.CreateRecorder(["test:audio"], ("levelInterval", milliseconds)));
        Assert.That(error.ErrorName, Is.EqualTo("org.freedesktop.DBus.Error.InvalidArgs"));
        Assert.That(error.ErrorMessage, Does.Contain("levelInterval"));
    }

    /// <summary>Records <paramref name="sources"/> for <paramref name="length"/> after Started; the AudioLevels received meanwhile.</summary>
    private IReadOnlyList<(double[] Peak, double[] Rms)> Record(string[] sources, TimeSpan length, params (string Key, VariantValue Value)[] options)
    {
        var path = _daemon.CreateRecorder(sources, options);
        using var levels = Levels(path);
        using var signals = new RecorderSignalLog(_daemon, path);
        _daemon.CallRecorder(path, "Start", [0u]);
        signals.WaitFor("Started");
        levels.Clear();
        Thread.Sleep(length);
        var received = levels.Signals;
        _daemon.CallRecorder(path, "Destroy");
        return received;
    }

    private SignalLog<(double[] Peak, double[] Rms)> Levels(string path) => new(
        _daemon,
        new MatchRule { Type = MessageType.Signal, Interface = Recorder, Member = "AudioLevels", Path = path },
        static (message, _) =>
        {
            var reader = message.GetBodyReader();
            return (reader.ReadArrayOfDouble(), reader.ReadArrayOfDouble());
        });
}
