using Microsoft.Extensions.Logging;

namespace RecorderDaemon.Media;

/// <summary>
/// Remembers the ranked (hardware) encoders that were recording when recorderd ended without finishing its recordings,
/// a crash that may have been theirs, and skips them from then on. While such an encoder records, a marker named
/// after it lies in <c>DIRECTORY/encoders-in-use/</c>; markers found at start are added to
/// <c>DIRECTORY/skipped-encoders</c>, a line per encoder, which the user edits to try one again. The software encoders,
/// last of every ranking, are never skipped.
/// </summary>
public sealed class EncoderCrashMemory
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _inUse = [];
    private readonly string _markers;
    private readonly HashSet<string> _skipped;

    private EncoderCrashMemory(string directory, HashSet<string> skipped)
    {
        _markers = Path.Combine(directory, "encoders-in-use");
        SkippedList = Path.Combine(directory, "skipped-encoders");
        _skipped = skipped;
    }

    /// <summary>The file that lists the skipped encoders.</summary>
    public string SkippedList { get; }

    public IReadOnlySet<string> Skipped => _skipped;

    /// <summary>
    /// Reads what <paramref name="directory"/> remembers: the skipped list, plus the encoders whose markers a crash
    /// left, which join it (logged, with how to undo it).
    /// </summary>
    public static EncoderCrashMemory Load(string directory, ILogger logger)
    {
        var memory = new EncoderCrashMemory(directory, []);
        if (File.Exists(memory.SkippedList))
        {
            memory._skipped.UnionWith(File.ReadAllLines(memory.SkippedList).Select(line => line.Trim()).Where(line => line.Length > 0));
        }

        if (Directory.Exists(memory._markers))
        {
            foreach (var marker in Directory.GetFiles(memory._markers))
            {
                var encoder = Path.GetFileName(marker);
                if (memory._skipped.Add(encoder))
                {
                    Directory.CreateDirectory(directory);
                    File.AppendAllLines(memory.SkippedList, [encoder]);
                }

                File.Delete(marker);
                logger.LogWarning(
                    "The video encoder {Encoder} was recording when recorderd last ended without finishing; it is skipped from now on (remove it from {List} to try it again)",
                    encoder, memory.SkippedList);
            }
        }

        return memory;
    }

    /// <summary>Marks <paramref name="encoder"/> as recording until the result is disposed; several recordings may share it.</summary>
    public IDisposable InUse(string encoder)
    {
        lock (_lock)
        {
            _inUse[encoder] = _inUse.GetValueOrDefault(encoder) + 1;
            if (_inUse[encoder] == 1)
            {
                Directory.CreateDirectory(_markers);
                File.WriteAllText(Path.Combine(_markers, encoder), "");
            }
        }

        return new Release(this, encoder);
    }

    private void Unmark(string encoder)
    {
        lock (_lock)
        {
            if (--_inUse[encoder] == 0)
            {
                _inUse.Remove(encoder);
                File.Delete(Path.Combine(_markers, encoder));
            }
        }
    }

    private sealed class Release(EncoderCrashMemory memory, string encoder) : IDisposable
    {
        private bool _released;

        public void Dispose()
        {
            if (!_released)
            {
                _released = true;
                memory.Unmark(encoder);
            }
        }
    }
}
