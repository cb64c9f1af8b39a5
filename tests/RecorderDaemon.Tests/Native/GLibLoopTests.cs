using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

[TestFixture]
public sealed class GLibLoopTests
{
    [Test]
    public void PostedWorkRunsOnTheLoopThreadInOrderAndLater()
    {
        using var loop = new GLibLoop();
        var order = loop.InvokeAsync(() =>
        {
            var seen = new List<int>();
            loop.Post(() => seen.Add(2));
            loop.Post(() => seen.Add(3));
            seen.Add(1);
            return seen;
        }).Result;
        loop.InvokeAsync(() => { }).Wait();

        Assert.That(order, Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(loop.InvokeAsync(() => loop.IsLoopThread).Result, Is.True);
        Assert.That(loop.IsLoopThread, Is.False);
    }

    [Test]
    public void WorkPostedFromManyThreadsAtOnceAllRunsEachThreadsInOrder()
    {
        const int Threads = 8, PostsPerThread = 500;
        using var loop = new GLibLoop();
        var seen = new List<(int Thread, int Post)>();
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            for (var post = 0; post < PostsPerThread; post++)
            {
                var item = (thread, post);
                loop.Post(() => seen.Add(item));
            }
        });
        loop.InvokeAsync(() => { }).Wait();

        Assert.That(seen, Has.Count.EqualTo(Threads * PostsPerThread));
        Assert.That(seen.GroupBy(item => item.Thread).Select(posts => posts.Select(item => item.Post)), Has.All.Ordered);
    }

    [Test]
    public void PostedWorkThatFailsIsReportedAndTheWorkAfterItRuns()
    {
        using var loop = new GLibLoop();
        var reported = new List<Exception>();
        NativeCallbackErrors.Unhandled += reported.Add;
        try
        {
            loop.Post(() => throw new InvalidOperationException("posted work failed"));
            Assert.That(loop.InvokeAsync(() => 42).Wait(TimeSpan.FromSeconds(5)), Is.True, "work posted after the failure ran");
        }
        finally
        {
            NativeCallbackErrors.Unhandled -= reported.Add;
        }

        Assert.That(reported.Select(exception => exception.Message), Is.EqualTo(new[] { "posted work failed" }));
    }

    [Test]
    public void AnExceptionOnTheLoopFaultsTheInvokingTask()
    {
        using var loop = new GLibLoop();
        var task = loop.InvokeAsync<int>(() => throw new InvalidOperationException("boom"));
        Assert.That(() => task.GetAwaiter().GetResult(), Throws.InvalidOperationException.With.Message.EqualTo("boom"));
    }

    [Test]
    public void ATimeoutRepeatsUntilItsCallbackReturnsFalse()
    {
        using var loop = new GLibLoop();
        var ticks = 0;
        var done = new TaskCompletionSource();
        loop.AddTimeout(TimeSpan.FromMilliseconds(5), () =>
        {
            if (++ticks < 3)
            {
                return true;
            }

            done.SetResult();
            return false;
        });

        Assert.That(done.Task.Wait(TimeSpan.FromSeconds(5)), Is.True);
        Assert.That(ticks, Is.EqualTo(3));
    }

    [Test]
    public void ATimeoutWhoseTickFailsIsReportedAndKeepsTicking()
    {
        using var loop = new GLibLoop();
        var reported = new List<Exception>();
        var ticks = 0;
        var done = new TaskCompletionSource();
        NativeCallbackErrors.Unhandled += reported.Add;
        try
        {
            loop.AddTimeout(TimeSpan.FromMilliseconds(5), () =>
            {
                if (++ticks == 1)
                {
                    throw new InvalidOperationException("first tick failed");
                }

                done.SetResult();
                return false;
            });

            Assert.That(done.Task.Wait(TimeSpan.FromSeconds(5)), Is.True, "the timer ticked again after its failure");
        }
        finally
        {
            NativeCallbackErrors.Unhandled -= reported.Add;
        }

        Assert.That(reported.Select(exception => exception.Message), Is.EqualTo(new[] { "first tick failed" }));
    }
}
