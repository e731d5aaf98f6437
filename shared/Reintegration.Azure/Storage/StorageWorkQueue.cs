using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues;
using Reintegration.Core;
using Reintegration.Core.Monitoring;

namespace Reintegration.Azure.Storage;

/// <summary>Background work on Storage queues, Base64-encoded as the Functions host's queue trigger expects by default.</summary>
public sealed class StorageWorkQueue(QueueServiceClient queues) : IWorkQueue
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> clients = new();

    public async Task EnqueueAsync(string queueName, CaseWork work, CancellationToken cancellationToken)
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
