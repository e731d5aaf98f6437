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
/// <remarks>
/// Due cases are worked on <see cref="DeadlineJobOptions.DeadlineParallelism"/> at a time. Each case is still changed
/// exactly once per alert: the alert is recorded by a conditional write on the version read (a lost race is redone on
/// the fresh version, where the alert is already there), and the query returns each case once.
/// </remarks>
public sealed class MonitoringDeadlines(
    ICaseStore cases,
    IReferenceDataStore referenceData,
    SystemCaseChanges system,
    IWorkQueue queue,
    IOptions<MonitoringWindows> windows,
    IOptions<DeadlineJobOptions> options,
    ProgrammeClock clock,
    ProgrammeMetrics metrics)
{
    private static readonly TimeSpan RedeliveryAfter = TimeSpan.FromMinutes(10);

    public async Task<DeadlineRun> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var grace = (await referenceData.PhasesAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.GracePeriodDays);
        var run = new DeadlineRun();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.DeadlineParallelism, CancellationToken = cancellationToken };
        var due = cases.NeedingMonitoringAttentionAsync(today.AddDays(windows.Value.ReminderDays), cancellationToken);
        await Parallel.ForEachAsync(due, parallel, async (@case, ct) =>
        {
            run.ReadOne();
            if (@case.Status == CaseStatus.Arrived)
            {
                await queue.EnqueueAsync(WorkQueues.CheckpointScheduling, new CaseWork(@case.Id), ct);
                run.QueuedScheduling();
                return;
            }
            var graceDays = grace.GetValueOrDefault(@case.PhaseId);
            if (@case.Status == CaseStatus.Monitoring)
            {
                run.Overdue(@case.Checkpoints.Count(c =>
                    CheckpointClock.StatusOn(c, today, graceDays, windows.Value) == CheckpointStatus.Overdue));
            }
            var raised = 0;
            if (@case.RaiseAlerts(clock.Now, today, graceDays, windows.Value) > 0)
            {
                (_, raised) = await system.ChangeAsync(CaseId.From(@case.Id),
                    c => c.RaiseAlerts(clock.Now, today, graceDays, windows.Value), count => count > 0, ct);
                run.Raised(raised);
            }
            // New alerts go out now; older undelivered ones (an outage) are re-driven, not queued again on every run.
            if (raised > 0 || @case.PendingNotifications.Any(n => n.CreatedAt < clock.Now - RedeliveryAfter))
            {
                await queue.EnqueueAsync(WorkQueues.NotificationDelivery, new CaseWork(@case.Id), ct);
                run.QueuedDelivery();
            }
        });
        metrics.RecordAlertsRaised(run.AlertsRaised);
        metrics.RecordDeadlineRun(run.OverdueCheckpoints);
        return run;
    }
}

/// <summary>What one run of the deadline job did (logged; the benchmark reads <see cref="CasesRead"/>). Counted from parallel work.</summary>
public sealed class DeadlineRun
{
    private int _casesRead;
    private int _alertsRaised;
    private int _deliveriesQueued;
    private int _schedulingQueued;

    public int CasesRead => Volatile.Read(ref _casesRead);
    public int AlertsRaised => Volatile.Read(ref _alertsRaised);
    public int DeliveriesQueued => Volatile.Read(ref _deliveriesQueued);
    public int SchedulingQueued => Volatile.Read(ref _schedulingQueued);

    private int _overdueCheckpoints;

    /// <summary>Open checkpoints of the cases read that are past their due date and grace period.</summary>
    public int OverdueCheckpoints => Volatile.Read(ref _overdueCheckpoints);

    internal void ReadOne() => Interlocked.Increment(ref _casesRead);
    internal void Raised(int alerts) => Interlocked.Add(ref _alertsRaised, alerts);
    internal void QueuedDelivery() => Interlocked.Increment(ref _deliveriesQueued);
    internal void QueuedScheduling() => Interlocked.Increment(ref _schedulingQueued);
    internal void Overdue(int checkpoints) => Interlocked.Add(ref _overdueCheckpoints, checkpoints);
}
