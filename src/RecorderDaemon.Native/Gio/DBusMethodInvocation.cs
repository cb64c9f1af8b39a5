using Microsoft.Win32.SafeHandles;

namespace RecorderDaemon.Native;

/// <summary>
/// One incoming method call (a <c>GDBusMethodInvocation</c>). GDBus hands the method_call callback a
/// reference (transfer full) that the one reply consumes; this class keeps it until then and lets
/// exactly one reply through, from any thread (the return functions are thread-safe).
/// <para>
/// The owner must reply: an unanswered call leaks its invocation and leaves the caller waiting for
/// its timeout. The finalizer only reports such a call to <see cref="NativeCallbackErrors"/>; it
/// cannot reply, because nothing may call into GDBus from the finalizer thread.
/// </para>
/// </summary>
public sealed unsafe class DBusMethodInvocation
{
    /// <summary><c>G_DBUS_MESSAGE_FLAGS_ALLOW_INTERACTIVE_AUTHORIZATION</c>.</summary>
    private const int AllowInteractiveAuthorizationFlag = 1 << 2;

    private readonly string? _replySignature;
    private nint _invocation;

    internal DBusMethodInvocation(
        nint invocation,
        string sender,
        string objectPath,
        string interfaceName,
        string methodName,
        GVariant parameters,
        string? replySignature)
    {
        _invocation = invocation;
        Sender = sender;
        ObjectPath = objectPath;
        InterfaceName = interfaceName;
        MethodName = methodName;
        Parameters = parameters;
        _replySignature = replySignature;
        AllowsInteractiveAuthorization =
            (Interop.Gio.g_dbus_message_get_flags(Interop.Gio.g_dbus_method_invocation_get_message(invocation)) & AllowInteractiveAuthorizationFlag) != 0;
    }

    ~DBusMethodInvocation()
    {
        if (_invocation != 0)
        {
            NativeCallbackErrors.Report(new InvalidOperationException(
                $"the D-Bus call {InterfaceName}.{MethodName} on {ObjectPath} from {Sender} was never answered"));
        }
    }

    /// <summary>The caller's unique bus name.</summary>
    public string Sender { get; }

    public string ObjectPath { get; }

    public string InterfaceName { get; }

    public string MethodName { get; }

    /// <summary>The arguments as one tuple, already checked by GDBus against the introspection data.</summary>
    public GVariant Parameters { get; }

    public bool IsAnswered => Volatile.Read(ref _invocation) == 0;

    /// <summary>The caller set the message flag that lets the service ask it to authenticate (e.g. through polkit) while the call waits.</summary>
    public bool AllowsInteractiveAuthorization { get; }

    /// <summary>
    /// A file descriptor the caller passed, for an <c>h</c> argument holding <paramref name="index"/>: a duplicate that the
    /// returned handle owns. Only while the call is unanswered, since the message goes with the reply.
    /// </summary>
    /// <exception cref="ArgumentException">the message carries no fd at <paramref name="index"/></exception>
    /// <exception cref="GLibException">the fd could not be duplicated</exception>
    public SafeFileHandle TakeFileDescriptor(int index)
    {
        var invocation = Volatile.Read(ref _invocation);
        ThrowIfAnswered();
        var list = Interop.Gio.g_dbus_message_get_unix_fd_list(Interop.Gio.g_dbus_method_invocation_get_message(invocation));
        var count = list == 0 ? 0 : Interop.Gio.g_unix_fd_list_get_length(list);
        if (index < 0 || index >= count)
        {
            throw new ArgumentException($"the call carries {count} file descriptors, none at index {index}");
        }

        Interop.GLib.GError* error = null;
        var fd = Interop.Gio.g_unix_fd_list_get(list, index, &error);
        GLibException.ThrowIfSet(error);
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Replies with <paramref name="tuple"/> (null for no values); it must match the method's out arguments.</summary>
    /// <exception cref="ArgumentException">The tuple's type is not the method's reply type; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">This call was already answered.</exception>
    public void ReturnValue(GVariant? tuple)
    {
        ThrowIfAnswered();
        var body = tuple ?? GVariant.Tuple();
        if (_replySignature is not null && body.TypeString != _replySignature)
        {
            throw new ArgumentException(
                $"{InterfaceName}.{MethodName} replies '{_replySignature}', not '{body.TypeString}'", nameof(tuple));
        }

        Interop.Gio.g_dbus_method_invocation_return_value(Take(), body.Handle);
    }

    /// <summary>Replies with the D-Bus error <paramref name="errorName"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="errorName"/> is not a valid error name; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">This call was already answered.</exception>
    public void ReturnError(string errorName, string message)
    {
        ThrowIfAnswered();
        DBusNames.InterfaceName(errorName, nameof(errorName));
        ArgumentNullException.ThrowIfNull(message);
        Interop.Gio.g_dbus_method_invocation_return_dbus_error(Take(), errorName, message);
    }

    /// <summary>Answers with <c>Failed</c> unless some reply already went out.</summary>
    internal void ReturnFailedIfUnanswered(string message)
    {
        var invocation = Interlocked.Exchange(ref _invocation, 0);
        if (invocation != 0)
        {
            GC.SuppressFinalize(this);
            Interop.Gio.g_dbus_method_invocation_return_dbus_error(invocation, DBusErrorException.Failed, message);
        }
    }

    private void ThrowIfAnswered()
    {
        if (IsAnswered)
        {
            throw new InvalidOperationException($"the D-Bus call {InterfaceName}.{MethodName} was already answered");
        }
    }

    /// <summary>Takes the invocation reference for the one reply; a racing second reply throws here.</summary>
    private nint Take()
    {
        var invocation = Interlocked.Exchange(ref _invocation, 0);
        if (invocation == 0)
        {
            throw new InvalidOperationException($"the D-Bus call {InterfaceName}.{MethodName} was already answered");
        }

        GC.SuppressFinalize(this);
        return invocation;
    }
}
