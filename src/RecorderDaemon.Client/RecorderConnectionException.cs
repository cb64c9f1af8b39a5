namespace RecorderDaemon.Client;

/// <summary>The bus connection could not be made (no bus at the address, no session bus) or was lost.</summary>
public sealed class RecorderConnectionException(string message, Exception? innerException = null) : Exception(message, innerException);
