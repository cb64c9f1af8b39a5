using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

/// <summary>A small exported object for the D-Bus tests; one method per behaviour under test.</summary>
internal sealed class TestObject : IDBusObject
{
    public const string Interface = "com.example.Test1";

    public const string Xml = """
        <node>
          <interface name="com.example.Test1">
            <method name="Echo">
              <arg name="text" type="s" direction="in"/>
              <arg name="echoed" type="s" direction="out"/>
            </method>
            <method name="Nope"/>
            <method name="Throw"/>
            <method name="ReplyLater">
              <arg name="number" type="u" direction="in"/>
              <arg name="next" type="u" direction="out"/>
            </method>
            <method name="ReplyTwice"/>
            <method name="ReplyWrongType">
              <arg name="text" type="s" direction="out"/>
            </method>
            <property name="Version" type="s" access="read"/>
            <property name="Missing" type="s" access="read"/>
            <property name="Mistyped" type="u" access="read"/>
            <property name="Writable" type="s" access="readwrite"/>
            <signal name="Pinged">
              <arg name="count" type="u"/>
            </signal>
          </interface>
        </node>
        """;

    public Exception? SecondReplyFailure { get; private set; }

    public void HandleMethodCall(DBusMethodInvocation call)
    {
        switch (call.MethodName)
        {
            case "Echo":
                call.ReturnValue(GVariant.Tuple(call.Parameters.GetChild(0)));
                break;
            case "Nope":
                call.ReturnError("com.example.Error.Nope", "nope, not today");
                break;
            case "Throw":
                throw new InvalidOperationException("the handler broke");
            case "ReplyLater":
                var number = call.Parameters.GetChild(0).GetUInt32();
                _ = Task.Run(async () =>
                {
                    await Task.Delay(50);
                    call.ReturnValue(GVariant.Tuple(GVariant.UInt32(number + 1)));
                });
                break;
            case "ReplyTwice":
                call.ReturnValue(null);
                try
                {
                    call.ReturnValue(null);
                }
                catch (InvalidOperationException exception)
                {
                    SecondReplyFailure = exception;
                }

                break;
            case "ReplyWrongType":
                call.ReturnValue(GVariant.Tuple(GVariant.UInt32(1)));
                break;
        }
    }

    public GVariant? GetProperty(string sender, string propertyName) => propertyName switch
    {
        "Version" => GVariant.String("1.0"),
        "Mistyped" => GVariant.String("not a uint"),
        "Writable" => GVariant.String("w"),
        _ => null,
    };
}
