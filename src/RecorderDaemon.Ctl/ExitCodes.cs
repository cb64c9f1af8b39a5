namespace RecorderDaemon.Ctl;

/// <summary>recorderctl's exit codes; scripts rely on them, so they are listed in <c>--help</c> and the README.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The daemon refused or failed the request (its error name is printed), or a type is not supported.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary><c>record</c>: the recording ended with an error event, or another client destroyed it; the file keeps what was recorded.</summary>
    public const int RecordingFailed = 3;

    /// <summary>recorderd could not be reached: no bus, not running and not activatable, or no answer.</summary>
    public const int Unavailable = 4;

    public const string Help = """
        Exit codes:
          0  success
          1  the daemon refused the request (the error name is printed), or a type is not supported
          2  the command line is wrong
          3  record: the recording failed or was destroyed by another client; the file keeps what was recorded
          4  recorderd cannot be reached (no bus, not running and not activatable, no answer)
        """;
}
