using System.Diagnostics;

namespace RecorderDaemon.TestSupport;

/// <summary>Desktop audio in a headless PipeWire: an output with nothing behind it, and applications playing into it.</summary>
public sealed partial class HeadlessPipeWire
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Creates an output named <paramref name="sinkName"/> (a <c>support.null-audio-sink</c>, which plays nowhere but has a
    /// monitor, like speakers), which lingers until disposed. WirePlumber makes the first output the default one.
    /// </summary>
    public NullSink CreateNullSink(string sinkName)
    {
        PipeWireCli("create-node", "adapter",
            $"{{ factory.name=support.null-audio-sink node.name={sinkName} node.description={sinkName} media.class=Audio/Sink "
            + "object.linger=true audio.position=[FL FR] }");
        Poll.Until(() => NodeListing().Contains($"node.name = \"{sinkName}\""), $"the output '{sinkName}'", NodeTimeout);
        return new NullSink(this, sinkName);
    }

    /// <summary>
    /// Starts an application named <paramref name="applicationName"/> (its <c>application.name</c>; its binary is
    /// gst-launch-1.0) playing a <paramref name="frequency"/> Hz tone into <paramref name="sinkName"/>, and waits until
    /// its stream is listed. Kill the process to make the application stop playing.
    /// </summary>
    /// <param name="onlyRight">the tone plays on the right channel only</param>
    public Process PlayInto(string sinkName, string applicationName, int frequency, bool onlyRight = false) =>
        StartTone(
            frequency,
            [$"target-object={sinkName}", $"stream-properties=props,application.name={applicationName},media.class=Stream/Output/Audio"],
            () => NodeListing().Contains($"application.name = \"{applicationName}\""),
            $"the stream of '{applicationName}'",
            onlyRight ? ["audio/x-raw,channels=1", "!", "audioconvert", "mix-matrix=<<(float)0.0>,<(float)1.0>>"] : ["audioconvert"]);

    /// <summary>
    /// Starts a client process playing a <paramref name="frequency"/> Hz tone into a <c>pipewiresink</c> with
    /// <paramref name="sinkProperties"/>, and waits until <paramref name="isListed"/> says its node is there.
    /// The tone is paced by PipeWire taking its buffers, as the script's tone node is (see there why).
    /// </summary>
    /// <param name="conversion">what makes the tone stereo; by default <c>audioconvert</c>, which plays it on both channels</param>
    /// <exception cref="InvalidOperationException">the process exited before its node was listed</exception>
    public Process StartTone(int frequency, IEnumerable<string> sinkProperties, Func<bool> isListed, string what, IEnumerable<string>? conversion = null)
    {
        var start = new ProcessStartInfo("gst-launch-1.0",
        [
            "-q", "audiotestsrc", "is-live=false", "wave=sine", $"freq={frequency}",
            "!", .. conversion ?? ["audioconvert"], "!", "audio/x-raw,format=S16LE,rate=48000,channels=2",
            "!", "pipewiresink", "sync=false", .. sinkProperties,
        ])
        {
            RedirectStandardInput = true,
        };
        UseIn(start);
        var player = Process.Start(start)!;
        try
        {
            Poll.Until(() => player.HasExited || isListed(), what, NodeTimeout);
            return player.HasExited
                ? throw new InvalidOperationException($"the player of {what} exited with code {player.ExitCode}")
                : player;
        }
        catch
        {
            player.Kill();
            player.Dispose();
            throw;
        }
    }

    private string NodeListing() => PipeWireCli("ls", "Node");

    private string PipeWireCli(params string[] arguments)
    {
        var start = new ProcessStartInfo("pw-cli", arguments);
        UseIn(start);
        var (exitCode, output, error) = ChildProcess.Run(start, NodeTimeout);
        return exitCode == 0 ? output : throw new InvalidOperationException($"pw-cli {string.Join(' ', arguments)} exited with code {exitCode}: {error}");
    }

    /// <summary>An output made by <see cref="CreateNullSink"/>; disposing destroys it.</summary>
    public sealed class NullSink(HeadlessPipeWire pipeWire, string name) : IDisposable
    {
        public string Name => name;

        public void Dispose() => pipeWire.PipeWireCli("destroy", name);
    }
}
