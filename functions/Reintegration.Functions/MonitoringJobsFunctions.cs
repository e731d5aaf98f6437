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
    WorkHandling work,
    ILogger<MonitoringJobsFunctions> logger)
{
    [Function("ScheduleCheckpoints")]
    public async Task ScheduleCheckpoints(
        [QueueTrigger(WorkQueues.CheckpointScheduling, Connection = "AzureWebJobsStorage")] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        await work.RunAsync(WorkQueues.CheckpointScheduling, message, context.BindingContext.BindingData, async caseId =>
        {
            var started = await monitoring.ScheduleAsync(caseId, cancellationToken);
            logger.LogInformation("Checkpoints of case {CaseId}: {Outcome}", caseId.Value, started ? "scheduled" : "already scheduled");
        });

    /// <summary>Hourly by default; the schedule is the app setting MonitoringDeadlineSchedule.</summary>
    [Function("MonitoringDeadlineJob")]
    public async Task RunDeadlineJob([TimerTrigger("%MonitoringDeadlineSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await deadlines.RunAsync(cancellationToken);
        // Also the "deadline job ran" signal of the alert in infra/ (with the metric reintegration.deadline_job.runs).
        logger.LogInformation("Deadline job read {Cases} cases, raised {Alerts} alerts, saw {Overdue} overdue checkpoints, queued {Deliveries} deliveries and {Scheduling} schedulings",
            run.CasesRead, run.AlertsRaised, run.OverdueCheckpoints, run.DeliveriesQueued, run.SchedulingQueued);
    }

    [Function("DeliverNotifications")]
    public async Task DeliverNotifications(
        [QueueTrigger(WorkQueues.NotificationDelivery, Connection = "AzureWebJobsStorage")] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        await work.RunAsync(WorkQueues.NotificationDelivery, message, context.BindingContext.BindingData, async caseId =>
        {
            var sent = await delivery.DeliverAsync(caseId, cancellationToken);
            logger.LogInformation("Delivered {Count} notifications of case {CaseId}", sent, caseId.Value);
        });
}
