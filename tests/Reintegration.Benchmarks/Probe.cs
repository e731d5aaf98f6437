using System.Diagnostics;
using System.Text.Json;
using Reintegration.Core.Monitoring;

namespace Reintegration.Benchmarks;

/// <summary>
/// What one run of the deadline job did, besides its time: what it read and wrote in Cosmos DB, as the SDK reports
/// it, and what it enqueued. Taken once per benchmark case in its global setup (BenchmarkDotNet runs each case in
/// a process of its own) and written to a file that the summary's extra columns read.
/// </summary>
public sealed record ProbeResult
{
    public required string Benchmark { get; init; }
    public required int Cases { get; init; }
    public required int DueCases { get; init; }
    public required double StandInsStartSeconds { get; init; }
    public required double InsertSeconds { get; init; }
    public required double RunMilliseconds { get; init; }
    public required int CasesRead { get; init; }
    public required int AlertsRaised { get; init; }
    public required int DeliveriesQueued { get; init; }
    public required int Enqueued { get; init; }
    /// <summary>Query pages (requests) against the cases container.</summary>
    public required int CaseQueryPages { get; init; }
    /// <summary>Documents those queries returned: what the job read from the cases container by query.</summary>
    public required int CaseQueryDocuments { get; init; }
    /// <summary>Time of those query requests (send to response headers): mostly the server's query.</summary>
    public required double CaseQueryMilliseconds { get; init; }
    /// <summary>Bytes of those query responses.</summary>
    public required long CaseQueryBytes { get; init; }
    public required int PointReads { get; init; }
    public required int Writes { get; init; }
    /// <summary>Every Cosmos DB request of the run (reference data query included).</summary>
    public required int Requests { get; init; }
    /// <summary>Request units as the server reported them; the stand-in answers 1 for every request, so this is not real RU.</summary>
    public required double RequestCharge { get; init; }
    public required string Operations { get; init; }
}

internal static class Probe
{
    /// <summary>Where probe results go; set by Program for the benchmark processes it starts.</summary>
    public const string DirectoryVariable = "REINTEGRATION_BENCHMARK_PROBES";

    public static string Directory =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } directory
            ? directory
            : Path.Combine(Path.GetTempPath(), "reintegration-benchmark-probes");

    /// <summary>Runs the job once with the Cosmos DB operations recorded.</summary>
    public static async Task<ProbeResult> RunAsync(string benchmark, int cases, DeadlineFixture fixture)
    {
        var enqueuedBefore = fixture.Queue.Enqueued;
        DeadlineRun run;
        IReadOnlyList<CosmosOperation> operations;
        var watch = Stopwatch.StartNew();
        using (var recorder = new CosmosOperations())
        {
            run = await fixture.Job.RunAsync(CancellationToken.None);
            watch.Stop();
            operations = recorder.Operations;
        }
        if (Environment.GetEnvironmentVariable("REINTEGRATION_BENCHMARK_TRACE") == "1")
        {
            foreach (var operation in operations)
            {
                Console.WriteLine($"// {operation}");
            }
        }
        var caseQueries = operations.Where(o => o.IsQuery && o.Container == "cases").ToList();
        return new ProbeResult
        {
            Benchmark = benchmark,
            Cases = cases,
            DueCases = fixture.Population.Due.Count,
            StandInsStartSeconds = fixture.StandInsStart.TotalSeconds,
            InsertSeconds = fixture.Insert.TotalSeconds,
            RunMilliseconds = watch.Elapsed.TotalMilliseconds,
            CasesRead = run.CasesRead,
            AlertsRaised = run.AlertsRaised,
            DeliveriesQueued = run.DeliveriesQueued,
            Enqueued = fixture.Queue.Enqueued - enqueuedBefore,
            CaseQueryPages = caseQueries.Count,
            CaseQueryDocuments = caseQueries.Sum(o => o.ItemCount),
            CaseQueryBytes = caseQueries.Sum(o => o.ResponseBytes),
            CaseQueryMilliseconds = caseQueries.Sum(o => o.Duration.TotalMilliseconds),
            PointReads = operations.Count(o => o.IsPointRead),
            Writes = operations.Count(o => o.IsWrite),
            Requests = operations.Count,
            RequestCharge = operations.Sum(o => o.RequestCharge),
            Operations = string.Join("; ", operations.GroupBy(o => $"{o.Kind} {o.Container}")
                .Select(g => $"{g.Key} x{g.Count()} ({g.Sum(o => o.ItemCount)} docs)")),
        };
    }

    public static void Write(ProbeResult result)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(PathOf(result.Benchmark, result.Cases), JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"// Probe {result.Benchmark} N={result.Cases}: {Describe(result)}");
    }

    public static ProbeResult? Read(string benchmark, int cases)
    {
        var path = PathOf(benchmark, cases);
        return File.Exists(path) ? JsonSerializer.Deserialize<ProbeResult>(File.ReadAllText(path)) : null;
    }

    public static string Describe(ProbeResult r) =>
        $"casesRead={r.CasesRead} alerts={r.AlertsRaised} deliveriesQueued={r.DeliveriesQueued} enqueued={r.Enqueued} "
        + $"caseQueryPages={r.CaseQueryPages} caseQueryDocs={r.CaseQueryDocuments} caseQueryKB={r.CaseQueryBytes / 1024.0:0} caseQueryMs={r.CaseQueryMilliseconds:0.0} pointReads={r.PointReads} writes={r.Writes} "
        + $"requests={r.Requests} charge={r.RequestCharge:0.##} run={r.RunMilliseconds:0.0}ms "
        + $"standIns={r.StandInsStartSeconds:0.0}s insert={r.InsertSeconds:0.0}s [{r.Operations}]";

    private static string PathOf(string benchmark, int cases) => Path.Combine(Directory, $"{benchmark}-{cases}.json");
}
