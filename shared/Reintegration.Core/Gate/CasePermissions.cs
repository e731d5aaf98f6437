using Reintegration.Core.Access;
using Reintegration.Core.Cases;

namespace Reintegration.Core.Gate;

/// <summary>
/// Who may do what with a case, in one table. Scope comes first (a case outside the caller's scope is not found);
/// then the role (403); then, for additions, whether the case is still open (409). Transitions take their roles from
/// <see cref="CaseWorkflow"/>, so the journey has one table too.
/// </summary>
public static class CasePermissions
{
    private static readonly Role[] Everyone = [Role.Caseworker, Role.Coordinator, Role.Partner, Role.Dpo];
    private static readonly Role[] WorkOnCase = [Role.Caseworker, Role.Coordinator, Role.Partner];

    public static readonly CaseOperation Refer = new("refer", [Role.Caseworker],
        "Only a caseworker of a referring organisation registers referrals.");
    public static readonly CaseOperation Import = new("import", [Role.Coordinator],
        "Only a coordinator imports cases carried over from an earlier phase.");
    public static readonly CaseOperation View = new("view-case", Everyone, "");
    public static readonly CaseOperation List = new("list-cases", Everyone, "");
    public static readonly CaseOperation ReadTimeline = new("read-timeline", [Role.Caseworker, Role.Coordinator, Role.Dpo],
        "The case's timeline is for the referring organisation, coordinators and the DPO.");
    public static readonly CaseOperation ListDocuments = new("list-documents", Everyone, "");
    public static readonly CaseOperation ReadDocument = new("read-document", Everyone, "");
    public static readonly CaseOperation AddDocument = new("add-document", WorkOnCase,
        "The data protection officer reads cases but does not add documents.", OnlyWhileOpen: true) { Adds = "documents" };
    public static readonly CaseOperation CompleteDocument = AddDocument with { Name = "complete-document" };
    public static readonly CaseOperation ReadBudget = new("read-budget", Everyone, "");
    public static readonly CaseOperation RecordSpending = new("record-spending", [Role.Partner],
        "Only the assigned partner records spending.", OnlyWhileOpen: true) { Adds = "spending" };
    public static readonly CaseOperation AttachReceipt = RecordSpending with { Name = "attach-receipt" };
    public static readonly CaseOperation RecordCashPayment = new("pay-cash-contribution", WorkOnCase,
        "The data protection officer reads cases but does not add payments.", OnlyWhileOpen: true) { Adds = "payments" };
    public static readonly CaseOperation ReadCheckpoints = new("read-checkpoints", Everyone, "");
    public static readonly CaseOperation Report = new("submit-report", [Role.Partner],
        "Monitoring reports are filed by the assigned partner.");
    public static readonly CaseOperation Waive = new("waive-checkpoint", [Role.Coordinator],
        "Only a coordinator waives a monitoring checkpoint.");
    public static readonly CaseOperation Rectify = new("rectify-person", [Role.Caseworker, Role.Partner],
        "The person's details are corrected by the caseworker (before departure) or the partner (contact, after arrival).",
        OnlyWhileOpen: true) { Adds = "corrections" };
    public static readonly CaseOperation WithdrawConsent = new("withdraw-consent", [Role.Caseworker],
        "Consent is recorded by the caseworker of the case.", OnlyWhileOpen: true) { Adds = "consent changes" };
    public static readonly CaseOperation GiveConsent = WithdrawConsent with { Name = "give-consent" };
    public static readonly CaseOperation Export = new("export", [Role.Dpo],
        "Only the data protection officer exports everything held about a person.");
    public static readonly CaseOperation ReadAccessLog = new("read-access-log", [Role.Dpo],
        "Only the data protection officer reads the access log.");
    public static readonly CaseOperation Erase = new("erase", [Role.Dpo],
        "Only the data protection officer erases a person's data.");

    /// <summary>Drafting or revising the plan (PUT .../plan): the caseworker, a coordinator, or the assigned partner.</summary>
    public static readonly CaseOperation EditPlan = Act(CaseAction.DraftPlan);

    /// <summary>A transition of the journey (accept, depart, ...), with the roles of <see cref="CaseWorkflow"/>.</summary>
    public static CaseOperation Act(CaseAction action)
    {
        var roles = Enum.GetValues<Role>().Where(r => CaseWorkflow.RoleMay(action, r)).ToList();
        return new(CaseWorkflow.Name(action), roles,
            $"'{CaseWorkflow.Name(action)}' is taken by {string.Join(" or ", roles.Select(r => Roles.Name(r) switch
            {
                "dpo" => "the data protection officer",
                "partner" => "the assigned partner",
                var name => $"a {name}",
            }))}.");
    }

    /// <summary>Which cases a caller may list; the store turns it into a query filter.</summary>
    public static CaseScope ScopeOf(Caller caller) => caller.Role switch
    {
        Role.Coordinator or Role.Dpo => new CaseScope.AllCases(),
        Role.Caseworker => new CaseScope.OfReferringOrganisation(caller.OrganisationId),
        Role.Partner => new CaseScope.AssignedToPartner(caller.OrganisationId),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>A partner sees a case assigned to it while the person's consent to share with the partner stands.</summary>
    public static bool InScope(Caller caller, Case @case) =>
        InScope(ScopeOf(caller), @case.ReferringOrganisationId, @case.PartnerId, @case.SharedWithPartner);

    /// <summary>The same rule for what is known of a case without the case (the report figures).</summary>
    public static bool InScope(CaseScope scope, string referringOrganisationId, string? partnerId, bool sharedWithPartner) => scope switch
    {
        CaseScope.AllCases => true,
        CaseScope.OfReferringOrganisation own => referringOrganisationId == own.OrganisationId,
        CaseScope.AssignedToPartner partner => partnerId == partner.PartnerId && sharedWithPartner,
        _ => false,
    };

    /// <summary>Null when allowed; otherwise the refusal to answer with (not found, forbidden, or conflict).</summary>
    public static Errors.ProgrammeException? Refusal(Caller caller, Case? @case, string caseId, CaseOperation operation)
    {
        if (@case is null || !InScope(caller, @case))
        {
            return new Errors.NotFoundException($"Case {caseId}");
        }
        if (!operation.RoleMay(caller.Role))
        {
            return new Errors.ForbiddenException(operation.RefusalForOthers.Length > 0
                ? operation.RefusalForOthers
                : $"A {caller.RoleName} may not {operation.Name} a case.");
        }
        if (operation.OnlyWhileOpen && !CaseWorkflow.IsOpen(@case.Status))
        {
            return new Errors.ConflictException($"The case is {@case.Status}: no {operation.Adds ?? "changes"} can be added.");
        }
        return null;
    }

    /// <summary>
    /// What the caller may take now at POST .../actions/{action}: the buttons a client shows. Drafting the plan is not one
    /// (it is PUT .../plan); <see cref="MayEditPlan"/> says whether the caller may.
    /// </summary>
    public static IEnumerable<CaseAction> AllowedActions(Caller caller, Case @case) =>
        InScope(caller, @case)
            ? Enum.GetValues<CaseAction>().Where(a => a != CaseAction.DraftPlan && CaseWorkflow.RoleMay(a, caller.Role) && @case.Allows(a))
            : [];

    /// <summary>Whether PUT .../plan would let the caller draft or revise the plan now.</summary>
    public static bool MayEditPlan(Caller caller, Case @case) =>
        InScope(caller, @case) && EditPlan.RoleMay(caller.Role) && @case.Allows(CaseAction.DraftPlan);
}
