using Microsoft.Extensions.Logging;
using RecorderDaemon.Native;

namespace RecorderDaemon.Bus;

/// <summary>
/// Answers method calls, mapping exceptions to D-Bus errors in this one place: a
/// <see cref="RecorderException"/> becomes <c>io.github.recorderd.Error.&lt;Name&gt;</c>, an
/// <see cref="ArgumentException"/> <c>InvalidArgs</c>, anything else <c>Failed</c> (and is logged).
/// </summary>
public sealed class BusReplies(ILogger<BusReplies> logger)
{
    public void Run(DBusMethodInvocation call, Action action) => Run(call, () =>
    {
        action();
        return null;
    });

    public void Run(DBusMethodInvocation call, Func<GVariant?> function)
    {
        GVariant? result;
        try
        {
            result = function();
        }
        catch (Exception exception)
        {
            Fail(call, exception);
            return;
        }

        call.ReturnValue(result);
    }

    /// <summary>Replies when <paramref name="work"/> completes; the call stays unanswered until then.</summary>
    public async void RunAsync(DBusMethodInvocation call, Func<Task<GVariant?>> work)
    {
        GVariant? result;
        try
        {
            result = await work();
        }
        catch (Exception exception)
        {
            Fail(call, exception);
            return;
        }

        call.ReturnValue(result);
    }

    public void Fail(DBusMethodInvocation call, Exception exception)
    {
        switch (exception)
        {
            case RecorderException recorderError:
                call.ReturnError(BusNames.ErrorOf(recorderError.Name), recorderError.Message);
                break;
            case ArgumentException argumentError:
                call.ReturnError(BusNames.InvalidArgs, argumentError.Message);
                break;
            case DBusErrorException busError:
                call.ReturnError(busError.ErrorName, busError.Message);
                break;
            default:
                logger.LogError(exception, "{Method} from {Sender} failed unexpectedly", call.MethodName, call.Sender);
                call.ReturnError(BusNames.Failed, exception.Message);
                break;
        }
    }
}
