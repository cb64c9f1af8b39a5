using System.Runtime.InteropServices;

namespace RecorderDaemon.Native;

/// <summary>
/// A well-known name owned with <c>g_bus_own_name_on_connection</c>. Its callbacks arrive on the loop
/// thread; disposing gives the name up there (<c>g_bus_unown_name</c>, which sends ReleaseName
/// synchronously: one bus round trip on the loop thread).
/// </summary>
public sealed class DBusNameOwnership : IAsyncDisposable
{
    private readonly GLibLoop _loop;
    private readonly TaskCompletionSource _acquired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private uint _ownerId;

    private DBusNameOwnership(GLibLoop loop, string name)
    {
        _loop = loop;
        Name = name;
    }

    public string Name { get; }

    /// <summary>Completes when the name, once acquired, is lost (replaced, or the connection closed).</summary>
    public Task Lost => _lost.Task;

    internal static async Task<DBusNameOwnership> OwnAsync(DBusConnection connection, GLibLoop loop, string name)
    {
        DBusNames.WellKnownName(name, nameof(name));
        var ownership = new DBusNameOwnership(loop, name);
        await loop.InvokeAsync(() => ownership.Start(connection)).ConfigureAwait(false);
        try
        {
            await ownership._acquired.Task.ConfigureAwait(false);
        }
        catch
        {
            await ownership.DisposeAsync().ConfigureAwait(false);
            // GDBus reports a name the bus's policy refuses just like one that another connection owns.
            if (!connection.IsClosed && !await HasOwnerAsync(connection, loop, name).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"the bus refused the name {name}: its policy does not let this user own it");
            }

            throw;
        }

        return ownership;
    }

    public async ValueTask DisposeAsync() => await _loop.InvokeAsync(() =>
    {
        if (_ownerId != 0)
        {
            Interop.Gio.g_bus_unown_name(_ownerId);
            _ownerId = 0;
        }
    }).ConfigureAwait(false);

    private static async Task<bool> HasOwnerAsync(DBusConnection connection, GLibLoop loop, string name)
    {
        using var reply = await connection.CallAsync(
            loop, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner",
            GVariant.Tuple(GVariant.String(name)), "(b)", TimeSpan.FromSeconds(25)).ConfigureAwait(false);
        using var hasOwner = reply.GetChild(0);
        return hasOwner.GetBoolean();
    }

    // DO_NOT_QUEUE: with no flags the bus queues a second owner, GDBus reports that as lost, and the
    // queued request would later take the name over silently when the first owner leaves.
    private unsafe void Start(DBusConnection connection) =>
        _ownerId = Interop.Gio.g_bus_own_name_on_connection(
            connection.Handle,
            Name,
            Interop.Gio.G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
            &OnNameAcquired,
            &OnNameLost,
            GCHandle.ToIntPtr(GCHandle.Alloc(this)),
            &GLibSource.FreeState);

    [UnmanagedCallersOnly]
    private static unsafe void OnNameAcquired(nint connection, byte* name, nint state)
    {
        try
        {
            ((DBusNameOwnership)GCHandle.FromIntPtr(state).Target!)._acquired.TrySetResult();
        }
        catch (Exception exception)
        {
            NativeCallbackErrors.Report(exception);
        }
    }

    /// <summary>Before acquisition this is the failure to own; after it, the loss of the name.</summary>
    [UnmanagedCallersOnly]
    private static unsafe void OnNameLost(nint connection, byte* name, nint state)
    {
        try
        {
            var ownership = (DBusNameOwnership)GCHandle.FromIntPtr(state).Target!;
            if (ownership._acquired.Task.IsCompleted)
            {
                ownership._lost.TrySetResult();
                return;
            }

            ownership._acquired.TrySetException(new InvalidOperationException(connection == 0
                ? $"could not own the name {ownership.Name}: the connection to the bus is closed"
                : $"the name {ownership.Name} is owned by another process (or connection) on the bus"));
        }
        catch (Exception exception)
        {
            NativeCallbackErrors.Report(exception);
        }
    }
}
