using System.IO.Pipes;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Tmds.DBus.Protocol;

// recorderd-test-caller ADDRESS OUTPUT SOURCE...
// Opens OUTPUT with this process's own rights, then calls Manager1.CreateRecorder([SOURCE...], {outputFd: OUTPUT})
// on the bus at ADDRESS. OUTPUT is a path opened for writing (created or emptied); existing:PATH opens it for
// writing as it is, append:PATH for appending, read:PATH for reading only, and pipe passes the writing end of a pipe. Prints the recorder's path;
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
    ["existing", var path] => File.OpenHandle(path, FileMode.Open, FileAccess.Write),
    ["append", var path] => OpenForAppending(path),
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

// .NET's FileMode.Append seeks to the end instead of opening with O_APPEND, whose writes always go to the end.
static SafeFileHandle OpenForAppending(string path)
{
    const int O_WRONLY = 1, O_APPEND = 0x400, O_CLOEXEC = 0x80000;
    var fd = Libc.open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
    return fd >= 0 ? new SafeFileHandle(fd, ownsHandle: true) : throw new IOException($"cannot open '{path}' for appending");
}

internal static partial class Libc
{
    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int open(string path, int flags);
}
