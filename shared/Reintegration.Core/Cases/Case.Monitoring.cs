using System.Text.Json.Serialization;
using Reintegration.Core.Access;
using Reintegration.Core.Cases.Parts;
using Reintegration.Core.Errors;
using Reintegration.Core.Monitoring;

namespace Reintegration.Core.Cases;

/// <summary>Monitoring for a year after arrival: when the case is monitored; the schedule and the outbox keep their rules.</summary>
public sealed partial class Case
{
    /// <summary>How the timeline names the app itself, as the actor of scheduled changes.</summary>
    public const string SystemActor = "system";

    [JsonInclude]
    public MonitoringSchedule Checkpoints { get; private set; } = new();

    /// <summary>
    /// Earliest due date of an open checkpoint while the case is open; written (never read back) and indexed, so the
    /// deadline job reads only cases with something due.
    /// </summary>
    public DateOnly? NextDueOn => Status == CaseStatus.Closed ? null : Checkpoints.NextDueOn;

    /// <summary>Notifications recorded with the change that caused them; delivered afterwards.</summary>
    [JsonInclude]
    public NotificationOutbox Outbox { get; private set; } = new();

    /// <summary>Written (never read back) and indexed, so undelivered notifications are found again after an outage.</summary>
    public bool HasPendingNotifications => Outbox.HasPending;

    /// <summary>Schedules the checkpoints and starts monitoring; answers false when that happened already.</summary>
    public bool StartMonitoring(DateTimeOffset now, IEnumerable<int> monthsAfterArrival)
    {
        if (Status != CaseStatus.Arrived)
        {
            return false;
        }
        Checkpoints = MonitoringSchedule.After(ArrivedOn!.Value, monthsAfterArrival);
        Timeline.Add("start-monitoring", SystemActor, SystemActor, SystemActor, now, Status, CaseStatus.Monitoring,
            $"Checkpoints due {string.Join(", ", Checkpoints.Select(c => c.DueOn.ToString("yyyy-MM-dd")))}");
        Status = CaseStatus.Monitoring;
        StatusChangedAt = now;
        return true;
    }

    public Checkpoint SubmitReport(Caller partner, DateTimeOffset now, DateOnly today, string checkpointId, MonitoringReport report)
    {
        EnsureMonitoring();
        var reported = Checkpoints.Report(checkpointId, report, now, today);
        AfterCheckpointClosed(checkpointId);
        Record("submit-report", partner, now, $"Checkpoint {checkpointId}{(reported.SubmittedLate ? " (late)" : "")}");
        return reported;
    }

    public Checkpoint WaiveCheckpoint(Caller coordinator, DateTimeOffset now, string checkpointId, string reason)
    {
        EnsureMonitoring();
        var waived = Checkpoints.Waive(checkpointId, reason, coordinator.UserId);
        AfterCheckpointClosed(checkpointId);
        Record("waive-checkpoint", coordinator, now, $"Checkpoint {checkpointId}: {reason}");
        return waived;
    }

    /// <summary>Records each alert a checkpoint calls for today, once per checkpoint and kind; answers how many are new.</summary>
    public int RaiseAlerts(DateTimeOffset now, DateOnly today, int graceDays, MonitoringWindows windows)
    {
        // While consent is withdrawn monitoring pauses: nobody is chased for a report the partner may not file.
        if (Status != CaseStatus.Monitoring || ConsentWithdrawn)
        {
            return 0;
        }
        var raised = 0;
        foreach (var (checkpoint, kind) in Checkpoints.AlertsOn(today, graceDays, windows).ToList())
        {
            if (Outbox.Holds(checkpoint.Id, kind))
            {
                continue;
            }
            Outbox.Add(new Notification
            {
                MessageId = Notification.IdFor(Id, checkpoint.Id, kind, today),
                Kind = kind,
                CheckpointId = checkpoint.Id,
                DueOn = checkpoint.DueOn,
                // The partner is told of every alert while it must act; an escalation also reaches the referring organisation.
                PartnerId = PartnerId,
                OrganisationId = kind == AlertKind.Escalation ? ReferringOrganisationId : null,
                CreatedAt = now,
            });
            raised++;
        }
        return raised;
    }

    public IReadOnlyList<Notification> PendingNotifications => Outbox.Pending;

    public void MarkSent(IReadOnlyCollection<string> messageIds, DateTimeOffset now) => Outbox.MarkSent(messageIds, now);

    /// <summary>Completed after the last checkpoint: every one reported on or waived.</summary>
    public bool MonitoringComplete => Status == CaseStatus.Monitoring && Checkpoints.Complete;

    private void EnsureMonitoring()
    {
        if (Status != CaseStatus.Monitoring)
        {
            throw new ConflictException($"Checkpoints are open while the case is in monitoring; it is {Status}.");
        }
    }

    /// <summary>A report or waiver stops the alerts: undelivered ones about that checkpoint are dropped.</summary>
    private void AfterCheckpointClosed(string checkpointId) => Outbox.DropPending(n => n.CheckpointId == checkpointId);
}
