namespace Reintegration.Core.Cases;

/// <summary>The person who returns. Personal data: never logged, only shown to those who work on the case.</summary>
public sealed record Returnee
{
    public required string GivenName { get; init; }
    public required string FamilyName { get; init; }
    public required DateOnly DateOfBirth { get; init; }
    public required string Nationality { get; init; }
    public Contact Contact { get; init; } = new();

    /// <summary>Initials only, for notifications that must not carry the name; none once anonymised.</summary>
    public string Initials => GivenName.Length == 0 || FamilyName.Length == 0 ? "" : $"{GivenName[..1]}.{FamilyName[..1]}.".ToUpperInvariant();
}

public sealed record Contact
{
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Address { get; init; }
}

public sealed record FamilyMember
{
    public required string GivenName { get; init; }
    public required string FamilyName { get; init; }
    public required DateOnly DateOfBirth { get; init; }
    public required string Relationship { get; init; }
}

public sealed record Vulnerability
{
    public required string Kind { get; init; }
    public string? Description { get; init; }
}

/// <summary>Consent to share the person's data with the partner organisation, and how it was recorded.</summary>
public sealed record Consent
{
    public required bool SharingWithPartner { get; init; }
    public required DateOnly GivenOn { get; init; }
    public required string Method { get; init; }
    public required string RecordedBy { get; init; }
}
