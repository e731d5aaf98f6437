namespace Reintegration.Core.Monitoring;

/// <summary>Settings of section "Monitoring": when partners are reminded, alerted, and caseworkers told.</summary>
public sealed class MonitoringWindows
{
    public const string Section = "Monitoring";

    /// <summary>Days before the due date from which the partner is reminded.</summary>
    public int ReminderDays { get; set; } = 7;

    /// <summary>Days after the end of the grace period from which the caseworker and coordinator are told.</summary>
    public int EscalationDays { get; set; } = 14;
}

/// <summary>What the deadline job tells whom about a checkpoint.</summary>
public enum AlertKind
{
    /// <summary>To the partner: a report is due within the reminder window.</summary>
    Reminder,
    /// <summary>To the partner: the report is overdue.</summary>
    Overdue,
    /// <summary>To the referring organisation and the coordinators: overdue for longer than the escalation window.</summary>
    Escalation,
    /// <summary>To the partner: consent was withdrawn; the case is paused and hidden until it is given again.</summary>
    CasePaused,
    /// <summary>To the partner: consent was given again; the case is back.</summary>
    CaseResumed,
    /// <summary>To the partner: a case was assigned to it; it prepares the reception.</summary>
    PartnerAssigned,
    /// <summary>To the partner: the case was assigned to another partner; it stops its work on it.</summary>
    PartnerUnassigned,
    /// <summary>To the partner: the plan was approved and its budget reserved.</summary>
    PlanApproved,
    /// <summary>To the partner: a submitted plan went back to draft; it waits for the revision.</summary>
    PlanReturned,
    /// <summary>To the partner: the returnee departed; it confirms the arrival (expected on the date given).</summary>
    Departed,
}

/// <summary>The status of a checkpoint and the alert it calls for, on a day. Pure: tested with any date.</summary>
public static class CheckpointClock
{
    public static CheckpointStatus StatusOn(Checkpoint checkpoint, DateOnly today, int graceDays, MonitoringWindows windows)
    {
        if (checkpoint.WaivedReason is not null) return CheckpointStatus.Waived;
        if (checkpoint.Report is not null) return checkpoint.SubmittedLate ? CheckpointStatus.Late : CheckpointStatus.Submitted;
        if (today > checkpoint.DueOn.AddDays(graceDays)) return CheckpointStatus.Overdue;
        if (today >= checkpoint.DueOn.AddDays(-windows.ReminderDays)) return CheckpointStatus.Due;
        return CheckpointStatus.Scheduled;
    }

    public static AlertKind? AlertOn(Checkpoint checkpoint, DateOnly today, int graceDays, MonitoringWindows windows) =>
        StatusOn(checkpoint, today, graceDays, windows) switch
        {
            CheckpointStatus.Due => AlertKind.Reminder,
            CheckpointStatus.Overdue when today > checkpoint.DueOn.AddDays(graceDays + windows.EscalationDays) => AlertKind.Escalation,
            CheckpointStatus.Overdue => AlertKind.Overdue,
            _ => null,
        };

    /// <summary>The earliest due date of an open checkpoint: the indexed field the deadline job queries.</summary>
    public static DateOnly? NextDueOn(IEnumerable<Checkpoint> checkpoints) =>
        checkpoints.Where(c => c.IsOpen).Select(c => (DateOnly?)c.DueOn).Min();
}
