using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.Contract;

public abstract class DuplicateDetectionContract(ContractTarget target) : ContractTests(target)
{
    /// <summary>Duplicate detection is on, with a one minute window.</summary>
    const string Queue = "contract-duplicates";

    [Fact]
    public async Task A_message_id_seen_within_the_window_is_dropped_silently()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        string id = NewId("dup");
        string other = NewId("unique");

        await sender.SendMessageAsync(new ServiceBusMessage("first") { MessageId = id }, Cancelled);
        await sender.SendMessageAsync(new ServiceBusMessage("second") { MessageId = id }, Cancelled);
        await sender.SendMessagesAsync([new ServiceBusMessage("third") { MessageId = id }, new ServiceBusMessage("other") { MessageId = other }], Cancelled);

        List<ServiceBusReceivedMessage> received = await ReceiveAtLeastAsync(receiver, 3, TimeSpan.FromSeconds(3));
        Assert.Equal([id, other], received.Select(m => m.MessageId));
        Assert.Equal("first", received[0].Body.ToString());
        await Task.WhenAll(received.Select(m => receiver.CompleteMessageAsync(m, Cancelled)));
    }
}

public sealed class DuplicateDetectionOnStandIn(StandInFixture standIn) : DuplicateDetectionContract(standIn.Target);

public sealed class DuplicateDetectionOnExternalNamespace() : DuplicateDetectionContract(ContractTarget.External);
