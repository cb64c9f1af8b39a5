using System.Diagnostics;

namespace RecorderDaemon.Tests.Ctl;

/// <summary>How a recorderctl run ended: its exit code and the lines it printed on stdout and stderr.</summary>
public sealed record RecorderctlResult(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Error)
{
    /// <summary>For assertion messages: everything the run printed.</summary>
    public override string ToString() =>
        $"exit code {ExitCode}\nstdout:\n{string.Join('\n', Output)}\nstderr:\n{string.Join('\n', Error)}";
}

/// <summary>
/// recorderctl as a user runs it, <c>recorderctl ARGS</c> (the <see cref="BuiltProgram.Recorderctl"/>), in its own process with stdout and
/// stderr captured line by line; killed on Dispose if it still runs.
/// </summary>
public sealed class Recorderctl : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly CapturedLines _output = new("stdout");
    private readonly CapturedLines _error = new("stderr");

    private Recorderctl(IEnumerable<string> args, string? workingDirectory)
    {
        // Started by .NET's Process, it gets the default action for every signal, SIGINT included (a shell's
        // background job would have SIGINT ignored), so a SIGINT here is what Ctrl+C in a terminal is.
        var start = BuiltProgram.Recorderctl.StartInfo(args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = workingDirectory ?? "";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => _output.Add(line.Data);
        _process.ErrorDataReceived += (_, line) => _error.Add(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts recorderctl with <paramref name="args"/> in <paramref name="workingDirectory"/> (default: the test's).</summary>
    public static Recorderctl Start(IEnumerable<string> args, string? workingDirectory = null) => new(args, workingDirectory);

    /// <summary>Makes <paramref name="directory"/> a bin directory with a <c>recorderctl</c> that runs the built one, as <c>make install</c> would put on PATH.</summary>
    public static string InstallWrapper(string directory)
    {
        var bin = Directory.CreateDirectory(directory).FullName;
        ChildProcess.WriteScript(Path.Combine(bin, "recorderctl"), $"#!/bin/sh\nexec {BuiltProgram.Recorderctl.ShellCommand} \"$@\"\n");
        return bin;
    }

    /// <summary>Runs recorderctl with <paramref name="args"/> to its end.</summary>
    public static RecorderctlResult Run(IEnumerable<string> args, string? workingDirectory = null)
    {
        using var recorderctl = Start(args, workingDirectory);
        return recorderctl.WaitForExit();
    }

    /// <summary>Sends recorderctl a signal by name (<c>INT</c>, <c>TERM</c>, <c>KILL</c>).</summary>
    public void Signal(string name) => UnixSignal.Send(_process, name);

    /// <summary>The first stdout line that <paramref name="match"/> accepts, waiting for it if need be.</summary>
    public string WaitForOutput(Func<string, bool> match) => _output.WaitFor(match, Timeout);

    /// <summary>The first stderr line that starts with <paramref name="prefix"/>, waiting for it if need be.</summary>
    public string WaitForError(string prefix) => _error.WaitFor(line => line.StartsWith(prefix, StringComparison.Ordinal), Timeout);

    /// <summary>Waits for recorderctl to exit (failing the test after a timeout) and returns how it ended.</summary>
    public RecorderctlResult WaitForExit()
    {
        if (!_process.WaitForExit(Timeout))
        {
            _process.Kill();
            Assert.Fail($"recorderctl still ran after {Timeout.TotalSeconds} s; stderr:\n{string.Join('\n', _error.Lines)}");
        }

        // Also waits for the end of both streams, so that every line has been captured.
        _process.WaitForExit();
        return new RecorderctlResult(_process.ExitCode, _output.Lines, _error.Lines);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>The lines of one stream as they arrive; a waiter is woken by each line and by the end of the stream.</summary>
    private sealed class CapturedLines(string name)
    {
        private readonly List<string> _lines = [];
        private bool _ended;

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        /// <param name="line">a line, or null at the end of the stream</param>
        public void Add(string? line)
        {
            lock (_lines)
            {
                if (line is null)
                {
                    _ended = true;
                }
                else
                {
                    _lines.Add(line);
                }

                Monitor.PulseAll(_lines);
            }
        }

        public string WaitFor(Func<string, bool> match, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            lock (_lines)
            {
                while (true)
                {
                    if (_lines.FirstOrDefault(match) is { } line)
                    {
                        return line;
                    }

                    var left = deadline - DateTime.UtcNow;
                    if (_ended || left <= TimeSpan.Zero)
                    {
                        Assert.Fail($"no such line on recorderctl's {name} {(_ended ? "before it ended" : "in time")}; it printed:\n{string.Join('\n', _lines)}");
                    }

                    Monitor.Wait(_lines, left);
                }
            }
        }
    }
}
