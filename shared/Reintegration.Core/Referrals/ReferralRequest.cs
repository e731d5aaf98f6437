namespace Reintegration.Core.Referrals;

/// <summary>What a caseworker sends to register a referral. Shape is checked by the validator, rules by eligibility.</summary>
public sealed record ReferralRequest
{
    public PersonDetails? Person { get; init; }
    public string? CountryOfReturn { get; init; }
    /// <summary>One of <see cref="TargetGroup"/>; kept as text so an unknown value is an eligibility failure, not a parse error.</summary>
    public string? Category { get; init; }
    public List<FamilyMemberDetails>? FamilyMembers { get; init; }
    public List<VulnerabilityDetails>? Vulnerabilities { get; init; }
    public ConsentDetails? Consent { get; init; }
}

public sealed record PersonDetails
{
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code of the nationality.</summary>
    public string? Nationality { get; init; }
    public ContactDetails? Contact { get; init; }
}

public sealed record ContactDetails
{
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Address { get; init; }
}

public sealed record FamilyMemberDetails
{
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Relationship { get; init; }
}

public sealed record VulnerabilityDetails
{
    public string? Kind { get; init; }
    public string? Description { get; init; }
}

public sealed record ConsentDetails
{
    /// <summary>Whether the person consented to sharing their data with the partner organisation.</summary>
    public bool? SharingWithPartner { get; init; }
    public DateOnly? GivenOn { get; init; }
    /// <summary>How the consent was recorded: SignedForm, Digital or Verbal.</summary>
    public string? Method { get; init; }
}
