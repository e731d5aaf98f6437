using Reintegration.Core.Cases;

namespace Reintegration.Api.Representations;

public sealed record PersonView(string GivenName, string FamilyName, DateOnly DateOfBirth, string Nationality, ContactView Contact)
{
    public static PersonView From(Returnee p) => new(p.GivenName, p.FamilyName, p.DateOfBirth, p.Nationality, ContactView.From(p.Contact));
}

public sealed record ContactView(string? Phone, string? Email, string? Address)
{
    public static ContactView From(Contact c) => new(c.Phone, c.Email, c.Address);
}

/// <summary>
/// The partner reaches the person by phone or e-mail. The address recorded at referral is where the person
/// lives in the Netherlands (often a reception centre, which tells the asylum background), so it stays here.
/// </summary>
public sealed record PartnerPersonView(string GivenName, string FamilyName, DateOnly DateOfBirth, PartnerContactView Contact)
{
    public static PartnerPersonView From(Returnee p) => new(p.GivenName, p.FamilyName, p.DateOfBirth, PartnerContactView.From(p.Contact));
}

public sealed record PartnerContactView(string? Phone, string? Email)
{
    public static PartnerContactView From(Contact c) => new(c.Phone, c.Email);
}

public sealed record FamilyMemberView(string GivenName, string FamilyName, DateOnly DateOfBirth, string Relationship)
{
    public static FamilyMemberView From(FamilyMember m) => new(m.GivenName, m.FamilyName, m.DateOfBirth, m.Relationship);
}

public sealed record VulnerabilityView(string Kind, string? Description)
{
    public static VulnerabilityView From(Vulnerability v) => new(v.Kind, v.Description);
}

public sealed record ConsentView(bool SharingWithPartner, DateOnly GivenOn, string Method, string RecordedBy)
{
    public static ConsentView From(Consent c) => new(c.SharingWithPartner, c.GivenOn, c.Method, c.RecordedBy);
}
