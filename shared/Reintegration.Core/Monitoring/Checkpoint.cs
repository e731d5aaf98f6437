namespace Reintegration.Core.Monitoring;

/// <summary>Where a checkpoint stands on a given day (computed, never stored).</summary>
public enum CheckpointStatus
{
    Scheduled,
    Due,
    Overdue,
    Submitted,
    Late,
    Waived,
}

/// <summary>A monitoring point after arrival: a partner report is due on <see cref="DueOn"/>.</summary>
public sealed record Checkpoint
{
    /// <summary>"m1", "m3", ...: the months after arrival; stable, so scheduling twice finds the same ones.</summary>
    public required string Id { get; init; }
    public required int MonthsAfterArrival { get; init; }
    public required DateOnly DueOn { get; init; }
    public MonitoringReport? Report { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public bool SubmittedLate { get; init; }
    public string? WaivedReason { get; init; }
    public string? WaivedBy { get; init; }

    public bool IsOpen => Report is null && WaivedReason is null;

    public static string IdFor(int months) => $"m{months}";
}
