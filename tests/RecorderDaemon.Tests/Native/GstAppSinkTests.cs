using System.Runtime.CompilerServices;
using RecorderDaemon.Media;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

[TestFixture]
public sealed class GstAppSinkTests
{
    [Test]
    public void ASamplesCapsCanBeKeptAfterThePipelineButNotChangedWhileTheStreamUsesThem()
    {
        GstCaps? kept = null;
        var changes = new List<Exception?>();
        var sink = GstAppSink.Create();
        sink.OnNewSample((buffer, caps, _) =>
        {
            buffer.Dispose();
            changes.Add(Catch(() => caps.With("rate", 48000)));
            Interlocked.Exchange(ref kept, caps)?.Dispose();
        });
        using (var run = new TestPipeline(GstElements.Make("audiotestsrc").Set("num-buffers", 2), sink))
        {
            run.RunToEnd();
        }

        using (kept)
        {
            Assert.That(kept!.ToString(), Is.EqualTo("audio/x-raw, format=(string)S16LE, layout=(string)interleaved, rate=(int)44100, channels=(int)1"));
        }

        Assert.That(changes, Has.Count.EqualTo(2).And.All.InstanceOf<InvalidOperationException>());
    }

    [Test]
    public void AHandlersExceptionIsReportedAndTheStreamGoesOn()
    {
        var reported = new List<Exception>();
        void Report(Exception exception)
        {
            lock (reported)
            {
                reported.Add(exception);
            }
        }

        var sink = GstAppSink.Create();
        sink.OnNewSample((buffer, caps, _) => throw new InvalidOperationException($"rejected {buffer.Pts}"));
        NativeCallbackErrors.Unhandled += Report;
        try
        {
            using var run = new TestPipeline(GstElements.Make("audiotestsrc").Set("num-buffers", 3).Set("samplesperbuffer", 441), sink);
            run.RunToEnd();
        }
        finally
        {
            NativeCallbackErrors.Unhandled -= Report;
        }

        Assert.That(reported.Select(exception => exception.Message), Is.EqualTo(new[] { "rejected 00:00:00", "rejected 00:00:00.0100000", "rejected 00:00:00.0200000" }));
    }

    [Test]
    public void TheHandlerIsFreedWithTheElement()
    {
        var handlerTarget = ConnectAndDispose();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.That(handlerTarget.IsAlive, Is.False);
    }

    private static Exception? Catch(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ConnectAndDispose()
    {
        var received = new List<TimeSpan?>();
        using var sink = GstAppSink.Create();
        sink.OnNewSample((buffer, _, _) => received.Add(buffer.Pts));
        return new WeakReference(received);
    }
}
