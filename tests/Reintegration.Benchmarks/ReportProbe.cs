using System.Diagnostics;
using Reintegration.Core.Access;
using Reintegration.Core.Reports;

namespace Reintegration.Benchmarks;

/// <summary>
/// A quick measurement of <see cref="ReportBenchmarks"/> without BenchmarkDotNet: one process, one fixture per size,
/// a few timed runs of each, printed with the median. For the README when the full benchmark takes too long.
/// </summary>
internal static class ReportProbe
{
    private const int Runs = 7;
    private static readonly Caller Coordinator = new("bench-coordinator", Role.Coordinator, "org-coordination");

    public static async Task RunAsync(int size)
    {
        await using var fixture = await ReportFixture.StartAsync(size);
        Console.WriteLine($"N={size}: insert {fixture.Insert.TotalSeconds:0.0} s, first projection run {fixture.FirstProjection.TotalSeconds:0.0} s");
        var today = fixture.Clock.Today;
        var quarter = new ReportQuery(today.AddMonths(-9), today);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await fixture.Job.RunAsync(CancellationToken.None);
        await fixture.Job.RunAsync(CancellationToken.None);

        await Report("quarterly report, figures held", () => fixture.Reports.ReportAsync(Coordinator, "quarterly", quarter, CancellationToken.None));
        await Report("quarterly report, figures read first", () =>
            new ProgrammeReports(new ReportFigures(fixture.Store), fixture.Options).ReportAsync(Coordinator, "quarterly", quarter, CancellationToken.None));
        await Job("job, no case changed", async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1.1));
            await fixture.Job.RunAsync(CancellationToken.None);
        }, fixture, 0);
        var change = 0;
        await Job("job, one case changed", async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1.1));
            await fixture.ChangeOneCaseAsync(change++);
        }, fixture, 1);
    }

    private static async Task Report(string what, Func<Task<FigureReport>> request)
    {
        await request();
        var times = new List<double>();
        long allocated = 0;
        for (var i = 0; i < Runs; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var report = await request();
            times.Add(watch.Elapsed.TotalMilliseconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (report.Tables.Count == 0)
            {
                throw new InvalidOperationException("No tables.");
            }
        }
        Console.WriteLine($"  {what}: median {Median(times):0.0} ms (min {times.Min():0.0}, max {times.Max():0.0}), ~{allocated / 1024.0 / 1024.0:0.0} MB allocated in the process (the request and anything running beside it)");
    }

    private static async Task Job(string what, Func<Task> before, ReportFixture fixture, int expected)
    {
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            await before();
            var watch = Stopwatch.StartNew();
            var run = await fixture.Job.RunAsync(CancellationToken.None);
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (run.CasesUpdated != expected)
            {
                throw new InvalidOperationException($"{what}: updated {run.CasesUpdated} cases, expected {expected}.");
            }
        }
        Console.WriteLine($"  {what}: median {Median(times):0.0} ms (min {times.Min():0.0}, max {times.Max():0.0})");
    }

    private static double Median(List<double> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
