using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Search;

namespace Reintegration.Core.Referrals;

/// <summary>
/// A person has at most one open case in a referring organisation: a referral of a person with one answers 409 naming
/// it, also when the referrals are sent at the same moment (docs/decisions/0025-one-open-case-per-person.md).
/// </summary>
public sealed class OneOpenCasePerPerson(CaseGate gate, IPersonClaims claims)
{
    private const int MaxClaimAttempts = 10;

    /// <summary>
    /// Refuses the referral that would open <paramref name="caseId"/> if the person has another open case, or another
    /// referral of the person is being written; otherwise the person is claimed for this case, which may now be written.
    /// A retry of a referral (the same case id) is no duplicate of itself.
    /// </summary>
    public async Task EnsureAsync(Caller caller, IReadOnlyList<string> words, DateOnly dateOfBirth, string caseId,
        CancellationToken cancellationToken)
    {
        await EnsureNoOtherOpenCaseAsync(caller, words, dateOfBirth, caseId, cancellationToken);
        var claimedAt = await ClaimPersonAsync(caller, words, dateOfBirth, caseId, cancellationToken);
        if (PersonClaim.Now - claimedAt > PersonClaim.MaxInFlight)
        {
            // Too slow to be sure the claim still stands: another referral may take it over after the hold.
            throw new ConflictException("The referral took too long to register; send it again with the same Idempotency-Key.");
        }
    }

    private async Task EnsureNoOtherOpenCaseAsync(Caller caller, IReadOnlyList<string> words, DateOnly dateOfBirth, string caseId,
        CancellationToken cancellationToken)
    {
        if ((await gate.OpenCasesOfPersonAsync(caller, words, dateOfBirth, cancellationToken)).FirstOrDefault(c => c.Id != caseId) is { } open)
        {
            throw new DuplicatePersonException(open.Id);
        }
    }

    /// <summary>
    /// The duplicate query reads cases, so referrals sent at the same moment all pass it. The claim lets one of them on. A
    /// claim of another case is that case's (open in the caller's scope: a duplicate; closed or moved away: taken over),
    /// or a referral still being written (its case not found within the hold: a duplicate of the case it will open), or
    /// one that failed (taken over after the hold). Answers when this referral's claim was made or renewed.
    /// </summary>
    private async Task<DateTimeOffset> ClaimPersonAsync(Caller caller, IReadOnlyList<string> words, DateOnly dateOfBirth, string caseId,
        CancellationToken cancellationToken)
    {
        if (words.Count == 0)
        {
            return PersonClaim.Now;
        }
        var key = PersonClaim.KeyOf(caller.OrganisationId, words, dateOfBirth);
        for (var attempt = 1; ; attempt++)
        {
            var now = PersonClaim.Now;
            var claim = await claims.ClaimAsync(key, caseId, now, cancellationToken);
            if (claim.CaseId == caseId && now - claim.ClaimedAt < PersonClaim.MaxInFlight)
            {
                return claim.ClaimedAt;
            }
            if (claim.CaseId != caseId)
            {
                await EnsureNoOtherOpenCaseAsync(caller, words, dateOfBirth, caseId, cancellationToken);
                // The holder's case itself, read after the query: it may have been written in between.
                var open = await gate.OpenInScopeAsync(caller, CaseId.From(claim.CaseId), cancellationToken);
                if (open ?? now - claim.ClaimedAt < PersonClaim.Hold)
                {
                    throw new DuplicatePersonException(claim.CaseId);
                }
            }
            // Another's claim left behind, or this referral's own from an earlier try (a retry): made this referral's now.
            if (await claims.TryTakeOverAsync(key, claim, caseId, now, cancellationToken))
            {
                return now;
            }
            if (attempt == MaxClaimAttempts)
            {
                throw new ConflictException("Other referrals of this person are being registered right now; try again.");
            }
        }
    }
}
