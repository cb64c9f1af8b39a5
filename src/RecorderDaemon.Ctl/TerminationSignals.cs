using System.Runtime.InteropServices;

namespace RecorderDaemon.Ctl;

/// <summary>
/// For commands that run until told to stop: the first SIGINT (Ctrl+C), SIGTERM or SIGHUP cancels
/// <see cref="Token"/> so the command can finish cleanly; a second one terminates the process at once.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;

    public TerminationSignals() =>
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];

    public CancellationToken Token => _cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (!_cancellation.IsCancellationRequested)
        {
            context.Cancel = true;
            _cancellation.Cancel();
        }
    }
}
