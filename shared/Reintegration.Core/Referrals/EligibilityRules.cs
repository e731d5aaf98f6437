using Reintegration.Core.Errors;
using Reintegration.Core.ReferenceData;

namespace Reintegration.Core.Referrals;

/// <summary>Each eligibility rule on its own: pure functions, named as the 422 answer names them.</summary>
public static class EligibilityRules
{
    public const string CategoryRule = "target-group";
    public const string CountryRule = "country-of-return";
    public const string PartnerRule = "partner-available";
    public const string PhaseRule = "active-programme-phase";
    public const string NationalityRule = "third-country-national";
    public const string ConsentRule = "consent-to-share";

    public static TargetGroup? Category(string? value, List<RuleFailure> failures)
    {
        if (EnumNames.TryParse<TargetGroup>(value, out var group))
        {
            return group;
        }
        failures.Add(new RuleFailure(CategoryRule,
            $"The category must be one of the programme's target groups: {string.Join(", ", Enum.GetNames<TargetGroup>())}."));
        return null;
    }

    public static void Country(Country? country, string code, List<RuleFailure> failures)
    {
        if (country is null)
        {
            failures.Add(new RuleFailure(CountryRule, $"The programme does not support return to '{code}'."));
        }
        else if (!country.Active)
        {
            failures.Add(new RuleFailure(CountryRule, $"Return to {country.Name} is suspended: {country.SuspensionReason}"));
        }
    }

    public static void PartnerAvailable(IEnumerable<Organisation> organisations, string code, List<RuleFailure> failures)
    {
        if (!organisations.Any(o => o.Covers(code)))
        {
            failures.Add(new RuleFailure(PartnerRule, $"No partner organisation covers '{code}'."));
        }
    }

    public static ProgrammePhase? ActivePhase(IEnumerable<ProgrammePhase> phases, DateOnly today, List<RuleFailure> failures)
    {
        var phase = phases.FirstOrDefault(p => p.IsActiveOn(today));
        if (phase is null)
        {
            failures.Add(new RuleFailure(PhaseRule, $"No programme phase is active on {today:yyyy-MM-dd}."));
        }
        return phase;
    }

    public static void ThirdCountryNational(string nationality, List<RuleFailure> failures)
    {
        if (ReferralVocabulary.EuropeanNationalities.Contains(nationality))
        {
            failures.Add(new RuleFailure(NationalityRule, "The programme serves nationals of third countries (not EU, EEA or Swiss)."));
        }
    }

    public static void ConsentToShare(ConsentDetails consent, List<RuleFailure> failures)
    {
        if (consent.SharingWithPartner != true)
        {
            failures.Add(new RuleFailure(ConsentRule, "The person has not consented to sharing their data with the partner organisation."));
        }
    }
}
