using System.Diagnostics;

namespace Reintegration.Benchmarks;

/// <summary>
/// A closed-loop load: <c>connections</c> workers each send the next request as soon as the last one is answered, for a
/// warm-up and then a measured period. Every measured request's latency is kept, so p50 and p99 are exact.
/// </summary>
internal static class LoadRun
{
    /// <param name="operation">One request; the argument is a running number for choosing ids. False counts as an error.</param>
    public static async Task<LoadResult> RunAsync(string name, int connections, TimeSpan warmUp, TimeSpan measured,
        Func<long, Task<bool>> operation)
    {
        long sequence = 0;
        var warmUpUntil = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = warmUpUntil + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        var errors = 0;
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(4096);
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= measureUntil)
                {
                    return latencies;
                }
                bool ok;
                try
                {
                    ok = await operation(Interlocked.Increment(ref sequence));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Microsoft.Azure.Cosmos.CosmosException)
                {
                    ok = false;
                }
                var end = Stopwatch.GetTimestamp();
                // A request counts in the measured period when it started in it; the period's end waits for the last ones.
                if (start >= warmUpUntil)
                {
                    if (ok)
                    {
                        latencies.Add(end - start);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }
        })).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).Order().ToArray();
        var elapsed = TimeSpan.FromSeconds((double)(Math.Max(Stopwatch.GetTimestamp(), measureUntil) - warmUpUntil) / Stopwatch.Frequency);
        return new LoadResult(name, all.Length, errors, all.Length / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static TimeSpan Percentile(long[] sorted, double p) =>
        sorted.Length == 0
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds((double)sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)] / Stopwatch.Frequency);
}

/// <param name="Completed">Successful requests in the measured period.</param>
/// <param name="Errors">Requests that failed or were not answered as expected in the measured period.</param>
/// <param name="PerSecond">Successful requests per second.</param>
internal sealed record LoadResult(string Name, int Completed, int Errors, double PerSecond, TimeSpan P50, TimeSpan P99);
