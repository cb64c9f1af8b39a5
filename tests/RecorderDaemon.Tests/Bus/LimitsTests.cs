using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// The daemon's limits on a daemon that allows two recorders per client and one recording at a time.
/// Each test makes its recorders from a connection of its own; they run one at a time because the
/// recording limit is shared.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class LimitsTests
{
    private const string QuotaExceeded = "io.github.recorderd.Error.QuotaExceededError";
    private const string Recorder = "io.github.recorderd.MediaRecorder1";
    private static readonly string[] Audio = ["test:audio"];
    private DaemonProcess _daemon = null!;

    [OneTimeSetUp]
    public void StartDaemon() => _daemon = new DaemonProcess("--Recorderd:MaxRecordersPerClient=2", "--Recorderd:MaxConcurrentRecordings=1");

    [OneTimeTearDown]
    public void StopDaemon() => _daemon.Dispose();

    [Test]
    public void TheThirdRecorderOfOneClientIsQuotaExceededButOtherClientsMayCreateTheirs()
    {
        using var client = _daemon.Connect();
        using var other = _daemon.Connect();
        var first = Create(client);
        var second = Create(client);

        var error = DaemonProcess.ErrorOf(() => Create(client));
        Assert.That(error.ErrorName, Is.EqualTo(QuotaExceeded));
        Assert.That(error.ErrorMessage, Does.Contain(client.UniqueName));
        var others = Create(other);
        Assert.That(_daemon.GetProperty(others, Recorder, "Owner").GetString(), Is.EqualTo(other.UniqueName));

        _daemon.CallRecorder(second, "Destroy", client: client);
        var third = Create(client);
        Assert.That(third, Is.Not.EqualTo(second));
        foreach (var (path, owner) in new[] { (first, client), (third, client), (others, other) })
        {
            _daemon.CallRecorder(path, "Destroy", client: owner);
        }
    }

    [Test]
    public void ASecondRecordingIsQuotaExceededAndTheFirstKeepsRecordingUntilItStops()
    {
        using var client = _daemon.Connect();
        var first = Create(client);
        var second = Create(client);
        Start(first);

        var error = DaemonProcess.ErrorOf(() => Start(second));
        Assert.That(error.ErrorName, Is.EqualTo(QuotaExceeded));
        Assert.That(_daemon.RecorderState(second), Is.EqualTo("inactive"));
        Assert.That(_daemon.GetProperty(second, Recorder, "Location").GetString(), Is.Empty, "no file was claimed");
        Assert.That(_daemon.RecorderState(first), Is.EqualTo("recording"));

        _daemon.CallRecorder(first, "Stop");
        Start(second);
        Assert.That(_daemon.RecorderState(second), Is.EqualTo("recording"));
        Assert.That(_daemon.RecorderState(first), Is.EqualTo("inactive"));
        _daemon.CallRecorder(second, "Stop");
        Assert.That(new FileInfo(_daemon.GetProperty(first, Recorder, "Location").GetString()).Length, Is.Positive);
        Assert.That(new FileInfo(_daemon.GetProperty(second, Recorder, "Location").GetString()).Length, Is.Positive);
        _daemon.CallRecorder(first, "Destroy");
        _daemon.CallRecorder(second, "Destroy");
    }

    [Test]
    public void AtTheLimitAPausedRecordingStillCountsAndStartOnTheRunningRecorderIsStillInvalidState()
    {
        using var client = _daemon.Connect();
        var first = Create(client);
        var second = Create(client);
        Start(first);
        _daemon.CallRecorder(first, "Pause");

        Assert.That(DaemonProcess.ErrorOf(() => Start(second)).ErrorName, Is.EqualTo(QuotaExceeded), "a paused recording holds its slot");
        Assert.That(DaemonProcess.ErrorOf(() => Start(first)).ErrorName, Is.EqualTo("io.github.recorderd.Error.InvalidStateError"), "the spec's state check comes first");
        Assert.That(_daemon.RecorderState(first), Is.EqualTo("paused"));

        _daemon.CallRecorder(first, "Destroy");
        Start(second);
        Assert.That(_daemon.RecorderState(second), Is.EqualTo("recording"), "a destroyed recorder gives its slot back");
        _daemon.CallRecorder(second, "Destroy");
    }

    [Test]
    public void OfTwoStartsSentAtOnceOneRecordsAndTheOtherIsQuotaExceeded()
    {
        using var client = _daemon.Connect();
        var recorders = new[] { Create(client), Create(client) };

        var starts = recorders.Select(path => client.CallAsync(RecorderdProcess.BusName, path, Recorder, "Start", [0u])).ToList();
        var outcomes = starts.Select(Outcome).ToList();

        Assert.That(outcomes, Is.EquivalentTo(new[] { "started", QuotaExceeded }), "a starting recording holds its slot");
        Assert.That(recorders.Select(_daemon.RecorderState), Is.EquivalentTo(new[] { "recording", "inactive" }));
        foreach (var path in recorders)
        {
            _daemon.CallRecorder(path, "Stop", client: client);
            _daemon.CallRecorder(path, "Destroy", client: client);
        }
    }

    private static string Outcome(Task call)
    {
        try
        {
            call.GetAwaiter().GetResult();
            return "started";
        }
        catch (DBusErrorReplyException error)
        {
            return error.ErrorName;
        }
    }

    private string Create(BusClient client) => _daemon.CreateRecorder(client, Audio);

    private void Start(string path) => _daemon.CallRecorder(path, "Start", [0u]);
}
