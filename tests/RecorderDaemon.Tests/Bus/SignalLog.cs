using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// The signals the test client receives from the daemon on one interface (and optionally one path),
/// in arrival order. The match is added on the client's loop before the constructor returns, and
/// GDBus sends it ahead of any later call, so every signal those calls cause is seen.
/// </summary>
public sealed class SignalLog : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly List<DBusSignal> _signals = [];
    private readonly DBusSignalSubscription _subscription;

    public SignalLog(DaemonProcess daemon, string iface, string? path = null) =>
        _subscription = daemon.Loop.InvokeAsync(() => daemon.Connection.SubscribeSignal(null, iface, null, path, Add)).GetAwaiter().GetResult();

    public IReadOnlyList<DBusSignal> Signals
    {
        get
        {
            lock (_signals)
            {
                return [.. _signals];
            }
        }
    }

    public IReadOnlyList<string> Members => [.. Signals.Select(signal => signal.Member)];

    /// <summary>The first signal matching <paramref name="match"/>, waiting for it if need be.</summary>
    public DBusSignal WaitFor(Func<DBusSignal, bool> match)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            if (Signals.FirstOrDefault(match) is { } signal)
            {
                return signal;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"no such signal within {Timeout.TotalSeconds} s; received: {string.Join(", ", Members)}");
            }

            Thread.Sleep(10);
        }
    }

    public DBusSignal WaitFor(string member) => WaitFor(signal => signal.Member == member);

    public void Clear()
    {
        lock (_signals)
        {
            _signals.Clear();
        }
    }

    public void Dispose() => _subscription.Dispose();

    private void Add(DBusSignal signal)
    {
        lock (_signals)
        {
            _signals.Add(signal);
        }
    }
}
