using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.Contract;

public abstract class LockExpiryContract(ContractTarget target) : ContractTests(target)
{
    /// <summary>A 2 second lock here (Service Bus itself needs at least 5 s; the tests wait by LockedUntil).</summary>
    const string Queue = "contract-lock-expiry";

    [Fact]
    public async Task A_message_whose_lock_expires_comes_back_and_the_old_lock_is_lost()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        string id = NewId("expire");
        await sender.SendMessageAsync(new ServiceBusMessage("slow consumer") { MessageId = id }, Cancelled);

        ServiceBusReceivedMessage? first = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);
        Assert.NotNull(first);
        await WaitPastAsync(first.LockedUntil);
        ServiceBusReceivedMessage? again = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);

        Assert.NotNull(again);
        Assert.Equal(id, again.MessageId);
        Assert.Equal(2, again.DeliveryCount);
        var completeError = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.CompleteMessageAsync(first, Cancelled));
        Assert.Equal(ServiceBusFailureReason.MessageLockLost, completeError.Reason);
        var renewError = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.RenewMessageLockAsync(first, Cancelled));
        Assert.Equal(ServiceBusFailureReason.MessageLockLost, renewError.Reason);
        await receiver.CompleteMessageAsync(again, Cancelled);
    }
}

public sealed class LockExpiryOnStandIn(StandInFixture standIn) : LockExpiryContract(standIn.Target);

public sealed class LockExpiryOnExternalNamespace() : LockExpiryContract(ContractTarget.External);
