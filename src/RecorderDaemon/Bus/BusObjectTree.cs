using RecorderDaemon.Native;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>
/// Every object recorderd serves, behind one handler for all paths. Calls are handed to the loop thread in
/// the order they arrive, checked there against the objects' introspection XML, and dispatched; the standard
/// Properties and Introspectable interfaces are answered here. The errors follow GDBus's, which served the
/// contract first. A call that finishes off the loop may hold its object's later calls (<see cref="HoldCalls"/>), so that
/// each object sees its calls in the order they came.
/// </summary>
public sealed class BusObjectTree(GLibLoop loop, BusReplies replies) : IPathMethodHandler
{
    private const string PropertiesInterface = "org.freedesktop.DBus.Properties";
    private const string IntrospectableInterface = "org.freedesktop.DBus.Introspectable";
    private const string UnknownMethod = "org.freedesktop.DBus.Error.UnknownMethod";

    private static readonly IReadOnlyDictionary<string, string> PropertiesMethods =
        new Dictionary<string, string> { ["Get"] = "ss", ["GetAll"] = "s", ["Set"] = "ssv" };

    private readonly Dictionary<string, IReadOnlyList<IBusInterface>> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<BusCall>> _held = new(StringComparer.Ordinal);

    public string Path => "/";

    public bool HandlesChildPaths => true;

    public ValueTask HandleMethodAsync(MethodContext context)
    {
        context.DisposesAsynchronously = true;
        var call = new BusCall(context);
        loop.Post(() => Dispatch(call));
        return ValueTask.CompletedTask;
    }

    /// <summary>Serves <paramref name="interfaces"/> at <paramref name="path"/>; on the loop thread.</summary>
    public void Add(string path, params IBusInterface[] interfaces)
    {
        loop.AssertLoopThread();
        _objects.Add(path, interfaces);
    }

    /// <summary>Stops serving the object at <paramref name="path"/>; on the loop thread.</summary>
    public void Remove(string path)
    {
        loop.AssertLoopThread();
        _objects.Remove(path);
    }

    /// <summary>
    /// Calls to <paramref name="path"/> that arrive from now on wait, in order, until <paramref name="until"/> completes; on
    /// the loop thread, by a call that completes off the loop (a recorder's Start), while it is dispatched.
    /// </summary>
    public void HoldCalls(string path, Task until)
    {
        loop.AssertLoopThread();
        _held.Add(path, new Queue<BusCall>());
        until.ContinueWith(_ => loop.Post(() => Release(path)), TaskScheduler.Default);
    }

    /// <summary>Dispatches the held calls in order, until one of them holds the object's calls again; the rest then wait for that.</summary>
    private void Release(string path)
    {
        var waiting = _held[path];
        _held.Remove(path);
        while (!_held.ContainsKey(path) && waiting.TryDequeue(out var call))
        {
            Dispatch(call);
        }

        if (_held.ContainsKey(path))
        {
            _held[path] = waiting;
        }
    }

    private void Dispatch(BusCall call)
    {
        if (_held.TryGetValue(call.Path, out var waiting))
        {
            waiting.Enqueue(call);
            return;
        }

        try
        {
            if (call is { Interface: IntrospectableInterface, Member: "Introspect" })
            {
                Introspect(call);
            }
            else if (!_objects.TryGetValue(call.Path, out var interfaces))
            {
                call.ReplyError(UnknownMethod, $"Object does not exist at path '{call.Path}'");
            }
            else if (call.Interface == PropertiesInterface)
            {
                HandlePropertiesCall(call, interfaces);
            }
            else if (Find(call, interfaces) is { } target && RequireSignature(call, target.Description.Methods[call.Member]))
            {
                target.HandleMethodCall(call);
            }
        }
        catch (Exception exception)
        {
            replies.Fail(call, exception);
        }
    }

    /// <summary>The interface whose method is called; null, with the caller answered, if there is none.</summary>
    private static IBusInterface? Find(BusCall call, IReadOnlyList<IBusInterface> interfaces)
    {
        var target = interfaces.FirstOrDefault(i => (call.Interface is null || i.Description.Name == call.Interface) && i.Description.Methods.ContainsKey(call.Member));
        if (target is null)
        {
            call.ReplyError(UnknownMethod, call.Interface is { } name && interfaces.All(i => i.Description.Name != name)
                ? $"No such interface '{name}' on object at path {call.Path}"
                : $"No such method '{call.Member}'");
        }

        return target;
    }

    private static bool RequireSignature(BusCall call, string expected)
    {
        if (call.Signature == expected)
        {
            return true;
        }

        call.ReplyError(BusNames.InvalidArgs, $"Type of message, '({call.Signature})', does not match expected type '({expected})'");
        return false;
    }

    private void HandlePropertiesCall(BusCall call, IReadOnlyList<IBusInterface> interfaces)
    {
        if (!PropertiesMethods.TryGetValue(call.Member, out var signature))
        {
            call.ReplyError(UnknownMethod, $"No such method '{call.Member}'");
            return;
        }

        if (!RequireSignature(call, signature))
        {
            return;
        }

        var arguments = call.Arguments();
        var interfaceName = arguments.ReadString();
        var target = interfaces.FirstOrDefault(i => i.Description.Name == interfaceName)
            ?? throw new ArgumentException($"No such interface '{interfaceName}'");
        if (call.Member == "GetAll")
        {
            call.Reply(BusBody.Dictionary(target.Description.Properties.Keys.Select(name => KeyValuePair.Create(name, target.GetProperty(name))).ToList()));
            return;
        }

        var propertyName = arguments.ReadString();
        if (!target.Description.Properties.ContainsKey(propertyName))
        {
            throw new ArgumentException($"No such property '{propertyName}'");
        }

        if (call.Member == "Set")
        {
            // No property of the contract is writable.
            throw new ArgumentException($"Property '{propertyName}' is not writable");
        }

        call.Reply(BusBody.Variant(target.GetProperty(propertyName)));
    }

    private void Introspect(BusCall call)
    {
        var prefix = call.Path == "/" ? "/" : call.Path + "/";
        var children = _objects.Keys
            .Where(path => path.StartsWith(prefix, StringComparison.Ordinal))
            .Select(path => path[prefix.Length..].Split('/')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!_objects.TryGetValue(call.Path, out var interfaces) && children.Count == 0)
        {
            call.ReplyError(UnknownMethod, $"Object does not exist at path '{call.Path}'");
            return;
        }

        var xml = (interfaces ?? []).Select(i => i.Description.Xml).ToList();
        if (xml.Count > 0)
        {
            xml.Add(IntrospectionXml.DBusProperties);
        }

        call.ReplyIntrospection(xml, children);
    }
}
