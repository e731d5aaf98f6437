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
            await ClaimPersonAsync(caller, words, person.DateOfBirth!.Value, caseId, cancellationToken);
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
    /// claim of another case is that case's (open: a duplicate; closed: taken over), or a referral still being written
    /// (its case not found within the hold: a duplicate of the case it will open), or one that failed (taken over after
    /// the hold).
    /// </summary>
    private async Task ClaimPersonAsync(Caller caller, IReadOnlyList<string> words, DateOnly dateOfBirth, string caseId,
        CancellationToken cancellationToken)
    {
        if (words.Count == 0)
        {
            return;
        }
        var key = PersonClaim.KeyOf(caller.OrganisationId, words, dateOfBirth);
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.Now;
            var claim = await claims.ClaimAsync(key, caseId, now, cancellationToken);
            if (claim.CaseId == caseId)
            {
                return;
            }
            await EnsureNoOtherOpenCaseAsync(caller, words, dateOfBirth, caseId, cancellationToken);
            if (now - claim.ClaimedAt < PersonClaim.Hold && !await gate.ExistsAsync(CaseId.From(claim.CaseId), cancellationToken))
            {
                throw new DuplicatePersonException(claim.CaseId);
            }
            if (await claims.TryTakeOverAsync(key, claim, caseId, now, cancellationToken))
            {
                return;
            }
            if (attempt == MaxClaimAttempts)
            {
                throw new ConflictException("Other referrals of this person are being registered right now; try again.");
            }
        }
    }
}
