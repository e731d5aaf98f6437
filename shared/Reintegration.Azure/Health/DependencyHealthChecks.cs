using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reintegration.Azure.Cosmos;
using Reintegration.Azure.Messaging;

namespace Reintegration.Azure.Health;

/// <summary>Each dependency answers one cheap call; a failure names the dependency, never data.</summary>
public sealed class CosmosHealthCheck(CosmosDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await database.Database.ReadAsync(cancellationToken: cancellationToken);
        return HealthCheckResult.Healthy();
    }
}

public sealed class BlobStorageHealthCheck(BlobServiceClient blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await blobs.GetBlobContainersAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1)
            .GetAsyncEnumerator(cancellationToken).MoveNextAsync();
        return HealthCheckResult.Healthy();
    }
}

public sealed class QueueStorageHealthCheck(QueueServiceClient queues) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await queues.GetQueuesAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1)
            .GetAsyncEnumerator(cancellationToken).MoveNextAsync();
        return HealthCheckResult.Healthy();
    }
}

public sealed class ServiceBusHealthCheck(ServiceBusClient client, NotificationTopic topic) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Creating a batch attaches the sender link, which needs a live broker and an existing topic.
        await using var sender = client.CreateSender(topic.Name);
        using var batch = await sender.CreateMessageBatchAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
