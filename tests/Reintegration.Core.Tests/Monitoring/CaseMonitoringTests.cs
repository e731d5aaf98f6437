using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Tests.Cases;

namespace Reintegration.Core.Tests.Monitoring;

public class CaseMonitoringTests
{
    private static readonly MonitoringWindows Windows = new();
    private static readonly DateTimeOffset Now = TestData.Now;

    private static Case Monitored()
    {
        var c = CaseJourney.In(CaseStatus.Arrived);
        Assert.True(c.StartMonitoring(Now, [1, 3, 6, 12]));
        return c;
    }

    [Fact]
    public void Starting_monitoring_twice_schedules_once()
    {
        var c = Monitored();
        Assert.False(c.StartMonitoring(Now.AddHours(1), [1, 3, 6, 12]));
        Assert.Equal(4, c.Checkpoints.Count);
        Assert.Single(c.Timeline, t => t.Action == "start-monitoring");
        Assert.Equal(CaseJourney.Today.AddMonths(1), c.NextDueOn);
    }

    [Fact]
    public void Each_alert_is_recorded_once_per_checkpoint_and_kind_however_often_the_job_runs()
    {
        var c = Monitored();
        var reminderDay = CaseJourney.Today.AddMonths(1).AddDays(-3);
        Assert.Equal(1, c.RaiseAlerts(Now, reminderDay, 14, Windows));
        Assert.Equal(0, c.RaiseAlerts(Now, reminderDay, 14, Windows));
        Assert.Equal(0, c.RaiseAlerts(Now, reminderDay.AddDays(1), 14, Windows));
        var pending = Assert.Single(c.PendingNotifications);
        Assert.Equal(("partner-gh-1", AlertKind.Reminder, $"case-1/m1/Reminder/{reminderDay:yyyyMMdd}"),
            (pending.PartnerId, pending.Kind, pending.MessageId));
        Assert.True(c.HasPendingNotifications);

        c.MarkSent([pending.MessageId], Now);
        Assert.False(c.HasPendingNotifications);
        Assert.Equal(1, c.RaiseAlerts(Now, reminderDay.AddDays(20), 14, Windows));
        Assert.Equal(AlertKind.Overdue, c.PendingNotifications.Single().Kind);
    }

    [Fact]
    public void Escalations_go_to_the_referring_organisation_and_the_partner_who_must_still_report_is_told()
    {
        var c = Monitored();
        c.RaiseAlerts(Now, CaseJourney.Today.AddMonths(1).AddDays(30), 14, Windows);
        var escalation = Assert.Single(c.PendingNotifications);
        Assert.Equal((AlertKind.Escalation, "partner-gh-1", "org-ref-demo"), (escalation.Kind, escalation.PartnerId, escalation.OrganisationId));
    }

    [Fact]
    public void A_report_closes_its_checkpoint_drops_its_undelivered_alerts_and_moves_the_next_due_date()
    {
        var c = Monitored();
        var late = CaseJourney.Today.AddMonths(1).AddDays(1);
        c.RaiseAlerts(Now, late, 14, Windows);
        c.SubmitReport(CaseJourney.Partner, Now, late, "m1", Reports.Sample());

        Assert.True(c.Checkpoints[0].SubmittedLate);
        Assert.Empty(c.PendingNotifications);
        Assert.Equal(CaseJourney.Today.AddMonths(3), c.NextDueOn);
        Assert.Throws<ConflictException>(() => c.SubmitReport(CaseJourney.Partner, Now, late, "m1", Reports.Sample()));
        Assert.Throws<NotFoundException>(() => c.SubmitReport(CaseJourney.Partner, Now, late, "m2", Reports.Sample()));
    }

    [Fact]
    public void Completed_only_after_every_checkpoint_is_reported_or_waived_and_closing_stops_monitoring()
    {
        var c = Monitored();
        Assert.Throws<RuleViolationException>(() => c.Close(CaseJourney.Coordinator, Now, CaseOutcome.Completed, "x"));
        c.SubmitReport(CaseJourney.Partner, Now, CaseJourney.Today, "m1", Reports.Sample());
        foreach (var id in new[] { "m3", "m6", "m12" })
        {
            c.WaiveCheckpoint(CaseJourney.Coordinator, Now, id, "Not reachable.");
        }
        Assert.Null(c.NextDueOn);
        c.Close(CaseJourney.Coordinator, Now, CaseOutcome.Completed, "Done.");
        Assert.Equal(CaseOutcome.Completed, c.Outcome);
        Assert.Equal(0, c.RaiseAlerts(Now, CaseJourney.Today.AddYears(2), 14, Windows));
    }
}
