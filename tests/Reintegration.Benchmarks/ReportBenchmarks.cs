using BenchmarkDotNet.Attributes;
using Reintegration.Core.Access;
using Reintegration.Core.Reports;

namespace Reintegration.Benchmarks;

/// <summary>
/// Reports (docs/reports.md) at 1,000 and 10,000 cases: one request for the quarterly report (all five reports) as
/// an instance that holds the current figures answers it, and as one that reads them first; and the report figures
/// job with no case changed and with one case changed since its last run (what a case change adds).
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private static readonly Caller Coordinator = new("bench-coordinator", Role.Coordinator, "org-coordination");
    private ReportFixture? _fixture;
    private ReportQuery? _quarter;
    private int _changes;

    [Params(1_000, 10_000)]
    public int Cases { get; set; }

    private ReportFixture Fixture => _fixture ?? throw new InvalidOperationException("Not set up.");

    /// <summary>A request to an instance that holds the current figures: one point read of the job's state, then the tables in memory.</summary>
    [Benchmark]
    public Task<FigureReport> QuarterlyReport() => Fixture.Reports.ReportAsync(Coordinator, "quarterly", _quarter!, CancellationToken.None);

    /// <summary>The first request to an instance after the figures changed: it reads every case's figures (one partition) first.</summary>
    [Benchmark]
    public Task<FigureReport> QuarterlyReportReadingFigures() =>
        new ProgrammeReports(new ReportFigures(Fixture.Store), Fixture.Options).ReportAsync(Coordinator, "quarterly", _quarter!, CancellationToken.None);

    /// <summary>The job's run when no case changed since the last: the query of changes and the state write.</summary>
    [Benchmark]
    public async Task<ProjectionRun> JobWithNoChange() => Expect(await Fixture.Job.RunAsync(CancellationToken.None), 0);

    /// <summary>The job's run after one case changed: what a case change adds is this less <see cref="JobWithNoChange"/>.</summary>
    [Benchmark]
    public async Task<ProjectionRun> JobAfterOneCaseChange() => Expect(await Fixture.Job.RunAsync(CancellationToken.None), 1);

    [GlobalSetup]
    public void SetUp() => Task.Run(async () =>
    {
        _fixture = await ReportFixture.StartAsync(Cases);
        var today = Fixture.Clock.Today;
        _quarter = new ReportQuery(today.AddMonths(-9), today);
        Console.WriteLine($"// Setup: inserted {Cases} cases in {Fixture.Insert.TotalSeconds:0.0} s; first projection run {Fixture.FirstProjection.TotalSeconds:0.0} s");
        // The writes of setup fall in the last seconds: let them settle, so the no-change runs find none.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await Fixture.Job.RunAsync(CancellationToken.None);
        await Fixture.Job.RunAsync(CancellationToken.None);
    }).GetAwaiter().GetResult();

    /// <summary>One case written again, in a second of its own, so the run after it finds exactly that one (not timed).</summary>
    [IterationSetup(Target = nameof(JobAfterOneCaseChange))]
    public void ChangeOneCase() => Task.Run(async () =>
    {
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await Fixture.ChangeOneCaseAsync(_changes++);
    }).GetAwaiter().GetResult();

    /// <summary>Before a no-change run, the previous run's last second has passed and been read again.</summary>
    [IterationSetup(Target = nameof(JobWithNoChange))]
    public void Settle() => Task.Run(async () =>
    {
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await Fixture.Job.RunAsync(CancellationToken.None);
    }).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void CleanUp() => Task.Run(async () =>
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }
    }).GetAwaiter().GetResult();

    private static ProjectionRun Expect(ProjectionRun run, int cases) =>
        run.CasesUpdated == cases ? run : throw new InvalidOperationException($"The job updated {run.CasesUpdated} cases, expected {cases}.");
}
