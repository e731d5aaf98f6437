namespace Reintegration.Core.Plans;

/// <summary>A draft of the plan as the caseworker sends it.</summary>
public sealed record PlanRequest
{
    public List<PlanGoalRequest>? Goals { get; init; }
    public List<BudgetLineRequest>? BudgetLines { get; init; }
    public decimal? CashContribution { get; init; }
}

public sealed record PlanGoalRequest
{
    public string? Area { get; init; }
    public string? Description { get; init; }
}

public sealed record BudgetLineRequest
{
    /// <summary>In a revision: the id of the approved line this one continues (its spending stays on it).</summary>
    public string? Id { get; init; }

    public string? Area { get; init; }
    public string? Description { get; init; }
    public decimal? Amount { get; init; }
}
