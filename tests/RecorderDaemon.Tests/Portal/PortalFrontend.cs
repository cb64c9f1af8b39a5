using System.Diagnostics;

namespace RecorderDaemon.Tests.Portal;

/// <summary>
/// The real xdg-desktop-portal frontend (Debian's <c>/usr/libexec/xdg-desktop-portal</c>) on a private bus, whose only
/// backend is the test's <see cref="TestScreenCastBackend"/> (a <c>.portal</c> file in a directory of its own, used in the
/// desktop <c>recorderd-test</c>). The backend must own its name before this starts.
/// </summary>
internal sealed class PortalFrontend : IDisposable
{
    public const string Program = "/usr/libexec/xdg-desktop-portal";
    private const string Desktop = "recorderd-test";

    private readonly Process _process;
    private readonly string _directory;

    private PortalFrontend(Process process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    /// <param name="usePipeWire">points the frontend at the PipeWire its OpenPipeWireRemote connects to</param>
    public static PortalFrontend Start(BusClient bus, Action<ProcessStartInfo> usePipeWire)
    {
        var directory = Directory.CreateTempSubdirectory("recorderd-portal-").FullName;
        File.WriteAllText(Path.Combine(directory, $"{Desktop}.portal"), $"""
            [portal]
            DBusName={TestScreenCastBackend.Name}
            Interfaces=org.freedesktop.impl.portal.ScreenCast;
            UseIn={Desktop}

            """);
        var start = new ProcessStartInfo(Program, ["--verbose"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        usePipeWire(start);
        start.Environment["DBUS_SESSION_BUS_ADDRESS"] = bus.Address;
        start.Environment["XDG_DESKTOP_PORTAL_DIR"] = directory;
        start.Environment["XDG_CURRENT_DESKTOP"] = Desktop;
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var frontend = new PortalFrontend(process, directory);
        try
        {
            Poll.Until(() => process.HasExited || bus.NameHasOwnerAsync("org.freedesktop.portal.Desktop").GetAwaiter().GetResult(),
                "xdg-desktop-portal to own org.freedesktop.portal.Desktop", TimeSpan.FromSeconds(15));
            Assert.That(process.HasExited, Is.False, $"xdg-desktop-portal exited with code {(process.HasExited ? process.ExitCode : 0)}");
        }
        catch
        {
            frontend.Dispose();
            throw;
        }

        return frontend;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
