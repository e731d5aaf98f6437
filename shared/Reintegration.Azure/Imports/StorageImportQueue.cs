using System.Text.Json;
using Azure.Storage.Queues;
using Reintegration.Core;
using Reintegration.Core.Ids;
using Reintegration.Core.Imports;

namespace Reintegration.Azure.Imports;

/// <summary>The import's batches on a Storage queue; a message names the import only.</summary>
public sealed class StorageImportQueue(QueueServiceClient queues) : IImportQueue
{
    private readonly Lazy<Task<QueueClient>> client = new(async () =>
    {
        var queue = queues.GetQueueClient(IImportQueue.Name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    });

    public async Task EnqueueAsync(ImportId importId, CancellationToken cancellationToken) =>
        await (await client.Value).SendMessageAsync(JsonSerializer.Serialize(new ImportWork(importId.Value), ProgrammeJson.Options), cancellationToken);
}

/// <summary>A queue message: which import has a batch to do.</summary>
public sealed record ImportWork(string ImportId);
