using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.LocalHost.Timers;

namespace Reintegration.LocalHost.Tests;

/// <summary>Timer triggers run on the app's (fake) clock: the tests move it, never sleep.</summary>
public sealed class TimerTriggerTests(SampleHostFixture host)
{
    private TimerTriggerListener Listener(string function) =>
        host.Services.GetRequiredService<TimerTriggerService>().Listeners.Single(l => l.Function.Name == function);

    [Fact]
    public async Task A_timer_fires_when_the_clock_reaches_its_schedule_and_not_before()
    {
        var listener = Listener("SampleHourly");
        var due = listener.NextOccurrence;
        var before = host.Recorder.Of("SampleHourly").Count;

        host.Time.Advance(due - host.Time.GetUtcNow() - TimeSpan.FromSeconds(1));
        Assert.Equal(before, host.Recorder.Of("SampleHourly").Count);
        Assert.Equal(due, listener.NextOccurrence);

        host.Time.Advance(TimeSpan.FromSeconds(1));
        var runs = await host.Recorder.WaitForAsync("SampleHourly", before + 1);

        var timer = Assert.IsType<TimerInfo>(runs[before]);
        Assert.False(timer.IsPastDue);
        Assert.Equal(due.AddHours(1).UtcDateTime, timer.ScheduleStatus!.Next);
        Assert.Equal(due.AddHours(1), listener.NextOccurrence);
    }

    [Fact]
    public async Task Moving_the_clock_past_several_occurrences_fires_each()
    {
        var listener = Listener("SampleHourly");
        var before = host.Recorder.Of("SampleHourly").Count;

        host.Time.Advance(listener.NextOccurrence - host.Time.GetUtcNow() + TimeSpan.FromHours(1));

        await host.Recorder.WaitForAsync("SampleHourly", before + 2);
    }

    [Fact]
    public async Task A_schedule_can_come_from_an_app_setting()
    {
        var listener = Listener("SampleFromSetting");
        var due = listener.NextOccurrence;
        var before = host.Recorder.Of("SampleFromSetting").Count;

        Assert.Equal(0, due.Minute % 5);
        Assert.Equal(0, due.Second);
        host.Time.Advance(due - host.Time.GetUtcNow());

        await host.Recorder.WaitForAsync("SampleFromSetting", before + 1);
    }

    [Fact]
    public async Task RunOnStartup_runs_the_function_when_the_host_starts()
    {
        var runs = await host.Recorder.WaitForAsync("SampleOnStartup", 1);

        Assert.Equal("SampleOnStartup", runs[0]);
    }
}
