using Reintegration.Core.Access;

namespace Reintegration.Core.Cases;

/// <summary>
/// The journey as a table: for each action, the statuses it may start from and the roles that may
/// take it. Guards that depend on data (a reason, a partner covering the country) live on the case.
/// </summary>
public static class CaseWorkflow
{
    private static readonly CaseStatus[] Open =
    [
        CaseStatus.Referred, CaseStatus.Accepted, CaseStatus.PartnerAssigned, CaseStatus.PlanSubmitted,
        CaseStatus.PlanApproved, CaseStatus.Departed, CaseStatus.Arrived, CaseStatus.Monitoring,
    ];

    /// <summary>Statuses in which a partner works on the case, so another partner can take over.</summary>
    private static readonly CaseStatus[] WithPartner =
    [
        CaseStatus.PartnerAssigned, CaseStatus.PlanSubmitted, CaseStatus.PlanApproved, CaseStatus.Departed, CaseStatus.Arrived,
        CaseStatus.Monitoring,
    ];

    /// <summary>After approval the plan changes only through a revision that is approved again.</summary>
    private static readonly CaseStatus[] PlanRevisable =
        [CaseStatus.PlanApproved, CaseStatus.Departed, CaseStatus.Arrived, CaseStatus.Monitoring];

    private static readonly Dictionary<CaseAction, (CaseStatus[] From, Role[] Roles)> Transitions = new()
    {
        [CaseAction.Accept] = ([CaseStatus.Referred], [Role.Coordinator]),
        [CaseAction.Reject] = ([CaseStatus.Referred], [Role.Coordinator]),
        [CaseAction.AssignPartner] = ([CaseStatus.Accepted, CaseStatus.PartnerAssigned], [Role.Coordinator, Role.Caseworker]),
        // The assigned partner works the plan out with the returnee; approval stays with a coordinator (four eyes).
        [CaseAction.DraftPlan] = ([CaseStatus.PartnerAssigned, CaseStatus.PlanSubmitted, .. PlanRevisable], [Role.Caseworker, Role.Coordinator, Role.Partner]),
        [CaseAction.SubmitPlan] = ([CaseStatus.PartnerAssigned, .. PlanRevisable], [Role.Caseworker, Role.Coordinator, Role.Partner]),
        [CaseAction.ApprovePlan] = ([CaseStatus.PlanSubmitted, .. PlanRevisable], [Role.Coordinator]),
        [CaseAction.Depart] = ([CaseStatus.PlanApproved], [Role.Caseworker, Role.Coordinator]),
        [CaseAction.ConfirmArrival] = ([CaseStatus.Departed], [Role.Partner]),
        [CaseAction.Withdraw] = (Open, [Role.Caseworker, Role.Coordinator]),
        [CaseAction.Close] = (Open, [Role.Caseworker, Role.Coordinator]),
        [CaseAction.ReassignPartner] = (WithPartner, [Role.Coordinator]),
        [CaseAction.Transfer] = (Open, [Role.Coordinator]),
    };

    public static bool IsOpen(CaseStatus status) => Open.Contains(status);

    public static bool StartsFrom(CaseAction action, CaseStatus status) => Transitions[action].From.Contains(status);

    public static bool RoleMay(CaseAction action, Role role) => Transitions[action].Roles.Contains(role);

    /// <summary>The actions possible in this status, whoever takes them.</summary>
    public static IEnumerable<CaseAction> PossibleIn(CaseStatus status) =>
        Transitions.Where(t => t.Value.From.Contains(status)).Select(t => t.Key);

    public static string Name(CaseAction action) => action switch
    {
        CaseAction.Accept => "accept",
        CaseAction.Reject => "reject",
        CaseAction.AssignPartner => "assign-partner",
        CaseAction.DraftPlan => "draft-plan",
        CaseAction.SubmitPlan => "submit-plan",
        CaseAction.ApprovePlan => "approve-plan",
        CaseAction.Depart => "depart",
        CaseAction.ConfirmArrival => "confirm-arrival",
        CaseAction.Withdraw => "withdraw",
        CaseAction.Close => "close",
        CaseAction.ReassignPartner => "reassign-partner",
        CaseAction.Transfer => "transfer",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
