using Reintegration.Core.Monitoring;

namespace Reintegration.Core.Tests.Monitoring;

public class CheckpointClockTests
{
    private static readonly MonitoringWindows Windows = new() { ReminderDays = 7, EscalationDays = 14 };
    private static readonly DateOnly Due = new(2026, 6, 15);
    private const int Grace = 3;
    private static readonly Checkpoint Open = new() { Id = "m1", MonthsAfterArrival = 1, DueOn = Due };

    [Theory]
    [InlineData(-8, CheckpointStatus.Scheduled, null)]
    [InlineData(-7, CheckpointStatus.Due, AlertKind.Reminder)]
    [InlineData(0, CheckpointStatus.Due, AlertKind.Reminder)]
    [InlineData(3, CheckpointStatus.Due, AlertKind.Reminder)]
    [InlineData(4, CheckpointStatus.Overdue, AlertKind.Overdue)]
    [InlineData(17, CheckpointStatus.Overdue, AlertKind.Overdue)]
    [InlineData(18, CheckpointStatus.Overdue, AlertKind.Escalation)]
    public void Windows_open_and_close_on_the_right_days(int daysFromDue, CheckpointStatus status, AlertKind? alert)
    {
        var today = Due.AddDays(daysFromDue);
        Assert.Equal(status, CheckpointClock.StatusOn(Open, today, Grace, Windows));
        Assert.Equal(alert, CheckpointClock.AlertOn(Open, today, Grace, Windows));
    }

    [Fact]
    public void A_submitted_or_waived_checkpoint_calls_for_no_alert_and_says_whether_it_was_late()
    {
        var report = Reports.Sample();
        var late = Open with { Report = report, SubmittedLate = true };
        var waived = Open with { WaivedReason = "Moved away." };
        Assert.Equal(CheckpointStatus.Late, CheckpointClock.StatusOn(late, Due.AddDays(30), Grace, Windows));
        Assert.Equal(CheckpointStatus.Submitted, CheckpointClock.StatusOn(late with { SubmittedLate = false }, Due, Grace, Windows));
        Assert.Equal(CheckpointStatus.Waived, CheckpointClock.StatusOn(waived, Due.AddDays(30), Grace, Windows));
        Assert.Null(CheckpointClock.AlertOn(late, Due.AddDays(30), Grace, Windows));
        Assert.Null(CheckpointClock.AlertOn(waived, Due.AddDays(30), Grace, Windows));
    }

    [Fact]
    public void Checkpoints_are_due_calendar_months_after_arrival_in_order_and_without_repeats()
    {
        var schedule = CheckpointSchedule.For(new DateOnly(2026, 1, 31), [12, 1, 3, 6, 3]);
        Assert.Equal(["m1", "m3", "m6", "m12"], schedule.Select(c => c.Id));
        Assert.Equal([new DateOnly(2026, 2, 28), new DateOnly(2026, 4, 30), new DateOnly(2026, 7, 31), new DateOnly(2027, 1, 31)],
            schedule.Select(c => c.DueOn));
    }
}
