using System.Security.Cryptography;
using System.Text;

namespace Reintegration.Core.Referrals;

/// <summary>
/// A referral's claim on its person within the referring organisation, held while the case is being opened: of
/// referrals of one person sent at the same moment, one opens a case (docs/decisions/0025-one-open-case-per-person.md).
/// </summary>
/// <param name="Version">The stored claim's version, for a conditional take-over.</param>
public sealed record PersonClaim(string CaseId, DateTimeOffset ClaimedAt, string Version)
{
    /// <summary>How long a claim stands for a case not found yet: its referral may still be writing it.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How old its claim may be when a referral writes its case; older, it gives up (or renews its own on a retry). The
    /// minute between this and <see cref="Hold"/> is what the case's write may take before another may take over.
    /// </summary>
    public static readonly TimeSpan MaxInFlight = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Claims are timed by the real clock, not the programme's (which an operator or a test may move): they bound
    /// requests in flight.
    /// </summary>
    public static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    /// <summary>
    /// The claim's key: a hash of the organisation, the person's name words and date of birth, the same identity the
    /// duplicate check compares. A hash, so the claim holds no name.
    /// </summary>
    public static string KeyOf(string organisationId, IReadOnlyList<string> nameWords, DateOnly dateOfBirth) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{organisationId}\n{string.Join(' ', nameWords)}\n{dateOfBirth:yyyy-MM-dd}")));
}

/// <summary>Where claims are kept, each for a day at most.</summary>
public interface IPersonClaims
{
    /// <summary>Claims the person for the case unless it is claimed: answers the claim as stored (the case's own when it got it).</summary>
    Task<PersonClaim> ClaimAsync(string key, string caseId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Moves the claim to the case if it is still as read; false when it changed or is gone.</summary>
    Task<bool> TryTakeOverAsync(string key, PersonClaim from, string caseId, DateTimeOffset now, CancellationToken cancellationToken);
}
