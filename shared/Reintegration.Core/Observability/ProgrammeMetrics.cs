using System.Diagnostics.Metrics;

namespace Reintegration.Core.Observability;

/// <summary>
/// What shows that work gets done, or gets stuck (docs/decisions/0016). Tags carry kinds and queue names only:
/// never a case id or anything about a person.
/// </summary>
public sealed class ProgrammeMetrics
{
    public const string AlertsRaised = "reintegration.alerts.raised";
    public const string NotificationsDelivered = "reintegration.notifications.delivered";
    public const string NotificationsFailed = "reintegration.notifications.failed";
    public const string PoisonMessages = "reintegration.queue.poison_messages";
    public const string OverdueCheckpoints = "reintegration.checkpoints.overdue";
    public const string DeadlineJobRuns = "reintegration.deadline_job.runs";

    private readonly Counter<long> alertsRaised;
    private readonly Counter<long> delivered;
    private readonly Counter<long> failed;
    private readonly Counter<long> poison;
    private readonly Gauge<long> overdue;
    private readonly Counter<long> deadlineRuns;

    /// <summary>Made by the host's IMeterFactory, so a test can tell this host's measurements from another's.</summary>
    public ProgrammeMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(ProgrammeTelemetry.Name) ?? new Meter(ProgrammeTelemetry.Name);
        alertsRaised = meter.CreateCounter<long>(AlertsRaised, "{alert}", "Reminders, overdue alerts and escalations the deadline job recorded.");
        delivered = meter.CreateCounter<long>(NotificationsDelivered, "{notification}", "Notifications published to the partners' topic.");
        failed = meter.CreateCounter<long>(NotificationsFailed, "{notification}", "Notifications a delivery could not publish (the queue tries again).");
        poison = meter.CreateCounter<long>(PoisonMessages, "{message}", "Queue messages whose last attempt failed: they go to the poison queue.");
        overdue = meter.CreateGauge<long>(OverdueCheckpoints, "{checkpoint}", "Open checkpoints past their due date and grace period, as the last deadline job saw them.");
        deadlineRuns = meter.CreateCounter<long>(DeadlineJobRuns, "{run}", "Completed runs of the deadline job; none for longer than its schedule means it is not running.");
    }

    public void RecordAlertsRaised(int count)
    {
        if (count > 0) alertsRaised.Add(count);
    }

    public void RecordDelivered(string kind, int count) => delivered.Add(count, new KeyValuePair<string, object?>("kind", kind));

    public void RecordDeliveryFailed(int count, Exception exception) =>
        failed.Add(count, new KeyValuePair<string, object?>("error.type", exception.GetType().FullName));

    public void RecordPoisonMessage(string queue) => poison.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public void RecordDeadlineRun(int overdueCheckpoints)
    {
        overdue.Record(overdueCheckpoints);
        deadlineRuns.Add(1);
    }
}
