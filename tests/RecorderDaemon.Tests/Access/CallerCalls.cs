using System.Text.RegularExpressions;
using RecorderDaemon.Tests.Bus;

namespace RecorderDaemon.Tests.Access;

/// <summary>busctl calls to recorderd run through <paramref name="wrapper"/> (as another user, in a sandbox), each on its own connection.</summary>
internal sealed class CallerCalls(DaemonProcess daemon, string[] wrapper)
{
    private const string Recorder = "io.github.recorderd.MediaRecorder1";

    /// <summary>CreateRecorder with the sources and busctl's <c>a{sv}</c> words after the count (e.g. <c>"location", "s", "/x.webm"</c>).</summary>
    public BusctlResult CreateRecorder(string[] sources, params string[] options) =>
        Call("/io/github/recorderd", "io.github.recorderd.Manager1", "CreateRecorder",
            ["asa{sv}", sources.Length.ToString(), .. sources, (options.Length / 3).ToString(), .. options]);

    /// <summary>Creates a recorder, failing the test unless that works; returns its path.</summary>
    public string CreatedRecorder(string[] sources, params string[] options)
    {
        var created = CreateRecorder(sources, options);
        Assert.That(created.ExitCode, Is.Zero, created.Error);
        return created.ObjectPath;
    }

    public BusctlResult Start(string recorder) => Call(recorder, "Start", "u", "0");

    public BusctlResult Stop(string recorder) => Call(recorder, "Stop");

    /// <summary>Records from an already created recorder for about <paramref name="length"/>, failing the test unless that works.</summary>
    public void Record(string recorder, TimeSpan length)
    {
        var started = Start(recorder);
        Assert.That(started.ExitCode, Is.Zero, started.Error);
        Thread.Sleep(length);
        var stopped = Stop(recorder);
        Assert.That(stopped.ExitCode, Is.Zero, stopped.Error);
    }

    /// <summary>A MediaRecorder1 method with busctl's signature and argument words.</summary>
    public BusctlResult Call(string recorder, string method, params string[] arguments) => Call(recorder, Recorder, method, arguments);

    private BusctlResult Call(string path, string iface, string method, string[] arguments)
    {
        var (exitCode, output, error) = daemon.BusctlShowingErrorNamesThrough(wrapper, ["call", "io.github.recorderd", path, iface, method, .. arguments]);
        return new BusctlResult(exitCode, output, error);
    }
}

/// <summary>What busctl printed for a call: the reply on stdout, and (with its debug log) the error's name on stderr.</summary>
internal sealed partial record BusctlResult(int ExitCode, string Output, string Error)
{
    /// <summary>The object path of an <c>o</c> reply.</summary>
    public string ObjectPath => ReplyPath().Match(Output) is { Success: true } match ? match.Groups[1].Value : throw new AssertionException($"no object path in '{Output}'");

    public string? ErrorName => ErrorNameInLog().Match(Error) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("^o \"([^\"]+)\"")]
    private static partial Regex ReplyPath();

    [GeneratedRegex(@"error-name=([A-Za-z_]\w*(?:\.\w+)+)")]
    private static partial Regex ErrorNameInLog();
}
