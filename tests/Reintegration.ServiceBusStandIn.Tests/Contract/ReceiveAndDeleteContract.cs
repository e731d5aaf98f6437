using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.Contract;

public abstract class ReceiveAndDeleteContract(ContractTarget target) : ContractTests(target)
{
    const string Queue = "contract-receive-and-delete";

    [Fact]
    public async Task Messages_leave_the_queue_as_they_are_received()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        List<string> ids = [NewId("rad1"), NewId("rad2")];
        await sender.SendMessagesAsync(ids.Select(id => new ServiceBusMessage(id) { MessageId = id }), Cancelled);

        List<ServiceBusReceivedMessage> received = await ReceiveAtLeastAsync(receiver, ids.Count, TimeSpan.FromSeconds(10));

        Assert.Equal(ids, received.Select(m => m.MessageId));
        Assert.Equal(1, received[0].DeliveryCount);
        Assert.Empty(await receiver.PeekMessagesAsync(10, cancellationToken: Cancelled));
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1), Cancelled));
    }
}

public sealed class ReceiveAndDeleteOnStandIn(StandInFixture standIn) : ReceiveAndDeleteContract(standIn.Target);

public sealed class ReceiveAndDeleteOnExternalNamespace() : ReceiveAndDeleteContract(ContractTarget.External);
