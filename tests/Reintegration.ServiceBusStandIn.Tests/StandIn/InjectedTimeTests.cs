using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Time.Testing;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.StandIn;

/// <summary>With an injected clock, tests move past lock expiry and schedules without waiting.</summary>
public sealed class InjectedTimeTests
{
    const string Config = """
        { "UserConfig": { "Namespaces": [ { "Name": "ns", "Queues": [ { "Name": "work", "Properties": { "LockDuration": "PT5M", "MaxDeliveryCount": 2 } } ] } ] } }
        """;

    static CancellationToken Cancelled => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Advancing_the_clock_past_the_lock_returns_the_message_and_then_dead_letters_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync(Config, clock);
        await using ServiceBusSender sender = standIn.Client.CreateSender("work");
        await using ServiceBusReceiver receiver = standIn.Client.CreateReceiver("work");
        await using ServiceBusReceiver deadLetters = standIn.Client.CreateReceiver("work", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        await sender.SendMessageAsync(new ServiceBusMessage("slow") { MessageId = "slow" }, Cancelled);

        ServiceBusReceivedMessage? first = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);
        Assert.NotNull(first);
        Assert.Equal(clock.GetUtcNow().AddMinutes(5), first.LockedUntil, TimeSpan.FromMilliseconds(1));
        clock.Advance(TimeSpan.FromMinutes(5));
        ServiceBusReceivedMessage? second = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);
        Assert.NotNull(second);
        Assert.Equal(2, second.DeliveryCount);
        clock.Advance(TimeSpan.FromMinutes(5));
        ServiceBusReceivedMessage? deadLettered = await deadLetters.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);

        Assert.NotNull(deadLettered);
        Assert.Equal("MaxDeliveryCountExceeded", deadLettered.DeadLetterReason);
    }

    [Fact]
    public async Task A_message_scheduled_for_tomorrow_arrives_when_the_clock_gets_there()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using PrivateStandIn standIn = await PrivateStandIn.StartAsync(Config, clock);
        await using ServiceBusSender sender = standIn.Client.CreateSender("work");
        await using ServiceBusReceiver receiver = standIn.Client.CreateReceiver("work");

        await sender.ScheduleMessageAsync(new ServiceBusMessage("tomorrow") { MessageId = "tomorrow" }, clock.GetUtcNow().AddDays(1), Cancelled);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300), Cancelled));
        clock.Advance(TimeSpan.FromDays(1));
        ServiceBusReceivedMessage? arrived = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), Cancelled);

        Assert.NotNull(arrived);
        Assert.Equal("tomorrow", arrived.MessageId);
    }
}
