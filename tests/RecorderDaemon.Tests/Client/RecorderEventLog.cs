using RecorderDaemon.Client;

namespace RecorderDaemon.Tests.Client;

/// <summary>A <see cref="MediaRecorder"/>'s events (not PropertyChanged) in the order they were raised.</summary>
public sealed class RecorderEventLog
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly List<string> _events = [];
    private readonly List<DataAvailableEventArgs> _chunks = [];

    public RecorderEventLog(MediaRecorder recorder)
    {
        recorder.Started += (_, _) => Add("Started");
        recorder.Stopped += (_, _) => Add("Stopped");
        recorder.Paused += (_, _) => Add("Paused");
        recorder.Resumed += (_, _) => Add("Resumed");
        recorder.DataAvailable += (_, chunk) => Add("DataAvailable", chunk);
        recorder.Error += (_, error) => Add($"Error:{error.Name}:{error.Message}");
        recorder.Warning += (_, warning) => Add($"Warning:{warning.Message}");
    }

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<DataAvailableEventArgs> Chunks
    {
        get
        {
            lock (_events)
            {
                return [.. _chunks];
            }
        }
    }

    /// <summary>Waits until <paramref name="name"/> has been raised <paramref name="count"/> times.</summary>
    public async Task WaitForAsync(string name, int count = 1)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (Events.Count(entry => entry == name) < count)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"timed out waiting for {count} {name}; got {string.Join(", ", Events)}");
            await Task.Delay(10);
        }
    }

    private void Add(string name, DataAvailableEventArgs? chunk = null)
    {
        lock (_events)
        {
            _events.Add(name);
            if (chunk is not null)
            {
                _chunks.Add(chunk);
            }
        }
    }
}
