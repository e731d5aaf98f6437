using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

namespace Reintegration.ServiceBusStandIn.Tests.Contract;

public abstract class ProcessorContract(ContractTarget target) : ContractTests(target)
{
    const string Queue = "contract-processor";

    [Fact]
    public async Task The_processor_handles_and_completes_every_message()
    {
        await PurgeAsync(Queue);
        await using ServiceBusSender sender = Client.CreateSender(Queue);
        List<string> ids = Enumerable.Range(1, 6).Select(i => NewId($"proc{i}")).ToList();
        await sender.SendMessagesAsync(ids.Select(id => new ServiceBusMessage(id) { MessageId = id }), Cancelled);
        var handled = new ConcurrentDictionary<string, int>();
        var errors = new ConcurrentQueue<Exception>();
        var allHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await using ServiceBusProcessor processor = Client.CreateProcessor(Queue, new ServiceBusProcessorOptions { MaxConcurrentCalls = 2 });
        processor.ProcessMessageAsync += args =>
        {
            handled[args.Message.MessageId] = args.Message.DeliveryCount;
            if (handled.Count == ids.Count)
            {
                allHandled.TrySetResult();
            }

            return Task.CompletedTask;
        };
        processor.ProcessErrorAsync += args =>
        {
            errors.Enqueue(args.Exception);
            return Task.CompletedTask;
        };
        await processor.StartProcessingAsync(Cancelled);
        await allHandled.Task.WaitAsync(TimeSpan.FromSeconds(20), Cancelled);
        await processor.StopProcessingAsync(Cancelled);

        Assert.Equal(ids.Order(), handled.Keys.Order());
        Assert.All(handled.Values, deliveryCount => Assert.Equal(1, deliveryCount));
        Assert.Empty(errors);
        await using ServiceBusReceiver receiver = Client.CreateReceiver(Queue);
        Assert.Empty(await receiver.PeekMessagesAsync(10, cancellationToken: Cancelled));
    }
}

public sealed class ProcessorOnStandIn(StandInFixture standIn) : ProcessorContract(standIn.Target);

public sealed class ProcessorOnExternalNamespace() : ProcessorContract(ContractTarget.External);
