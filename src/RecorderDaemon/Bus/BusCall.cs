using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>
/// One method call to recorderd, answered exactly once (a reply or an error) from any thread; later answers
/// are ignored. Its arguments stay readable until it is answered.
/// </summary>
public sealed class BusCall
{
    private readonly MethodContext _context;
    private int _answered;

    public BusCall(MethodContext context)
    {
        _context = context;
        var request = context.Request;
        Sender = request.SenderAsString ?? "";
        Path = request.PathAsString ?? "";
        Interface = request.InterfaceAsString;
        Member = request.MemberAsString ?? "";
        Signature = request.SignatureAsString ?? "";
        AllowsInteractiveAuthorization = (request.MessageFlags & MessageFlags.AllowInteractiveAuthorization) != 0;
    }

    /// <summary>The caller's unique bus name.</summary>
    public string Sender { get; }

    public string Path { get; }

    /// <summary>The interface the caller named; D-Bus lets it leave the interface out.</summary>
    public string? Interface { get; }

    public string Member { get; }

    /// <summary>The signature of the arguments ("" for none).</summary>
    public string Signature { get; }

    /// <summary>The caller lets the service ask the user to authenticate (polkit) while the call waits.</summary>
    public bool AllowsInteractiveAuthorization { get; }

    /// <summary>Reads the arguments from the start.</summary>
    public Reader Arguments() => _context.Request.GetBodyReader();

    /// <summary>Replies with <paramref name="body"/>; if writing it fails, the caller gets <c>Failed</c> instead.</summary>
    public void Reply(BusBody? body = null)
    {
        if (!TryAnswer())
        {
            return;
        }

        MessageBuffer message;
        try
        {
            message = Write(body);
        }
        catch (Exception exception)
        {
            SendError(BusNames.Failed, $"could not write the reply: {exception.Message}");
            return;
        }

        Send(() => _context.Reply(message));
    }

    public void ReplyError(string errorName, string message)
    {
        if (TryAnswer())
        {
            SendError(errorName, message);
        }
    }

    /// <summary>Answers <c>Introspect</c>; Tmds adds the Introspectable and Peer interfaces when there are others.</summary>
    public void ReplyIntrospection(IEnumerable<ReadOnlyMemory<byte>> interfaces, IList<string> children)
    {
        if (TryAnswer())
        {
            Send(() => _context.ReplyIntrospectXml(interfaces.ToArray(), children));
        }
    }

    private bool TryAnswer() => Interlocked.Exchange(ref _answered, 1) == 0;

    private MessageBuffer Write(BusBody? body)
    {
        var writer = _context.CreateReplyWriter(body?.Signature);
        try
        {
            body?.Write(ref writer);
            return writer.CreateMessage();
        }
        finally
        {
            writer.Dispose();
        }
    }

    private void SendError(string errorName, string message) => Send(() => _context.ReplyError(errorName, message));

    /// <summary>Sends the answer and releases the request; a connection that closed meanwhile just drops it.</summary>
    private void Send(Action answer)
    {
        try
        {
            answer();
        }
        finally
        {
            _context.Dispose();
        }
    }
}
