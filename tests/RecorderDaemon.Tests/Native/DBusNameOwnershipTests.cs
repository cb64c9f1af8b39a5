using NUnit.Framework;
using RecorderDaemon.Native;

namespace RecorderDaemon.Tests.Native;

[TestFixture]
[NonParallelizable]
public sealed class DBusNameOwnershipTests
{
    private const string Name = "io.github.recorderd";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private PrivateBus _bus = null!;
    private GLibLoop _loop = null!;

    [SetUp]
    public void StartBus()
    {
        _bus = new PrivateBus();
        _loop = new GLibLoop("dbus-name-tests");
    }

    [TearDown]
    public void StopBus()
    {
        _loop.Dispose();
        _bus.Dispose();
    }

    [Test]
    public async Task ATakenNameFailsClearlyAndLeavesNoQueuedRequest()
    {
        using var first = DBusConnection.ForAddress(_loop, _bus.Address);
        using var second = DBusConnection.ForAddress(_loop, _bus.Address);
        var owned = await first.OwnNameAsync(_loop, Name).WaitAsync(Timeout);

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => second.OwnNameAsync(_loop, Name).WaitAsync(Timeout));
        Assert.That(error!.Message, Is.EqualTo("the name io.github.recorderd is owned by another process (or connection) on the bus"));

        Assert.That(await GetOwnerAsync(second), Is.EqualTo(first.UniqueName));
        await owned.DisposeAsync();
        Assert.That(await HasOwnerAsync(second), Is.False, "the failed owner must not be left in the queue");
    }

    [Test]
    public async Task LostCompletesWhenTheConnectionCloses()
    {
        using var connection = DBusConnection.ForAddress(_loop, _bus.Address);
        await using var owned = await connection.OwnNameAsync(_loop, Name).WaitAsync(Timeout);

        Assert.That(owned.Lost.IsCompleted, Is.False);
        connection.Close();

        await owned.Lost.WaitAsync(Timeout);
    }

    [Test]
    public void AnInvalidOrUniqueNameIsRejected()
    {
        using var connection = DBusConnection.ForAddress(_loop, _bus.Address);

        Assert.ThrowsAsync<ArgumentException>(() => connection.OwnNameAsync(_loop, "not a name"));
        Assert.ThrowsAsync<ArgumentException>(() => connection.OwnNameAsync(_loop, connection.UniqueName));
    }

    private async Task<string> GetOwnerAsync(DBusConnection connection) =>
        (await BusAsync(connection, "GetNameOwner")).GetChild(0).GetString();

    private async Task<bool> HasOwnerAsync(DBusConnection connection) =>
        (await BusAsync(connection, "NameHasOwner")).GetChild(0).GetBoolean();

    private Task<GVariant> BusAsync(DBusConnection connection, string method) =>
        connection.CallAsync(_loop, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", method,
            GVariant.Tuple(GVariant.String(Name)), null, Timeout);
}
