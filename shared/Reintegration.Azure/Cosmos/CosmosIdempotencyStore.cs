using System.Net;
using Microsoft.Azure.Cosmos;
using Reintegration.Core.Idempotency;

namespace Reintegration.Azure.Cosmos;

public sealed class CosmosIdempotencyStore(CosmosDatabase database) : IIdempotencyStore
{
    /// <summary>Keys are remembered for a week; a client retries within minutes.</summary>
    private const int TimeToLiveSeconds = 7 * 24 * 3600;

    private Container Records => database.Container(Containers.Idempotency);

    public async Task<IdempotencyRecord?> FindAsync(string recordId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Records.ReadItemAsync<StoredRecord>(recordId, new PartitionKey(recordId), cancellationToken: cancellationToken);
            return response.Resource.ToRecord();
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IdempotencyRecord> ClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await Records.CreateItemAsync(StoredRecord.From(record), new PartitionKey(record.Id), cancellationToken: cancellationToken);
            return record;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return await FindAsync(record.Id, cancellationToken)
                ?? throw new InvalidOperationException("An idempotency record vanished while it was claimed.");
        }
    }

    private sealed record StoredRecord(string Id, string ResourceId, string RequestFingerprint, DateTimeOffset CreatedAt, int Ttl)
    {
        public static StoredRecord From(IdempotencyRecord r) => new(r.Id, r.ResourceId, r.RequestFingerprint, r.CreatedAt, TimeToLiveSeconds);

        public IdempotencyRecord ToRecord() => new(Id, ResourceId, RequestFingerprint, CreatedAt);
    }
}
