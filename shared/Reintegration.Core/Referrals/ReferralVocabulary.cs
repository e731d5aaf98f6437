namespace Reintegration.Core.Referrals;

/// <summary>The closed lists of values a referral may use.</summary>
public static class ReferralVocabulary
{
    public static readonly IReadOnlyList<string> Relationships = ["Partner", "Child", "Parent", "Sibling", "Other"];

    public static readonly IReadOnlyList<string> VulnerabilityKinds =
        ["Health", "Disability", "Pregnancy", "SingleParent", "UnaccompaniedMinor", "Elderly", "TraffickingVictim", "Other"];

    public static readonly IReadOnlyList<string> ConsentMethods = ["SignedForm", "Digital", "Verbal"];

    /// <summary>EU, EEA and Swiss nationalities: the programme serves third-country nationals only.</summary>
    public static readonly IReadOnlySet<string> EuropeanNationalities = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH",
    };
}
