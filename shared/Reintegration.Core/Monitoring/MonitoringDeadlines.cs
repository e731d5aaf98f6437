using Microsoft.Extensions.Options;
using Reintegration.Core.Cases;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Observability;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Time;

namespace Reintegration.Core.Monitoring;

/// <summary>
/// The deadline job: records the reminders, overdue alerts and escalations each checkpoint calls
/// for today (in the case, with the change), then hands the case to delivery. It also re-drives
/// what an outage left behind: undelivered notifications and unscheduled checkpoints.
/// </summary>
public sealed class MonitoringDeadlines(
    ICaseStore cases,
    IReferenceDataStore referenceData,
    SystemCaseChanges system,
    IWorkQueue queue,
    IOptions<MonitoringWindows> windows,
    ProgrammeClock clock,
    ProgrammeMetrics metrics)
{
    private static readonly TimeSpan RedeliveryAfter = TimeSpan.FromMinutes(10);

    public async Task<DeadlineRun> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var grace = (await referenceData.PhasesAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.GracePeriodDays);
        var run = new DeadlineRun();
        await foreach (var @case in cases.NeedingMonitoringAttentionAsync(today.AddDays(windows.Value.ReminderDays), cancellationToken))
        {
            run.CasesRead++;
            if (@case.Status == CaseStatus.Arrived)
            {
                await queue.EnqueueAsync(WorkQueues.CheckpointScheduling, new CaseWork(@case.Id), cancellationToken);
                run.SchedulingQueued++;
                continue;
            }
            var graceDays = grace.GetValueOrDefault(@case.PhaseId);
            if (@case.Status == CaseStatus.Monitoring)
            {
                run.OverdueCheckpoints += @case.Checkpoints.Count(c =>
                    CheckpointClock.StatusOn(c, today, graceDays, windows.Value) == CheckpointStatus.Overdue);
            }
            var raised = 0;
            if (@case.RaiseAlerts(clock.Now, today, graceDays, windows.Value) > 0)
            {
                (_, raised) = await system.ChangeAsync(CaseId.From(@case.Id),
                    c => c.RaiseAlerts(clock.Now, today, graceDays, windows.Value), count => count > 0, cancellationToken);
                run.AlertsRaised += raised;
            }
            // New alerts go out now; older undelivered ones (an outage) are re-driven, not queued again on every run.
            if (raised > 0 || @case.PendingNotifications.Any(n => n.CreatedAt < clock.Now - RedeliveryAfter))
            {
                await queue.EnqueueAsync(WorkQueues.NotificationDelivery, new CaseWork(@case.Id), cancellationToken);
                run.DeliveriesQueued++;
            }
        }
        metrics.RecordAlertsRaised(run.AlertsRaised);
        metrics.RecordDeadlineRun(run.OverdueCheckpoints);
        return run;
    }
}

/// <summary>What one run of the deadline job did (logged; the benchmark reads <see cref="CasesRead"/>).</summary>
public sealed class DeadlineRun
{
    public int CasesRead { get; set; }
    public int AlertsRaised { get; set; }
    public int DeliveriesQueued { get; set; }
    public int SchedulingQueued { get; set; }

    /// <summary>Open checkpoints of the cases read that are past their due date and grace period.</summary>
    public int OverdueCheckpoints { get; set; }
}
