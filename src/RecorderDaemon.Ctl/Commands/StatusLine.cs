namespace RecorderDaemon.Ctl.Commands;

/// <summary>
/// Progress on stderr: on a terminal, one line rewritten in place with the latest status and lasting
/// messages printed above it; elsewhere (a log, a pipe) only the lasting messages, one per line.
/// </summary>
internal sealed class StatusLine
{
    private const string ClearLine = "\r\u001b[K";

    private readonly bool _interactive = IsTerminal;
    private readonly Lock _lock = new();
    private string _current = "";

    /// <summary>Whether the status is shown: stderr is a terminal.</summary>
    public static bool IsTerminal => !Console.IsErrorRedirected;

    /// <summary>Replaces the transient status (terminal only).</summary>
    public void Show(string status)
    {
        lock (_lock)
        {
            _current = status;
            if (_interactive)
            {
                Console.Error.Write(ClearLine + status);
            }
        }
    }

    /// <summary>Prints the last message: the transient status is gone for good.</summary>
    public void Finish(string message)
    {
        lock (_lock)
        {
            _current = "";
            Print(message);
        }
    }

    /// <summary>Prints a lasting message, such as a warning.</summary>
    public void Print(string message)
    {
        lock (_lock)
        {
            Console.Error.WriteLine(_interactive ? ClearLine + message : message);
            if (_interactive && _current.Length > 0)
            {
                Console.Error.Write(_current);
            }
        }
    }
}
