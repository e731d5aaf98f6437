using Reintegration.Core.Errors;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Time;

namespace Reintegration.Core.Referrals;

/// <summary>
/// The programme's eligibility rules for a well-formed referral. Every rule is checked, so the
/// caseworker learns all that stands in the way at once.
/// </summary>
public sealed class EligibilityCheck(IReferenceDataStore referenceData, ProgrammeClock clock)
{
    public async Task<EligibilityOutcome> EvaluateAsync(ReferralRequest referral, CancellationToken cancellationToken)
    {
        var countryCode = referral.CountryOfReturn!;
        var country = await referenceData.FindCountryAsync(countryCode, cancellationToken);
        var organisations = await referenceData.OrganisationsAsync(cancellationToken);
        var phases = await referenceData.PhasesAsync(cancellationToken);
        var today = clock.Today;

        var failures = new List<RuleFailure>();
        var category = EligibilityRules.Category(referral.Category, failures);
        EligibilityRules.Country(country, countryCode, failures);
        EligibilityRules.PartnerAvailable(organisations, countryCode, failures);
        var phase = EligibilityRules.ActivePhase(phases, today, failures);
        EligibilityRules.ThirdCountryNational(referral.Person!.Nationality!, failures);
        EligibilityRules.ConsentToShare(referral.Consent!, failures);

        return failures.Count == 0
            ? new EligibilityOutcome(category!.Value, phase!, [])
            : new EligibilityOutcome(null, phase, failures);
    }
}

public sealed record EligibilityOutcome(TargetGroup? Category, ProgrammePhase? Phase, IReadOnlyList<RuleFailure> Failures)
{
    public bool Eligible => Failures.Count == 0;
}
