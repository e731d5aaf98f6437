using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.Contract;

public abstract class PeekContract(ContractTarget target) : ContractTests(target)
{
    const string Queue = "contract-peek";

    [Fact]
    public async Task Peek_shows_messages_in_order_without_locking_them()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        List<string> ids = [NewId("peek1"), NewId("peek2"), NewId("peek3")];
        foreach (string id in ids)
        {
            var message = new ServiceBusMessage(id) { MessageId = id };
            message.ApplicationProperties["partnerId"] = "gh-001";
            await sender.SendMessageAsync(message, Cancelled);
        }

        IReadOnlyList<ServiceBusReceivedMessage> firstTwo = await receiver.PeekMessagesAsync(2, cancellationToken: Cancelled);
        IReadOnlyList<ServiceBusReceivedMessage> next = await receiver.PeekMessagesAsync(2, cancellationToken: Cancelled);
        IReadOnlyList<ServiceBusReceivedMessage> fromSecond = await receiver.PeekMessagesAsync(10, firstTwo[1].SequenceNumber, Cancelled);

        Assert.Equal(ids[..2], firstTwo.Select(m => m.MessageId));
        Assert.Equal([ids[2]], next.Select(m => m.MessageId));
        Assert.Equal(ids[1..], fromSecond.Select(m => m.MessageId));
        Assert.Equal("gh-001", firstTwo[0].ApplicationProperties["partnerId"]);
        Assert.Equal(0, firstTwo[0].DeliveryCount);
        Assert.Equal(ServiceBusMessageState.Active, firstTwo[0].State);

        List<ServiceBusReceivedMessage> received = await ReceiveAtLeastAsync(receiver, ids.Count, TimeSpan.FromSeconds(10));
        Assert.Equal(ids, received.Select(m => m.MessageId));
        Assert.All(received, m => Assert.Equal(1, m.DeliveryCount));

        IReadOnlyList<ServiceBusReceivedMessage> whileLocked = await receiver.PeekMessagesAsync(10, firstTwo[0].SequenceNumber, Cancelled);
        Assert.Equal(ids, whileLocked.Select(m => m.MessageId));
        Assert.Equal(1, whileLocked[0].DeliveryCount);

        await Task.WhenAll(received.Select(m => receiver.CompleteMessageAsync(m, Cancelled)));
        Assert.Empty(await receiver.PeekMessagesAsync(10, firstTwo[0].SequenceNumber, Cancelled));
    }
}

public sealed class PeekOnStandIn(StandInFixture standIn) : PeekContract(standIn.Target);

public sealed class PeekOnExternalNamespace() : PeekContract(ContractTarget.External);
