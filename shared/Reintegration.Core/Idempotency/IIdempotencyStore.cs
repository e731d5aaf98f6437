namespace Reintegration.Core.Idempotency;

/// <summary>Remembers which resource an Idempotency-Key created, so a retried create returns it.</summary>
public interface IIdempotencyStore
{
    Task<IdempotencyRecord?> FindAsync(string recordId, CancellationToken cancellationToken);

    /// <summary>Claims the key; answers the existing record when someone claimed it first.</summary>
    Task<IdempotencyRecord> ClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken);
}

/// <param name="Id">Derived from the caller, the operation and the key.</param>
/// <param name="ResourceId">The id the create gives its resource, fixed before it runs.</param>
/// <param name="RequestFingerprint">A hash of the request body: the same key with another body is refused.</param>
public sealed record IdempotencyRecord(string Id, string ResourceId, string RequestFingerprint, DateTimeOffset CreatedAt);
