using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.Contract;

public abstract class LockRenewalContract(ContractTarget target) : ContractTests(target)
{
    /// <summary>A 2 second lock here (Service Bus itself needs at least 5 s; the tests wait by LockedUntil).</summary>
    const string Queue = "contract-lock-renewal";

    [Fact]
    public async Task A_renewed_lock_outlives_the_original_one()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        await sender.SendMessageAsync(new ServiceBusMessage("long work") { MessageId = NewId("renew") }, Cancelled);

        ServiceBusReceivedMessage? received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);
        Assert.NotNull(received);
        DateTimeOffset originalLock = received.LockedUntil;
        TimeSpan lockDuration = originalLock - DateTimeOffset.UtcNow;
        await Task.Delay(lockDuration * 0.6, Cancelled);
        await receiver.RenewMessageLockAsync(received, Cancelled);

        Assert.True(received.LockedUntil > originalLock, "renewing moves LockedUntil on the message");
        await WaitPastAsync(originalLock, marginSeconds: 0.25);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(100), Cancelled));
        await receiver.CompleteMessageAsync(received, Cancelled);
    }
}

public sealed class LockRenewalOnStandIn(StandInFixture standIn) : LockRenewalContract(standIn.Target);

public sealed class LockRenewalOnExternalNamespace() : LockRenewalContract(ContractTarget.External);
