using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Plans;
using Reintegration.Core.Referrals;

namespace Reintegration.Api.Representations;

/// <summary>
/// A case as the API shows it. Partners get <see cref="PartnerCaseView"/>: what they need to receive
/// the person and spend the budget, without the asylum background or the referring organisation's records.
/// </summary>
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
    Consent Consent,
    ReintegrationPlan? Plan,
    ReintegrationPlan? ApprovedPlan,
    DateOnly? DepartedOn,
    DateOnly? ArrivedOn,
    CaseOutcome? Outcome,
    IReadOnlyList<string> AllowedActions)
{
    public static object For(Caller caller, Case c)
    {
        var allowed = Core.Gate.CasePermissions.AllowedActions(caller, c).Select(CaseWorkflow.Name).ToList();
        return caller.Role == Role.Partner
            ? new PartnerCaseView(c.Id, c.Status, c.PartnerId!, c.CountryOfReturn, c.Person, c.FamilyMembers, c.Vulnerabilities,
                c.ApprovedPlan, c.DepartedOn, c.ArrivedOn, allowed)
            : new CaseView(c.Id, c.Status, c.ReferringOrganisationId, c.PartnerId, c.PhaseId, c.ReferredOn, c.ReferredAt,
                c.CountryOfReturn, c.Category, c.Person, c.FamilyMembers, c.Vulnerabilities, c.Consent, c.Plan, c.ApprovedPlan,
                c.DepartedOn, c.ArrivedOn, c.Outcome, allowed);
    }

    public static string Location(string caseId) => $"/api/cases/{caseId}";
}

public sealed record PartnerCaseView(
    string Id,
    CaseStatus Status,
    string PartnerId,
    string CountryOfReturn,
    Returnee Person,
    IReadOnlyList<FamilyMember> FamilyMembers,
    IReadOnlyList<Vulnerability> Vulnerabilities,
    ReintegrationPlan? ApprovedPlan,
    DateOnly? DepartedOn,
    DateOnly? ArrivedOn,
    IReadOnlyList<string> AllowedActions);
