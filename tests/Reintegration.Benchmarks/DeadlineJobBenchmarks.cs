using BenchmarkDotNet.Attributes;
using Reintegration.Core.Monitoring;

namespace Reintegration.Benchmarks;

/// <summary>
/// The deadline job (<see cref="MonitoringDeadlines.RunAsync"/>) over the app's real registrations and the local
/// stand-ins, with <see cref="Cases"/> cases of which always <see cref="DeadlineCases.Due"/> call for an alert
/// (30 reminders, 10 overdue, 10 escalations); the rest are monitored cases with nothing due for 9 days or more,
/// and a tenth are closed.
/// </summary>
[MemoryDiagnoser]
public class DeadlineJobBenchmarks
{
    private DeadlineFixture? _fixture;
    private DeadlineRun? _lastRun;

    [Params(1_000, 10_000)]
    public int Cases { get; set; }

    private DeadlineFixture Fixture => _fixture ?? throw new InvalidOperationException("Not set up.");

    /// <summary>
    /// The hourly run once today's alerts are recorded and delivered: it reads the due cases and finds nothing new.
    /// This is what almost every run of the job does.
    /// </summary>
    [Benchmark]
    public async Task<DeadlineRun> SteadyState() => _lastRun = await Fixture.Job.RunAsync(CancellationToken.None);

    /// <summary>
    /// The first run after the due cases come into their windows: it records 50 alerts (a read and a conditional write
    /// per case) and queues 50 deliveries. The due cases are put back before every iteration (not timed).
    /// </summary>
    [Benchmark]
    public async Task<DeadlineRun> RaisingAlerts() => _lastRun = await Fixture.Job.RunAsync(CancellationToken.None);

    [GlobalSetup(Target = nameof(SteadyState))]
    public void SetUpSteadyState() => Task.Run(async () =>
    {
        _fixture = await DeadlineFixture.StartAsync(Cases);
        // Today's alerts are recorded and delivered (as the delivery function does), so nothing is new or pending.
        var first = await Fixture.Job.RunAsync(CancellationToken.None);
        Expect(first.AlertsRaised == DeadlineCases.Due, $"the first run raised {first.AlertsRaised} alerts");
        await Fixture.MarkAllSentAsync();
        var probe = await Probe.RunAsync(nameof(SteadyState), Cases, Fixture);
        Probe.Write(probe);
        Expect(probe is { CasesRead: DeadlineCases.Due, AlertsRaised: 0, DeliveriesQueued: 0 }, Probe.Describe(probe));
    }).GetAwaiter().GetResult();

    [GlobalSetup(Target = nameof(RaisingAlerts))]
    public void SetUpRaisingAlerts() => Task.Run(async () =>
    {
        _fixture = await DeadlineFixture.StartAsync(Cases);
        // One run to warm up (first use of the queues and connections), then the probe on the reset cases, as an iteration sees them.
        await Fixture.Job.RunAsync(CancellationToken.None);
        await Fixture.ResetDueCasesAsync();
        var probe = await Probe.RunAsync(nameof(RaisingAlerts), Cases, Fixture);
        Probe.Write(probe);
        Expect(probe is { CasesRead: DeadlineCases.Due, AlertsRaised: DeadlineCases.Due, DeliveriesQueued: DeadlineCases.Due },
            Probe.Describe(probe));
    }).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(RaisingAlerts))]
    public void ResetDueCases() => Task.Run(() => Fixture.ResetDueCasesAsync()).GetAwaiter().GetResult();

    /// <summary>Every iteration must have done what its benchmark says; a run that did something else is an error, not a figure.</summary>
    [IterationCleanup]
    public void CheckLastRun()
    {
        if (_lastRun is not { } run)
        {
            return;
        }
        var raisingAlerts = run.AlertsRaised > 0;
        Expect(run.CasesRead == DeadlineCases.Due && run.SchedulingQueued == 0
            && (raisingAlerts
                ? run.AlertsRaised == DeadlineCases.Due && run.DeliveriesQueued == DeadlineCases.Due
                : run.DeliveriesQueued == 0),
            $"a run read {run.CasesRead} cases, raised {run.AlertsRaised} alerts and queued {run.DeliveriesQueued} deliveries");
        _lastRun = null;
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        if (_fixture is { } fixture)
        {
            Task.Run(() => fixture.DisposeAsync().AsTask()).GetAwaiter().GetResult();
            _fixture = null;
        }
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The deadline benchmark is not measuring what it says: {what}.");
        }
    }
}
