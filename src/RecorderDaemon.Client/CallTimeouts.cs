namespace RecorderDaemon.Client;

/// <summary>How long the client waits for the daemon's reply before a call fails with <see cref="RecorderClientException.NoReply"/>.</summary>
public static class CallTimeouts
{
    /// <summary>Every call but Stop and Destroy; GDBus's and libdbus's default.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(25);

    /// <summary>
    /// Stop and Destroy, which wait until the file is final: the daemon lets a stopping recording drain for its
    /// <c>StopTimeoutSeconds</c> (10 by default) before tearing it down, so this leaves room for a raised setting
    /// and a busy machine while still failing, rather than hanging, when the daemon never answers.
    /// </summary>
    public static readonly TimeSpan Finalize = TimeSpan.FromMinutes(5);

    /// <summary>GetDisplayMedia, which waits for the user to answer the desktop's dialog.</summary>
    public static readonly TimeSpan UserChoice = TimeSpan.FromMinutes(5);
}
