using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.Contract;

public abstract class MaxDeliveryCountContract(ContractTarget target) : ContractTests(target)
{
    /// <summary>MaxDeliveryCount is 2 on this queue.</summary>
    const string Queue = "contract-max-delivery";

    [Fact]
    public async Task A_message_abandoned_max_delivery_count_times_is_dead_lettered()
    {
        await PurgeAsync(Queue);
        await PurgeAsync(Queue, subQueue: SubQueue.DeadLetter);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        await using ServiceBusReceiver deadLetters = Client.CreateReceiver(Queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        string id = NewId("exhausted");
        await sender.SendMessageAsync(new ServiceBusMessage("fails twice") { MessageId = id }, Cancelled);

        for (int attempt = 1; attempt <= 2; attempt++)
        {
            ServiceBusReceivedMessage? received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);
            Assert.NotNull(received);
            Assert.Equal(attempt, received.DeliveryCount);
            await receiver.AbandonMessageAsync(received, cancellationToken: Cancelled);
        }

        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1), Cancelled));
        ServiceBusReceivedMessage? deadLettered = await deadLetters.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);
        Assert.NotNull(deadLettered);
        Assert.Equal(id, deadLettered.MessageId);
        Assert.Equal("MaxDeliveryCountExceeded", deadLettered.DeadLetterReason);
        await deadLetters.CompleteMessageAsync(deadLettered, Cancelled);
    }
}

public sealed class MaxDeliveryCountOnStandIn(StandInFixture standIn) : MaxDeliveryCountContract(standIn.Target);

public sealed class MaxDeliveryCountOnExternalNamespace() : MaxDeliveryCountContract(ContractTarget.External);
