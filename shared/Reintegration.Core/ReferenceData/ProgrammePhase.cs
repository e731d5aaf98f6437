namespace Reintegration.Core.ReferenceData;

/// <summary>A phase of the programme: its dates, budget policy and monitoring schedule.</summary>
public sealed record ProgrammePhase
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required DateOnly StartsOn { get; init; }
    /// <summary>Last day of the phase, inclusive.</summary>
    public required DateOnly EndsOn { get; init; }
    public required BudgetPolicy Budget { get; init; }
    /// <summary>Monitoring checkpoints, in months after arrival.</summary>
    public IReadOnlyList<int> MonitoringMonths { get; init; } = DefaultMonitoringMonths;
    /// <summary>Days after a checkpoint's due date before its report counts as overdue.</summary>
    public int GracePeriodDays { get; init; } = DefaultGracePeriodDays;

    public static readonly IReadOnlyList<int> DefaultMonitoringMonths = [1, 3, 6, 12];
    public const int DefaultGracePeriodDays = 14;

    public bool IsActiveOn(DateOnly date) => date >= StartsOn && date <= EndsOn;
}

/// <summary>Amounts in EUR a household may receive in a phase.</summary>
public sealed record BudgetPolicy
{
    public required decimal CashContribution { get; init; }
    public required decimal InKindPerAdult { get; init; }
    public required decimal InKindPerChild { get; init; }
    /// <summary>A plan above this total needs a coordinator's approval with a reason.</summary>
    public required decimal ApprovalCeiling { get; init; }
}
