using Reintegration.Core.Cases;
using Reintegration.Core.Referrals;

namespace Reintegration.Api.Representations;

/// <summary>A case as the API shows it to those who may see it.</summary>
public sealed record CaseView(
    string Id,
    CaseStatus Status,
    string ReferringOrganisationId,
    string? PartnerId,
    string PhaseId,
    DateOnly ReferredOn,
    DateTimeOffset ReferredAt,
    string CountryOfReturn,
    TargetGroup Category,
    Returnee Person,
    IReadOnlyList<FamilyMember> FamilyMembers,
    IReadOnlyList<Vulnerability> Vulnerabilities,
    Consent Consent)
{
    public static CaseView From(Case c) => new(c.Id, c.Status, c.ReferringOrganisationId, c.PartnerId, c.PhaseId,
        c.ReferredOn, c.ReferredAt, c.CountryOfReturn, c.Category, c.Person, c.FamilyMembers, c.Vulnerabilities, c.Consent);

    public static string Location(string caseId) => $"/api/cases/{caseId}";
}
