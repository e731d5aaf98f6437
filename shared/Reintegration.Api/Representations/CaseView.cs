using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Gate;
using Reintegration.Core.Referrals;

namespace Reintegration.Api.Representations;

/// <summary>
/// A case as caseworkers, coordinators and the DPO see it: the whole referral and the plan being worked on.
/// Each field is copied by name, so a field added to the domain reaches no one until a view lists it
/// (docs/data-protection.md).
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
    PersonView Person,
    IReadOnlyList<FamilyMemberView> FamilyMembers,
    IReadOnlyList<VulnerabilityView> Vulnerabilities,
    ConsentView Consent,
    bool ConsentWithdrawn,
    IReadOnlyList<ConsentChangeView> ConsentHistory,
    PlanView? Plan,
    PlanView? ApprovedPlan,
    DateOnly? DepartedOn,
    DateOnly? ArrivedOn,
    CaseOutcome? Outcome,
    IReadOnlyList<string> AllowedActions,
    bool CanEditPlan)
{
    public static readonly ViewsByRole<Case> ByRole = new ViewsByRole<Case>("case")
        .Give(Staff, Role.Caseworker, Role.Coordinator, Role.Dpo)
        .Give(PartnerCaseView.From, Role.Partner);

    public static object For(Caller caller, Case c) => ByRole.For(caller, c);

    public static string Location(string caseId) => $"/api/cases/{caseId}";

    /// <summary>
    /// The actions the caller may take now at POST .../actions/{action}, so a client shows exactly the buttons the server
    /// accepts. Drafting the plan (PUT .../plan) is <see cref="CanEditPlan"/>.
    /// </summary>
    internal static IReadOnlyList<string> AllowedFor(Caller caller, Case c) =>
        CasePermissions.AllowedActions(caller, c).Select(CaseWorkflow.Name).ToList();

    private static CaseView Staff(Caller caller, Case c) => new(
        c.Id, c.Status, c.ReferringOrganisationId, c.PartnerId, c.PhaseId, c.ReferredOn, c.ReferredAt, c.CountryOfReturn, c.Category,
        PersonView.From(c.Person), c.FamilyMembers.Select(FamilyMemberView.From).ToList(), c.Vulnerabilities.Select(VulnerabilityView.From).ToList(),
        ConsentView.From(c.Consent), c.ConsentWithdrawn, c.ConsentHistory.Select(ConsentChangeView.From).ToList(),
        PlanView.From(c.Plan), PlanView.From(c.ApprovedPlan), c.DepartedOn, c.ArrivedOn, c.Outcome, AllowedFor(caller, c),
        CasePermissions.MayEditPlan(caller, c));
}

/// <summary>
/// A case as its partner sees it: who arrives (name, birth date, contact, family, vulnerabilities), the plan it
/// works out with the returnee (draft or submitted), the approved plan and the dates. Not the target-group category
/// (the asylum background), nationality, the referring organisation, the consent record (the partner sees a case only
/// while consent stands), the address in the Netherlands, or any staff user id.
/// </summary>
public sealed record PartnerCaseView(
    string Id,
    CaseStatus Status,
    string PartnerId,
    string CountryOfReturn,
    PartnerPersonView Person,
    IReadOnlyList<FamilyMemberView> FamilyMembers,
    IReadOnlyList<VulnerabilityView> Vulnerabilities,
    PartnerWorkingPlanView? Plan,
    PartnerPlanView? ApprovedPlan,
    DateOnly? DepartedOn,
    DateOnly? ArrivedOn,
    IReadOnlyList<string> AllowedActions,
    bool CanEditPlan)
{
    internal static PartnerCaseView From(Caller caller, Case c) => new(
        c.Id, c.Status, c.PartnerId!, c.CountryOfReturn, PartnerPersonView.From(c.Person, c.ArrivedOn is not null),
        c.FamilyMembers.Select(FamilyMemberView.From).ToList(), c.Vulnerabilities.Select(VulnerabilityView.From).ToList(),
        PartnerWorkingPlanView.From(c.Plan), PartnerPlanView.From(c.ApprovedPlan), c.DepartedOn, c.ArrivedOn, CaseView.AllowedFor(caller, c),
        CasePermissions.MayEditPlan(caller, c));
}
