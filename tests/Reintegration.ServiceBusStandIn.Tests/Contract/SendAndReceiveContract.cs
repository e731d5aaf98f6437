using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.Contract;

public abstract class SendAndReceiveContract(ContractTarget target) : ContractTests(target)
{
    const string Queue = "contract-send-receive";

    [Fact]
    public async Task A_sent_message_is_received_locked_and_gone_once_completed()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        string id = NewId("single");
        DateTimeOffset before = DateTimeOffset.UtcNow;

        await sender.SendMessageAsync(new ServiceBusMessage("notification body") { MessageId = id }, Cancelled);
        ServiceBusReceivedMessage? received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);

        Assert.NotNull(received);
        Assert.Equal(id, received.MessageId);
        Assert.Equal("notification body", received.Body.ToString());
        Assert.True(received.SequenceNumber > 0);
        Assert.Equal(1, received.DeliveryCount);
        Assert.NotEqual(Guid.Empty.ToString(), received.LockToken);
        Assert.True(received.LockedUntil > DateTimeOffset.UtcNow, "the message is locked for the receiver");
        Assert.InRange(received.EnqueuedTime, before.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        await receiver.CompleteMessageAsync(received, Cancelled);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1), Cancelled));
    }

    [Fact]
    public async Task A_batch_arrives_whole_and_in_order()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        List<string> ids = Enumerable.Range(1, 5).Select(i => NewId($"batch{i}")).ToList();

        using ServiceBusMessageBatch batch = await sender.CreateMessageBatchAsync(Cancelled);
        foreach (string id in ids)
        {
            Assert.True(batch.TryAddMessage(new ServiceBusMessage($"body of {id}") { MessageId = id }));
        }

        await sender.SendMessagesAsync(batch, Cancelled);
        List<ServiceBusReceivedMessage> received = await ReceiveAtLeastAsync(receiver, ids.Count, TimeSpan.FromSeconds(10));

        Assert.Equal(ids, received.Select(m => m.MessageId));
        Assert.Equal(ids.Select(id => $"body of {id}"), received.Select(m => m.Body.ToString()));
        Assert.Equal(received.Select(m => m.SequenceNumber).Order(), received.Select(m => m.SequenceNumber));
        foreach (ServiceBusReceivedMessage message in received)
        {
            await receiver.CompleteMessageAsync(message, Cancelled);
        }
    }

    [Fact]
    public async Task A_list_of_messages_is_sent_as_one_batch()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        List<string> ids = [NewId("list1"), NewId("list2"), NewId("list3")];

        await sender.SendMessagesAsync(ids.Select(id => new ServiceBusMessage(id) { MessageId = id }), Cancelled);
        List<ServiceBusReceivedMessage> received = await ReceiveAtLeastAsync(receiver, ids.Count, TimeSpan.FromSeconds(10));

        Assert.Equal(ids, received.Select(m => m.MessageId));
        await Task.WhenAll(received.Select(m => receiver.CompleteMessageAsync(m, Cancelled)));
    }

    [Fact]
    public async Task Completing_a_message_twice_reports_the_lock_as_lost()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        await sender.SendMessageAsync(new ServiceBusMessage("twice") { MessageId = NewId("twice") }, Cancelled);
        ServiceBusReceivedMessage? received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);
        Assert.NotNull(received);
        await receiver.CompleteMessageAsync(received, Cancelled);

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.CompleteMessageAsync(received, Cancelled));

        Assert.Equal(ServiceBusFailureReason.MessageLockLost, error.Reason);
    }
}

public sealed class SendAndReceiveOnStandIn(StandInFixture standIn) : SendAndReceiveContract(standIn.Target);

public sealed class SendAndReceiveOnExternalNamespace() : SendAndReceiveContract(ContractTarget.External);
