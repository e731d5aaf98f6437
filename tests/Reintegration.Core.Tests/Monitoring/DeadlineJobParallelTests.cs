using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Reintegration.Core.Cases;
using Reintegration.Core.Gate;
using Reintegration.Core.Monitoring;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Tests.Cases;

namespace Reintegration.Core.Tests.Monitoring;

/// <summary>The deadline job works on due cases in parallel, bounded, and still records each alert once.</summary>
public class DeadlineJobParallelTests
{
    private const int DueCases = 40;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Three days before the first checkpoint (one month after arrival): every case is reminded.</summary>
    private static readonly DateTimeOffset ReminderDay = TestData.Now.AddMonths(1).AddDays(-3);

    private readonly SharedCaseStore store = new();

    private static string IdOf(int number) => $"00000000-0000-4000-8000-{number:D12}";
    private readonly RecordingQueue queue = new();

    public DeadlineJobParallelTests()
    {
        for (var i = 1; i <= DueCases; i++)
        {
            var @case = CaseJourney.In(CaseStatus.Arrived, IdOf(i));
            Assert.True(@case.StartMonitoring(TestData.Now, [1, 3, 6, 12]));
            store.Add(@case);
        }
    }

    private MonitoringDeadlines Job(int parallelism) => new(store, new InMemoryReferenceData(ReferenceDataSeed.Load()),
        new SystemCaseChanges(store), queue, Options.Create(new MonitoringWindows()),
        Options.Create(new DeadlineJobOptions { DeadlineParallelism = parallelism }), TestData.Clock(ReminderDay), new Observability.ProgrammeMetrics());

    [Fact]
    public async Task Two_runs_at_once_record_each_alert_once_and_queue_each_delivery_once()
    {
        var runs = await Task.WhenAll(Job(8).RunAsync(Cancel), Job(8).RunAsync(Cancel));

        Assert.Equal(DueCases, runs.Sum(r => r.AlertsRaised));
        Assert.Equal(DueCases, store.Writes);
        for (var i = 1; i <= DueCases; i++)
        {
            var @case = (await store.FindAsync(Ids.CaseId.From(IdOf(i)), Cancel))!.Value;
            Assert.Equal(AlertKind.Reminder, Assert.Single(@case.PendingNotifications).Kind);
        }
        Assert.Equal(Enumerable.Range(1, DueCases).Select(IdOf).Order(),
            queue.Sent.Where(s => s.Queue == WorkQueues.NotificationDelivery).Select(s => s.CaseId).Order());
    }

    [Fact]
    public async Task The_job_works_on_as_many_cases_at_once_as_configured_and_no_more()
    {
        const int parallelism = 3;
        var allIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first reads wait until three are in flight: a job working one case at a time would never get there.
        store.BeforeRead = inFlight =>
        {
            if (inFlight >= parallelism)
            {
                allIn.TrySetResult();
            }
            return allIn.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        };

        var run = await Job(parallelism).RunAsync(Cancel);

        Assert.Equal(DueCases, run.AlertsRaised);
        Assert.Equal(parallelism, store.MostInFlight);
    }

    private sealed class RecordingQueue : IWorkQueue
    {
        public ConcurrentBag<(string Queue, string CaseId)> Sent { get; } = [];

        public Task EnqueueAsync(string queueName, CaseWork work, CancellationToken cancellationToken)
        {
            Sent.Add((queueName, work.CaseId));
            return Task.CompletedTask;
        }
    }
}
