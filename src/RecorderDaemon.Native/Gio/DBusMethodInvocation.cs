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
public sealed class DBusMethodInvocation
{
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
