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
/// The partner reaches the person by phone or e-mail, and visits them at the address in the country of return.
/// Before arrival the address is the one recorded at referral, in the Netherlands (often a reception centre,
/// which tells the asylum background), so the partner gets it from the arrival on, when it keeps it current.
/// </summary>
public sealed record PartnerPersonView(string GivenName, string FamilyName, DateOnly DateOfBirth, PartnerContactView Contact)
{
    public static PartnerPersonView From(Returnee p, bool arrived) =>
        new(p.GivenName, p.FamilyName, p.DateOfBirth, new PartnerContactView(p.Contact.Phone, p.Contact.Email, arrived ? p.Contact.Address : null));
}

public sealed record PartnerContactView(string? Phone, string? Email, string? Address);

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

/// <summary>One giving or withdrawal of consent, for staff: while consent is withdrawn the partner does not see the case.</summary>
public sealed record ConsentChangeView(ConsentChangeKind Kind, DateOnly On, string Method, string? Reason, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static ConsentChangeView From(ConsentChange c) => new(c.Kind, c.On, c.Method, c.Reason, c.RecordedBy, c.RecordedAt);
}
