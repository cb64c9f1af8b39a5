using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace RecorderDaemon.Bus;

/// <summary>
/// Answers method calls, mapping exceptions to D-Bus errors in this one place: a
/// <see cref="RecorderException"/> becomes <c>io.github.recorderd.Error.&lt;Name&gt;</c>, an
/// <see cref="ArgumentException"/> <c>InvalidArgs</c>, an error another service answered keeps its name,
/// anything else <c>Failed</c> (and is logged). Every path answers the call.
/// </summary>
public sealed class BusReplies(ILogger<BusReplies> logger)
{
    public void Run(BusCall call, Action action) => Run(call, () =>
    {
        action();
        return null;
    });

    public void Run(BusCall call, Func<BusBody?> function) => RunAsync(call, () => Task.FromResult(function()));

    /// <summary>Replies when <paramref name="work"/> completes; the call stays unanswered until then.</summary>
    public void RunAsync(BusCall call, Func<Task<BusBody?>> work) => _ = ReplyWhenDoneAsync(call, work);

    public void Fail(BusCall call, Exception exception)
    {
        switch (exception)
        {
            case RecorderException recorderError:
                call.ReplyError(BusNames.ErrorOf(recorderError.Name), recorderError.Message);
                break;
            case ArgumentException argumentError:
                call.ReplyError(BusNames.InvalidArgs, argumentError.Message);
                break;
            case DBusErrorReplyException busError:
                call.ReplyError(busError.ErrorName, busError.ErrorMessage);
                break;
            default:
                logger.LogError(exception, "{Method} from {Sender} failed unexpectedly", call.Member, call.Sender);
                call.ReplyError(BusNames.Failed, exception.Message);
                break;
        }
    }

    private async Task ReplyWhenDoneAsync(BusCall call, Func<Task<BusBody?>> work)
    {
        BusBody? result;
        try
        {
            result = await work();
        }
        catch (Exception exception)
        {
            Fail(call, exception);
            return;
        }

        call.Reply(result);
    }
}
