using System.Text.Json.Serialization;
using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Monitoring;

namespace Reintegration.Core.Cases;

/// <summary>Monitoring for a year after arrival: checkpoints, reports, and the alerts they call for.</summary>
public sealed partial class Case
{
    /// <summary>How the timeline names the app itself, as the actor of scheduled changes.</summary>
    public const string SystemActor = "system";

    [JsonInclude]
    public List<Checkpoint> Checkpoints { get; private set; } = [];

    /// <summary>Earliest due date of an open checkpoint; indexed, so the deadline job reads only cases with something due.</summary>
    [JsonInclude]
    public DateOnly? NextDueOn { get; private set; }

    /// <summary>Notifications recorded with the change that caused them; delivered afterwards.</summary>
    [JsonInclude]
    public List<Notification> Outbox { get; private set; } = [];

    /// <summary>Indexed, so undelivered notifications are found again after an outage.</summary>
    [JsonInclude]
    public bool HasPendingNotifications { get; private set; }

    /// <summary>Schedules the checkpoints and starts monitoring; answers false when that happened already.</summary>
    public bool StartMonitoring(DateTimeOffset now, IEnumerable<int> monthsAfterArrival)
    {
        if (Status == CaseStatus.Monitoring || Status != CaseStatus.Arrived)
        {
            return false;
        }
        Checkpoints = CheckpointSchedule.For(ArrivedOn!.Value, monthsAfterArrival).ToList();
        NextDueOn = CheckpointClock.NextDueOn(Checkpoints);
        Timeline.Add(new TimelineEntry
        {
            At = now, Action = "start-monitoring", ActorId = SystemActor, ActorRole = SystemActor, ActorOrganisationId = SystemActor,
            From = Status, To = CaseStatus.Monitoring, Reason = $"Checkpoints due {string.Join(", ", Checkpoints.Select(c => c.DueOn.ToString("yyyy-MM-dd")))}",
        });
        Status = CaseStatus.Monitoring;
        StatusChangedAt = now;
        return true;
    }

    public Checkpoint SubmitReport(Caller partner, DateTimeOffset now, DateOnly today, string checkpointId, MonitoringReport report)
    {
        var index = OpenCheckpoint(checkpointId, "report on");
        var late = today > Checkpoints[index].DueOn;
        Checkpoints[index] = Checkpoints[index] with { Report = report, SubmittedAt = now, SubmittedLate = late };
        AfterCheckpointClosed(checkpointId);
        Record("submit-report", partner, now, $"Checkpoint {checkpointId}{(late ? " (late)" : "")}");
        return Checkpoints[index];
    }

    public Checkpoint WaiveCheckpoint(Caller coordinator, DateTimeOffset now, string checkpointId, string reason)
    {
        var index = OpenCheckpoint(checkpointId, "waive");
        Checkpoints[index] = Checkpoints[index] with { WaivedReason = reason, WaivedBy = coordinator.UserId };
        AfterCheckpointClosed(checkpointId);
        Record("waive-checkpoint", coordinator, now, $"Checkpoint {checkpointId}: {reason}");
        return Checkpoints[index];
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
        foreach (var checkpoint in Checkpoints.Where(c => c.IsOpen))
        {
            if (CheckpointClock.AlertOn(checkpoint, today, graceDays, windows) is not { } kind
                || Outbox.Any(n => n.CheckpointId == checkpoint.Id && n.Kind == kind))
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
        HasPendingNotifications = Outbox.Any(n => n.SentAt is null);
        return raised;
    }

    public IReadOnlyList<Notification> PendingNotifications => Outbox.Where(n => n.SentAt is null).ToList();

    public void MarkSent(IReadOnlyCollection<string> messageIds, DateTimeOffset now)
    {
        for (var i = 0; i < Outbox.Count; i++)
        {
            if (Outbox[i].SentAt is null && messageIds.Contains(Outbox[i].MessageId))
            {
                Outbox[i] = Outbox[i] with { SentAt = now };
            }
        }
        HasPendingNotifications = Outbox.Any(n => n.SentAt is null);
    }

    /// <summary>Completed after the last checkpoint: every one reported on or waived.</summary>
    public bool MonitoringComplete => Status == CaseStatus.Monitoring && Checkpoints.Count > 0 && Checkpoints.All(c => !c.IsOpen);

    private int OpenCheckpoint(string checkpointId, string what)
    {
        if (Status != CaseStatus.Monitoring)
        {
            throw new ConflictException($"Checkpoints are open while the case is in monitoring; it is {Status}.");
        }
        var index = Checkpoints.FindIndex(c => c.Id == checkpointId);
        if (index < 0)
        {
            throw new NotFoundException($"Checkpoint {checkpointId}");
        }
        if (!Checkpoints[index].IsOpen)
        {
            throw new ConflictException($"Checkpoint {checkpointId} was reported on or waived already; there is nothing to {what}.");
        }
        return index;
    }

    /// <summary>A report or waiver stops the alerts: undelivered ones about that checkpoint are dropped.</summary>
    private void AfterCheckpointClosed(string checkpointId)
    {
        Outbox.RemoveAll(n => n.CheckpointId == checkpointId && n.SentAt is null);
        HasPendingNotifications = Outbox.Any(n => n.SentAt is null);
        NextDueOn = CheckpointClock.NextDueOn(Checkpoints);
    }
}
