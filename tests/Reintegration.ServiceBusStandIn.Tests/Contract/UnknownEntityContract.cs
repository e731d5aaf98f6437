using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.Contract;

public abstract class UnknownEntityContract(ContractTarget target) : ContractTests(target)
{
    [Fact]
    public async Task Sending_to_an_unknown_queue_fails_with_entity_not_found()
    {
        await using ServiceBusSender sender = Client.CreateSender("no-such-queue");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage("lost"), Cancelled));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
    }

    [Fact]
    public async Task Receiving_from_an_unknown_subscription_fails_with_entity_not_found()
    {
        await using ServiceBusReceiver receiver = Client.CreateReceiver("contract-fanout", "no-such-subscription");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(5), Cancelled));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
    }

    [Fact]
    public async Task Peeking_an_unknown_queue_fails_with_entity_not_found()
    {
        await using ServiceBusReceiver receiver = Client.CreateReceiver("no-such-queue");

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.PeekMessageAsync(cancellationToken: Cancelled));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, error.Reason);
    }
}

public sealed class UnknownEntityOnStandIn(StandInFixture standIn) : UnknownEntityContract(standIn.Target);

public sealed class UnknownEntityOnExternalNamespace() : UnknownEntityContract(ContractTarget.External);
