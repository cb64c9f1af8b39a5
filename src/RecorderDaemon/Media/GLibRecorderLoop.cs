using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media;

/// <summary>The daemon's <see cref="ILoop"/>: recorders live on the GLib loop that also runs their pipelines' bus watches and timeouts.</summary>
public sealed class GLibRecorderLoop(GLibLoop loop) : ILoop
{
    public void Post(Action action) => loop.Post(action);

    public IDisposable AddTimeout(TimeSpan interval, Func<bool> onTick) => loop.AddTimeout(interval, onTick);
}
