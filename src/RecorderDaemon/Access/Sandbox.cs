namespace RecorderDaemon.Access;

/// <summary>Tells a process inside a Flatpak sandbox: Flatpak puts <c>/.flatpak-info</c> at the root it gives the app.</summary>
public static class Sandbox
{
    public static bool Contains(uint pid) => File.Exists($"/proc/{pid}/root/.flatpak-info");
}
