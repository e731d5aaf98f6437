using FluentValidation;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
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
    OneOpenCasePerPerson oneOpenCase,
    ProgrammeClock clock)
{
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
            await oneOpenCase.EnsureAsync(caller, words, person.DateOfBirth!.Value, caseId, cancellationToken);
            return await gate.CreateAsync(caller, Case.Refer(caseId, caller, clock.Now, clock.Today, referral, outcome.Category!.Value, outcome.Phase!.Id),
                cancellationToken);
        }, cancellationToken);
    }
}
