using Tmds.DBus.Protocol;

namespace RecorderDaemon.Tests.Bus;

/// <summary>
/// The signals the test client receives from the daemon that match a rule, each as <c>read</c> makes of it, in arrival order.
/// The match is on the bus before the constructor returns, so every signal a later call causes is seen.
/// </summary>
public class SignalLog<T> : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly List<T> _signals = [];
    private readonly IDisposable _subscription;

    public SignalLog(DaemonProcess daemon, MatchRule rule, MessageValueReader<T> read) =>
        _subscription = daemon.Client.WatchSignalsAsync(rule, read, Add).GetAwaiter().GetResult();

    public IReadOnlyList<T> Signals
    {
        get
        {
            lock (_signals)
            {
                return [.. _signals];
            }
        }
    }

    /// <summary>The first signal matching <paramref name="match"/>, waiting for it if need be.</summary>
    public T WaitFor(Func<T, bool> match)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            // Not FirstOrDefault: for a value type T, its default would pass for a match.
            foreach (var signal in Signals.Where(match))
            {
                return signal;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"no such signal within {Timeout.TotalSeconds} s; received: {string.Join(", ", Signals)}");
            }

            Thread.Sleep(10);
        }
    }

    public void Clear()
    {
        lock (_signals)
        {
            _signals.Clear();
        }
    }

    public void Dispose() => _subscription.Dispose();

    private void Add(T signal)
    {
        lock (_signals)
        {
            _signals.Add(signal);
        }
    }
}

/// <summary>The names of the signals on one interface (and optionally one path).</summary>
public sealed class SignalLog(DaemonProcess daemon, string iface, string? path = null)
    : SignalLog<string>(daemon, new MatchRule { Type = MessageType.Signal, Interface = iface, Path = path }, static (message, _) => message.MemberAsString!)
{
    public IReadOnlyList<string> Members => Signals;

    public string WaitFor(string member) => WaitFor(signal => signal == member);
}

/// <summary>A recorder's signals, each with the first string it carries (a Warning's text, an Error's name, a FileChanged path), or empty.</summary>
public sealed class RecorderSignalLog(DaemonProcess daemon, string path)
    : SignalLog<(string Member, string Text)>(
        daemon,
        new MatchRule { Type = MessageType.Signal, Interface = "io.github.recorderd.MediaRecorder1", Path = path },
        static (message, _) => (message.MemberAsString!, message.SignatureAsString?.StartsWith('s') == true ? message.GetBodyReader().ReadString() : ""))
{
    public IEnumerable<string> Members => Signals.Select(signal => signal.Member);

    public string TextOf(string member) => Signals.First(signal => signal.Member == member).Text;

    public void WaitFor(string member) => WaitFor(signal => signal.Member == member);
}
