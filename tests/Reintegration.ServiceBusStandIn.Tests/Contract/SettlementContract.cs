using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.Contract;

public abstract class SettlementContract(ContractTarget target) : ContractTests(target)
{
    const string Queue = "contract-settlement";

    [Fact]
    public async Task An_abandoned_message_comes_back_with_a_higher_delivery_count()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        string id = NewId("abandon");
        await sender.SendMessageAsync(new ServiceBusMessage("retry me") { MessageId = id }, Cancelled);

        ServiceBusReceivedMessage? first = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);
        Assert.NotNull(first);
        await receiver.AbandonMessageAsync(first, new Dictionary<string, object> { ["attempt"] = 1 }, Cancelled);
        ServiceBusReceivedMessage? second = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);

        Assert.NotNull(second);
        Assert.Equal(id, second.MessageId);
        Assert.Equal(first.SequenceNumber, second.SequenceNumber);
        Assert.Equal(2, second.DeliveryCount);
        Assert.NotEqual(first.LockToken, second.LockToken);
        Assert.Equal(1, second.ApplicationProperties["attempt"]);
        await receiver.CompleteMessageAsync(second, Cancelled);
    }

    [Fact]
    public async Task A_dead_lettered_message_lands_in_the_dead_letter_queue_with_its_reason()
    {
        await PurgeAsync(Queue);
        await PurgeAsync(Queue, subQueue: SubQueue.DeadLetter);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        await using ServiceBusReceiver deadLetters = Client.CreateReceiver(Queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        string id = NewId("poison");
        var message = new ServiceBusMessage("poison") { MessageId = id };
        message.ApplicationProperties["partnerId"] = "gh-001";
        await sender.SendMessageAsync(message, Cancelled);

        ServiceBusReceivedMessage? received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);
        Assert.NotNull(received);
        await receiver.DeadLetterMessageAsync(received, "PartnerRejected", "The partner endpoint answered 400.", Cancelled);
        ServiceBusReceivedMessage? deadLettered = await deadLetters.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);

        Assert.NotNull(deadLettered);
        Assert.Equal(id, deadLettered.MessageId);
        Assert.Equal("poison", deadLettered.Body.ToString());
        Assert.Equal("PartnerRejected", deadLettered.DeadLetterReason);
        Assert.Equal("The partner endpoint answered 400.", deadLettered.DeadLetterErrorDescription);
        Assert.Equal("gh-001", deadLettered.ApplicationProperties["partnerId"]);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1), Cancelled));
        await deadLetters.CompleteMessageAsync(deadLettered, Cancelled);
    }

    [Fact]
    public async Task A_deferred_message_is_received_again_by_its_sequence_number()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        string id = NewId("defer");
        await sender.SendMessageAsync(new ServiceBusMessage("later") { MessageId = id }, Cancelled);

        ServiceBusReceivedMessage? received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);
        Assert.NotNull(received);
        await receiver.DeferMessageAsync(received, cancellationToken: Cancelled);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1), Cancelled));
        ServiceBusReceivedMessage deferred = await receiver.ReceiveDeferredMessageAsync(received.SequenceNumber, Cancelled);

        Assert.Equal(id, deferred.MessageId);
        Assert.Equal(ServiceBusMessageState.Deferred, deferred.State);
        await receiver.CompleteMessageAsync(deferred, Cancelled);
        Assert.Empty(await receiver.PeekMessagesAsync(10, received.SequenceNumber, Cancelled));
    }
}

public sealed class SettlementOnStandIn(StandInFixture standIn) : SettlementContract(standIn.Target);

public sealed class SettlementOnExternalNamespace() : SettlementContract(ContractTarget.External);
