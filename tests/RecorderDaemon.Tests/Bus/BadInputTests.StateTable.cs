namespace RecorderDaemon.Tests.Bus;

/// <summary>Checklist F, the spec's table of what each method does in each state, on the bus.</summary>
public sealed partial class BadInputTests
{
    /// <summary>Checklist F: each method in each state, with the error, resulting state and signals the spec's table gives.</summary>
    [TestCaseSource(nameof(StateTable))]
    [Order(ErrorPath)]
    public void EveryMethodInEveryStateDoesWhatTheSpecsTableSays(string state, string method, string? error, string stateAfter, string[] signals)
    {
        var path = _daemon.CreateRecorder(Audio);
        using var log = new SignalLog(_daemon, Recorder, path);
        Enter(path, state, log);
        log.Clear();

        TestDelegate call = () => _daemon.CallRecorder(path, method, method == "Start" ? [0u] : null);
        if (error is null)
        {
            call();
        }
        else
        {
            Assert.That(ErrorOf(call).ErrorName, Is.EqualTo(error));
        }

        Assert.That(_daemon.RecorderState(path), Is.EqualTo(stateAfter));
        foreach (var signal in signals)
        {
            log.WaitFor(signal);
        }

        Thread.Sleep(Quiet);
        Assert.That(log.Members, Is.EqualTo(signals), "the signals the call caused, and nothing else");
        _daemon.CallRecorder(path, "Destroy");
    }

    private static IEnumerable<TestCaseData> StateTable()
    {
        string[] none = [];
        yield return Row("inactive", "Start", null, "recording", ["Started"]);
        yield return Row("inactive", "Pause", InvalidState, "inactive", none);
        yield return Row("inactive", "Resume", InvalidState, "inactive", none);
        yield return Row("inactive", "RequestData", InvalidState, "inactive", none);
        yield return Row("inactive", "Stop", null, "inactive", none);
        yield return Row("recording", "Start", InvalidState, "recording", none);
        yield return Row("recording", "Pause", null, "paused", ["Paused"]);
        yield return Row("recording", "Resume", null, "recording", none);
        yield return Row("recording", "RequestData", null, "recording", ["DataAvailable"]);
        yield return Row("recording", "Stop", null, "inactive", ["DataAvailable", "Stopped"]);
        yield return Row("paused", "Start", InvalidState, "paused", none);
        yield return Row("paused", "Pause", null, "paused", none);
        yield return Row("paused", "Resume", null, "recording", ["Resumed"]);
        yield return Row("paused", "RequestData", null, "paused", ["DataAvailable"]);
        yield return Row("paused", "Stop", null, "inactive", ["DataAvailable", "Stopped"]);
    }

    private static TestCaseData Row(string state, string method, string? error, string stateAfter, string[] signals) =>
        new TestCaseData(state, method, error, stateAfter, signals).SetArgDisplayNames(method, "in", state);

    private void Enter(string path, string state, SignalLog log)
    {
        if (state == "inactive")
        {
            return;
        }

        _daemon.CallRecorder(path, "Start", [0u]);
        log.WaitFor("Started");
        if (state == "paused")
        {
            _daemon.CallRecorder(path, "Pause");
            log.WaitFor("Paused");
        }

        Assert.That(_daemon.RecorderState(path), Is.EqualTo(state));
    }
}
