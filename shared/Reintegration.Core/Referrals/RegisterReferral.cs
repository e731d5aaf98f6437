using FluentValidation;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Idempotency;
using Reintegration.Core.Search;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.Referrals;

/// <summary>A caseworker registers a referral: shape, then eligibility, then one new case.</summary>
public sealed class RegisterReferral(
    IValidator<ReferralRequest> validator,
    EligibilityCheck eligibility,
    CaseGate gate,
    IdempotentCreation idempotency,
    IPersonClaims claims,
    ProgrammeClock clock)
{
    private const int MaxClaimAttempts = 10;

    public async Task<Versioned<Case>> HandleAsync(Caller caller, ReferralRequest referral, string rawBody,
        string? idempotencyKey, CancellationToken cancellationToken)
    {
        CaseGate.EnsureMayRefer(caller);
        RequestValidation.ThrowIfInvalid(await validator.ValidateAsync(referral, cancellationToken));

        var outcome = await eligibility.EvaluateAsync(referral, cancellationToken);
        if (!outcome.Eligible)
        {
            throw new RuleViolationException("The referral is not eligible for the programme.", outcome.Failures);
        }

        var person = referral.Person!;
        var words = PersonSearch.Words(person.GivenName, person.FamilyName);
        return await idempotency.RunAsync(caller, "register-referral", idempotencyKey, rawBody, async caseId =>
        {
            // Inside the key's run: a retry of the first answer finds its own case, which is no duplicate of itself.
            await EnsureNoOtherOpenCaseAsync(caller, words, person.DateOfBirth!.Value, caseId, cancellationToken);
            var claimedAt = await ClaimPersonAsync(caller, words, person.DateOfBirth!.Value, caseId, cancellationToken);
            if (PersonClaim.Now - claimedAt > PersonClaim.MaxInFlight)
            {
                // Too slow to be sure the claim still stands: another referral may take it over after the hold.
                throw new ConflictException("The referral took too long to register; send it again with the same Idempotency-Key.");
            }
            return await gate.CreateAsync(caller, Case.Refer(caseId, caller, clock.Now, clock.Today, referral, outcome.Category!.Value, outcome.Phase!.Id),
                cancellationToken);
        }, cancellationToken);
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
    /// The check above reads cases, so referrals sent at the same moment all pass it. The claim lets one of them on. A
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
