using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.Contract;

public abstract class SchedulingContract(ContractTarget target) : ContractTests(target)
{
    const string Queue = "contract-scheduling";

    [Fact]
    public async Task A_scheduled_message_is_visible_to_peek_and_arrives_at_its_time()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        string id = NewId("scheduled");
        DateTimeOffset enqueueAt = DateTimeOffset.UtcNow.AddSeconds(2);

        long sequenceNumber = await sender.ScheduleMessageAsync(new ServiceBusMessage("reminder") { MessageId = id }, enqueueAt, Cancelled);
        ServiceBusReceivedMessage? peeked = await receiver.PeekMessageAsync(sequenceNumber, Cancelled);
        ServiceBusReceivedMessage? early = await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500), Cancelled);
        ServiceBusReceivedMessage? onTime = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(30), Cancelled);

        Assert.True(sequenceNumber > 0);
        Assert.NotNull(peeked);
        Assert.Equal(id, peeked.MessageId);
        Assert.Equal(ServiceBusMessageState.Scheduled, peeked.State);
        Assert.Null(early);
        Assert.NotNull(onTime);
        Assert.Equal(id, onTime.MessageId);
        Assert.Equal(sequenceNumber, onTime.SequenceNumber);
        Assert.True(DateTimeOffset.UtcNow >= enqueueAt.AddMilliseconds(-100), "not delivered before its time");
        Assert.InRange(onTime.ScheduledEnqueueTime, enqueueAt.AddMilliseconds(-1), enqueueAt.AddMilliseconds(1));
        await receiver.CompleteMessageAsync(onTime, Cancelled);
    }

    [Fact]
    public async Task A_cancelled_scheduled_message_never_arrives()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        long[] sequenceNumbers = (await sender.ScheduleMessagesAsync(
            [new ServiceBusMessage("a") { MessageId = NewId("cancel-a") }, new ServiceBusMessage("b") { MessageId = NewId("cancel-b") }],
            DateTimeOffset.UtcNow.AddSeconds(1.5),
            Cancelled)).ToArray();

        await sender.CancelScheduledMessagesAsync(sequenceNumbers, Cancelled);

        Assert.Equal(2, sequenceNumbers.Distinct().Count());
        Assert.Empty(await receiver.PeekMessagesAsync(10, sequenceNumbers.Min(), Cancelled));
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(3), Cancelled));
    }

    [Fact]
    public async Task A_message_sent_with_a_scheduled_enqueue_time_waits_for_it()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        string id = NewId("send-scheduled");
        DateTimeOffset enqueueAt = DateTimeOffset.UtcNow.AddSeconds(1.5);

        await sender.SendMessageAsync(new ServiceBusMessage("later") { MessageId = id, ScheduledEnqueueTime = enqueueAt }, Cancelled);

        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500), Cancelled));
        ServiceBusReceivedMessage? onTime = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(30), Cancelled);
        Assert.NotNull(onTime);
        Assert.Equal(id, onTime.MessageId);
        await receiver.CompleteMessageAsync(onTime, Cancelled);
    }
}

public sealed class SchedulingOnStandIn(StandInFixture standIn) : SchedulingContract(standIn.Target);

public sealed class SchedulingOnExternalNamespace() : SchedulingContract(ContractTarget.External);
