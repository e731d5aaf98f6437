namespace Reintegration.Core.Plans;

public enum PlanStatus
{
    Draft,
    Submitted,
    Approved,
}

public sealed record PlanGoal(SupportArea Area, string Description);

/// <summary>An amount in EUR reserved for one purpose; spending is recorded against it.</summary>
public sealed record BudgetLine(string Id, SupportArea Area, string Description, decimal Amount);

/// <summary>A version of the plan: goals, budget lines and the cash contribution, all in EUR.</summary>
public sealed record ReintegrationPlan
{
    public required int Version { get; init; }
    public required PlanStatus Status { get; init; }
    public required IReadOnlyList<PlanGoal> Goals { get; init; }
    public required IReadOnlyList<BudgetLine> BudgetLines { get; init; }
    public required decimal CashContribution { get; init; }
    public required BudgetAssessment Assessment { get; init; }
    /// <summary>Who drafted this version and who submitted it: neither may approve it (four eyes).</summary>
    public string? DraftedBy { get; init; }
    public string? SubmittedBy { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
    public string? ApprovedBy { get; init; }
    /// <summary>Why a coordinator approved a plan above the policy.</summary>
    public string? ApprovalReason { get; init; }

    public decimal InKindTotal => BudgetLines.Sum(l => l.Amount);
}
