using System.Security.Cryptography;
using System.Text;
using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Time;

namespace Reintegration.Core.Idempotency;

/// <summary>
/// Runs a create at most once per Idempotency-Key. The new resource's id is fixed in the key's record
/// before the create runs, so a retry after any failure finds the same resource or creates it under
/// the same id; it never creates a second one.
/// </summary>
public sealed class IdempotentCreation(IIdempotencyStore store, ProgrammeClock clock)
{
    public const int MaxKeyLength = 100;

    /// <param name="create">Creates the resource with the given id, or returns it when it exists already.</param>
    public async Task<T> RunAsync<T>(Caller caller, string operation, string? key, string requestBody,
        Func<string, Task<T>> create, CancellationToken cancellationToken) =>
        await create(await ResourceIdAsync(caller, operation, key, requestBody, cancellationToken));

    /// <summary>
    /// The id of the resource this request creates: fixed by the key's first request, new for a request without a key.
    /// Call it only once the caller is admitted, so a refused request leaves no record of its key.
    /// </summary>
    public async Task<string> ResourceIdAsync(Caller caller, string operation, string? key, string requestBody,
        CancellationToken cancellationToken)
    {
        EnsureWellFormed(key);
        if (key is null)
        {
            return NewId();
        }
        var recordId = Hash($"{caller.OrganisationId}\n{caller.UserId}\n{operation}\n{key}");
        var fingerprint = Hash(requestBody);
        // Claimed first, read only when the key was claimed before: a first request (the common one) is one write.
        var record = await store.ClaimAsync(new IdempotencyRecord(recordId, NewId(), fingerprint, clock.Now), cancellationToken);
        if (record.RequestFingerprint != fingerprint)
        {
            throw new RuleViolationException("This Idempotency-Key was used for a different request.",
                [new RuleFailure("idempotency-key-reuse", "Use a new key for a new request; resend the same body to retry.")]);
        }
        return record.ResourceId;
    }

    /// <summary>The key's shape, checked at the edge before anything is read.</summary>
    public static void EnsureWellFormed(string? key)
    {
        if (key is not null && (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl)))
        {
            throw RequestValidationException.ForField("Idempotency-Key", $"A key of 1 to {MaxKeyLength} printable characters.");
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("D");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
