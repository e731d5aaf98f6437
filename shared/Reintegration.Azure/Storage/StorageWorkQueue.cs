using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues;
using Reintegration.Core;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Notifications;

namespace Reintegration.Azure.Storage;

/// <summary>Background work on Storage queues, Base64-encoded as the Functions host's queue trigger expects by default.</summary>
public sealed class StorageWorkQueue(QueueServiceClient queues) : IWorkQueue, IOrganisationWorkQueue
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> clients = new();

    public Task EnqueueAsync(string queueName, CaseWork work, CancellationToken cancellationToken) =>
        SendAsync(queueName, work, cancellationToken);

    public Task EnqueueAsync(OrganisationWork work, CancellationToken cancellationToken) =>
        SendAsync(IOrganisationWorkQueue.OrganisationSubscriptions, work, cancellationToken);

    private async Task SendAsync<T>(string queueName, T work, CancellationToken cancellationToken)
    {
        var queue = await clients.GetOrAdd(queueName, name => new Lazy<Task<QueueClient>>(async () =>
        {
            var client = queues.GetQueueClient(name);
            await client.CreateIfNotExistsAsync();
            return client;
        })).Value;
        await queue.SendMessageAsync(JsonSerializer.Serialize(work, ProgrammeJson.Options), cancellationToken);
    }
}
