using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;
using Tmds.DBus.Protocol;

// recorderd-test-caller ADDRESS OUTPUT SOURCE...
// Opens OUTPUT with this process's own rights, then calls Manager1.CreateRecorder([SOURCE...], {outputFd: OUTPUT})
// on the bus at ADDRESS. OUTPUT is a path opened for writing (created or emptied); append:PATH opens it for
// appending, read:PATH for reading only, and pipe passes the writing end of a pipe. Prints the recorder's path;
// on a D-Bus error prints "ERROR-NAME: message" to stderr and exits 1.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: recorderd-test-caller ADDRESS OUTPUT SOURCE...");
    return 2;
}

using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
using var output = Open(args[1], pipe);
using var connection = new DBusConnection(args[0]);
await connection.ConnectAsync();
try
{
    Console.WriteLine(await connection.CallMethodAsync(
        CreateRecorder(connection, args[2..], output), (message, _) => message.GetBodyReader().ReadObjectPathAsString(), null));
    return 0;
}
catch (DBusErrorReplyException exception)
{
    Console.Error.WriteLine($"{exception.ErrorName}: {exception.ErrorMessage}");
    return 1;
}

static SafeFileHandle Open(string output, AnonymousPipeServerStream pipe) => output.Split(':', 2) switch
{
    ["append", var path] => File.OpenHandle(path, FileMode.Append, FileAccess.Write),
    ["read", var path] => File.OpenHandle(path, FileMode.Open, FileAccess.Read),
    ["pipe"] => new SafeFileHandle(pipe.SafePipeHandle.DangerousGetHandle(), ownsHandle: false),
    _ => File.OpenHandle(output, FileMode.Create, FileAccess.Write),
};

static MessageBuffer CreateRecorder(DBusConnection connection, string[] sources, SafeFileHandle output)
{
    using var writer = connection.GetMessageWriter();
    writer.WriteMethodCallHeader("io.github.recorderd", "/io/github/recorderd", "io.github.recorderd.Manager1", "CreateRecorder", "asa{sv}");
    writer.WriteArray(sources);
    var options = writer.WriteDictionaryStart();
    writer.WriteDictionaryEntryStart();
    writer.WriteString("outputFd");
    writer.WriteVariantHandle(output);
    writer.WriteDictionaryEnd(options);
    return writer.CreateMessage();
}
