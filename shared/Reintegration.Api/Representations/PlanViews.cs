using Reintegration.Core.Plans;

namespace Reintegration.Api.Representations;

/// <summary>A version of the reintegration plan as staff see it: with the policy assessment and who drafted, submitted and approved it.</summary>
public sealed record PlanView(
    int Version,
    PlanStatus Status,
    IReadOnlyList<PlanGoalView> Goals,
    IReadOnlyList<BudgetLineView> BudgetLines,
    decimal CashContribution,
    decimal InKindTotal,
    BudgetAssessmentView Assessment,
    string? DraftedBy,
    string? SubmittedBy,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy,
    string? ApprovalReason)
{
    public static PlanView? From(ReintegrationPlan? p) => p is null ? null : new(
        p.Version, p.Status, p.Goals.Select(PlanGoalView.From).ToList(), p.BudgetLines.Select(BudgetLineView.From).ToList(),
        p.CashContribution, p.InKindTotal, BudgetAssessmentView.From(p.Assessment), p.DraftedBy, p.SubmittedBy,
        p.SubmittedAt, p.ApprovedAt, p.ApprovedBy, p.ApprovalReason);
}

/// <summary>
/// The approved plan as the partner needs it to spend: goals, budget lines and the cash contribution.
/// Not the policy assessment, who approved it, or the approval reason (it may name a health condition).
/// </summary>
public sealed record PartnerPlanView(
    int Version, IReadOnlyList<PlanGoalView> Goals, IReadOnlyList<BudgetLineView> BudgetLines, decimal CashContribution)
{
    public static PartnerPlanView? From(ReintegrationPlan? p) => p is null ? null : new(
        p.Version, p.Goals.Select(PlanGoalView.From).ToList(), p.BudgetLines.Select(BudgetLineView.From).ToList(), p.CashContribution);
}

/// <summary>
/// The plan the partner works out with the returnee, as it stands (draft, submitted or approved): what it drafts and
/// submits, with the policy assessment so it can stay within the budget policy. Not who drafted, submitted or approved
/// it (staff user ids), nor the approval reason (it may name a health condition).
/// </summary>
public sealed record PartnerWorkingPlanView(
    int Version, PlanStatus Status, IReadOnlyList<PlanGoalView> Goals, IReadOnlyList<BudgetLineView> BudgetLines, decimal CashContribution,
    decimal InKindTotal, BudgetAssessmentView Assessment, DateTimeOffset? SubmittedAt)
{
    public static PartnerWorkingPlanView? From(ReintegrationPlan? p) => p is null ? null : new(
        p.Version, p.Status, p.Goals.Select(PlanGoalView.From).ToList(), p.BudgetLines.Select(BudgetLineView.From).ToList(),
        p.CashContribution, p.InKindTotal, BudgetAssessmentView.From(p.Assessment), p.SubmittedAt);
}

public sealed record PlanGoalView(SupportArea Area, string Description)
{
    public static PlanGoalView From(PlanGoal g) => new(g.Area, g.Description);
}

public sealed record BudgetLineView(string Id, SupportArea Area, string Description, decimal Amount)
{
    public static BudgetLineView From(BudgetLine l) => new(l.Id, l.Area, l.Description, l.Amount);
}

public sealed record BudgetAssessmentView(
    int Adults, int Children, decimal HouseholdAllowance, decimal ApprovalCeiling, decimal InKindTotal, decimal CashContribution,
    decimal PolicyCashContribution, bool WithinPolicy)
{
    public static BudgetAssessmentView From(BudgetAssessment a) => new(
        a.Adults, a.Children, a.HouseholdAllowance, a.ApprovalCeiling, a.InKindTotal, a.CashContribution, a.PolicyCashContribution, a.WithinPolicy);
}
