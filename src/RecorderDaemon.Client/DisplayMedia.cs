namespace RecorderDaemon.Client;

/// <summary>What <see cref="RecorderClient.GetDisplayMediaAsync"/> asks the user to share; null members are the daemon's defaults.</summary>
public sealed record DisplayMediaOptions
{
    /// <summary>Offer monitors (the default).</summary>
    public bool Monitors { get; init; } = true;

    /// <summary>Offer windows.</summary>
    public bool Windows { get; init; }

    /// <summary><c>hidden</c>, <c>embedded</c> (the daemon's default) or <c>metadata</c>.</summary>
    public string? Cursor { get; init; }

    public bool Multiple { get; init; }

    /// <summary>A token from an earlier <see cref="DisplayMedia.RestoreToken"/>: the same screens again, without a dialog where the portal can.</summary>
    public string? RestoreToken { get; init; }

    /// <summary><c>none</c> (the daemon's default), <c>session</c> or <c>permanent</c>: how long a restore token should stay good.</summary>
    public string? Persist { get; init; }
}

/// <summary>One stream the user shared: its source URI for CreateRecorder, size and position.</summary>
public sealed record SharedStream(string Source, int Width, int Height, int X, int Y);

/// <summary>What the user shared: the streams, and a token to ask for them again (when the portal gave one).</summary>
public sealed record DisplayMedia(IReadOnlyList<SharedStream> Streams, string? RestoreToken)
{
    /// <summary>The streams' source URIs, for <see cref="RecorderClient.CreateRecorderAsync"/>.</summary>
    public IReadOnlyList<string> Sources => [.. Streams.Select(stream => stream.Source)];
}
