using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reintegration.Api.Queues;
using Reintegration.Core.Monitoring;

namespace Reintegration.Functions;

/// <summary>The scheduled part: checkpoints after arrival, the deadline job, and delivery of notifications.</summary>
public sealed class MonitoringJobsFunctions(
    CaseMonitoring monitoring,
    MonitoringDeadlines deadlines,
    NotificationDelivery delivery,
    ILogger<MonitoringJobsFunctions> logger)
{
    [Function("ScheduleCheckpoints")]
    public async Task ScheduleCheckpoints(
        [QueueTrigger(WorkQueues.CheckpointScheduling, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken)
    {
        var caseId = WorkMessages.Read(message);
        var started = await monitoring.ScheduleAsync(caseId, cancellationToken);
        logger.LogInformation("Checkpoints of case {CaseId}: {Outcome}", caseId.Value, started ? "scheduled" : "already scheduled");
    }

    /// <summary>Hourly by default; the schedule is the app setting MonitoringDeadlineSchedule.</summary>
    [Function("MonitoringDeadlineJob")]
    public async Task RunDeadlineJob([TimerTrigger("%MonitoringDeadlineSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await deadlines.RunAsync(cancellationToken);
        logger.LogInformation("Deadline job read {Cases} cases, raised {Alerts} alerts, queued {Deliveries} deliveries and {Scheduling} schedulings",
            run.CasesRead, run.AlertsRaised, run.DeliveriesQueued, run.SchedulingQueued);
    }

    [Function("DeliverNotifications")]
    public async Task DeliverNotifications(
        [QueueTrigger(WorkQueues.NotificationDelivery, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken)
    {
        var caseId = WorkMessages.Read(message);
        var sent = await delivery.DeliverAsync(caseId, cancellationToken);
        logger.LogInformation("Delivered {Count} notifications of case {CaseId}", sent, caseId.Value);
    }
}
