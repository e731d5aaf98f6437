using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Queues;
using Reintegration.Core;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Observability;
using Reintegration.Core.Notifications;

namespace Reintegration.Azure.Storage;

/// <summary>
/// Background work on Storage queues, Base64-encoded as the Functions host's queue trigger expects by default.
/// Each message carries the trace context of a span of its own ("send {queue}"), so the handler's span is its child.
/// </summary>
public sealed class StorageWorkQueue(QueueServiceClient queues) : IWorkQueue, IOrganisationWorkQueue
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> clients = new();

    public Task EnqueueAsync(string queueName, CaseWork work, CancellationToken cancellationToken) =>
        SendAsync(queueName, sender => WorkMessageBody.For(work, sender), cancellationToken);

    public Task EnqueueAsync(OrganisationWork work, CancellationToken cancellationToken) =>
        SendAsync(IOrganisationWorkQueue.OrganisationSubscriptions, _ => work, cancellationToken);

    private async Task SendAsync<T>(string queueName, Func<Activity?, T> bodyUnder, CancellationToken cancellationToken)
    {
        var queue = await clients.GetOrAdd(queueName, name => new Lazy<Task<QueueClient>>(async () =>
        {
            var client = queues.GetQueueClient(name);
            await client.CreateIfNotExistsAsync();
            return client;
        })).Value;
        using var sending = ProgrammeTelemetry.Source.StartActivity($"send {queueName}", ActivityKind.Producer);
        sending?.SetTag("messaging.system", "azure_storage_queues");
        sending?.SetTag("messaging.operation.type", "send");
        sending?.SetTag("messaging.destination.name", queueName);
        var body = bodyUnder(sending ?? Activity.Current);
        await queue.SendMessageAsync(JsonSerializer.Serialize(body, ProgrammeJson.Options), cancellationToken);
    }
}
