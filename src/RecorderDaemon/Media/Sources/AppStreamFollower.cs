using System.Runtime.ExceptionServices;
using RecorderDaemon.Native;
using RecorderDaemon.Recording;

namespace RecorderDaemon.Media.Sources;

/// <summary>
/// Keeps one branch <c>pipewiresrc → capsfilter → audioconvert → audioresample → queue</c> into a mixer per PipeWire stream that
/// <paramref name="streams"/> names (by <c>object.serial</c>): listed when started and then every <see cref="Interval"/>,
/// off the loop thread, and applied on it, adding branches for new streams and removing those of streams gone.
/// A branch's buffers are stamped with the pipeline's running time when they arrive (<c>do-timestamp</c>), so a
/// stream that joins late lines up with the rest. Disposed before the pipeline is set to NULL.
/// </summary>
internal sealed class AppStreamFollower(SourceTarget target, GstElement mixer, Func<IReadOnlySet<string>> streams) : IDisposable
{
    internal static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan NotYetPlayingRetry = TimeSpan.FromMilliseconds(10);

    private readonly GstPipeline _pipeline = target.Pipeline;
    private readonly Dictionary<string, GstElement[]> _branches = [];
    private GLibSource? _timer;
    private GLibSource? _retry;
    private bool _stopped;
    private bool _listing;

    /// <summary>Starts following: the streams are listed now and every <see cref="Interval"/>.</summary>
    public void Start()
    {
        Check();
        _timer = target.Loop.AddTimeout(Interval, () =>
        {
            Check();
            return !_stopped;
        });
    }

    /// <summary>
    /// Lists the streams off the loop thread (listing devices may block) and applies the result on it, unless the last
    /// listing is still under way or the follower was stopped meanwhile.
    /// </summary>
    private void Check()
    {
        if (_listing)
        {
            return;
        }

        _listing = true;
        BlockingWork.Run(() =>
        {
            IReadOnlySet<string>? playing = null;
            ExceptionDispatchInfo? failure = null;
            try
            {
                playing = streams();
            }
            catch (ObjectDisposedException)
            {
                // The device watch was stopped: the daemon is shutting down.
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }

            target.Loop.Post(() =>
            {
                _listing = false;
                failure?.Throw(); // reported as any exception on the loop is
                if (playing is not null && !_stopped)
                {
                    Update(playing);
                }
            });
        });
    }

    public void Dispose()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        _timer?.Dispose();
        _retry?.Dispose();
        foreach (var branch in _branches.Values.SelectMany(elements => elements))
        {
            branch.Dispose();
        }

        _branches.Clear();
        mixer.Dispose();
    }

    private void Update(IReadOnlySet<string> playing)
    {
        foreach (var serial in _branches.Keys.Where(serial => !playing.Contains(serial)).ToList())
        {
            Remove(serial);
        }

        // A branch added while the pipeline was still changing to PLAYING on another thread could miss the pipeline's base
        // time and stamp its audio with the clock's absolute time (files 1600 s long): new streams wait until it plays.
        if (!_pipeline.IsPlaying)
        {
            _retry?.Dispose();
            _retry = target.Loop.AddDeadline(NotYetPlayingRetry, () => Update(playing));
            return;
        }

        foreach (var serial in playing.Where(serial => !_branches.ContainsKey(serial)))
        {
            Add(serial);
        }
    }

    private void Add(string serial)
    {
        GstElement[] branch =
        [
            PipeWireSource.Configured(GstElements.Make("pipewiresrc")).Set("target-object", serial),
            PipeWireSource.StereoFilter(GstElements.Make("capsfilter")),
            GstElements.Make("audioconvert"),
            GstElements.Make("audioresample"),
            GstElements.Make("queue"),
        ];
        _branches[serial] = branch;
        foreach (var element in branch)
        {
            _pipeline.Add(element);
        }

        GstElements.LinkInOrder(branch);

        branch[^1].LinkTo(mixer);
        foreach (var element in branch.Reverse())
        {
            element.SyncStateWithParent();
        }
    }

    private void Remove(string serial)
    {
        _branches.Remove(serial, out var branch);
        foreach (var element in branch!)
        {
            element.SetState(GstState.Null);
        }

        branch[^1].UnlinkAndRelease(mixer);
        foreach (var element in branch)
        {
            _pipeline.Remove(element);
            element.Dispose();
        }
    }
}
