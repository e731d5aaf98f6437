using Azure.Messaging.ServiceBus;

namespace Reintegration.ServiceBusStandIn.Tests.Infrastructure;

/// <summary>
/// Base of the contract suites: they use only the public Azure.Messaging.ServiceBus API, so they run
/// unchanged against the stand-in and against a real namespace.
/// </summary>
public abstract class ContractTests(ContractTarget target) : IAsyncDisposable
{
    ServiceBusClient? client;

    protected ContractTarget Target => target;

    protected ServiceBusClient Client => client ??= target.CreateClient();

    protected static CancellationToken Cancelled => TestContext.Current.CancellationToken;

    protected static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Empties an entity a test reads from (a real namespace also keeps messages between runs).</summary>
    protected async Task PurgeAsync(string queueOrTopic, string? subscription = null, SubQueue subQueue = SubQueue.None)
    {
        var options = new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete, SubQueue = subQueue };
        await using ServiceBusReceiver purger = subscription is null
            ? Client.CreateReceiver(queueOrTopic, options)
            : Client.CreateReceiver(queueOrTopic, subscription, options);
        if (await purger.PeekMessageAsync(cancellationToken: Cancelled) is null)
        {
            return;
        }

        while ((await purger.ReceiveMessagesAsync(100, TimeSpan.FromSeconds(1), Cancelled)).Count > 0)
        {
        }
    }

    /// <summary>Receives until <paramref name="count"/> messages arrived or the wait is over.</summary>
    protected static async Task<List<ServiceBusReceivedMessage>> ReceiveAtLeastAsync(ServiceBusReceiver receiver, int count, TimeSpan wait)
    {
        var received = new List<ServiceBusReceivedMessage>();
        DateTime deadline = DateTime.UtcNow + wait;
        while (received.Count < count && DateTime.UtcNow < deadline)
        {
            received.AddRange(await receiver.ReceiveMessagesAsync(count - received.Count, deadline - DateTime.UtcNow, Cancelled));
        }

        return received;
    }

    /// <summary>Waits until a moment the broker named (a LockedUntil) has passed by a margin.</summary>
    protected static Task WaitPastAsync(DateTimeOffset moment, double marginSeconds = 0.5) =>
        Task.Delay(Max(moment - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(marginSeconds), TimeSpan.Zero), Cancelled);

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public async ValueTask DisposeAsync()
    {
        if (client is not null)
        {
            await client.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
