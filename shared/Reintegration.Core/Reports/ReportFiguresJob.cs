using System.Security.Cryptography;
using System.Text.Json;
using Reintegration.Core.Time;

namespace Reintegration.Core.Reports;

/// <summary>
/// Keeps the report-figures projection: each run reads only the cases changed since the last (docs/reports.md). It
/// stays out of the case write path, so a case change costs nothing more when it is made.
/// </summary>
public sealed class ReportFiguresJob(ICaseChanges changes, IReportFiguresStore store, ProgrammeClock clock)
{
    /// <summary>
    /// One run at a time in this instance: two overlapping runs read the same state and would both save its next
    /// version, and a reader that loaded the first would never see the second's figures. (In Azure the timer trigger
    /// itself runs once across instances.)
    /// </summary>
    private readonly SemaphoreSlim oneRun = new(1, 1);

    public async Task<ProjectionRun> RunAsync(CancellationToken cancellationToken)
    {
        await oneRun.WaitAsync(cancellationToken);
        try
        {
            return await RunOnceAsync(cancellationToken);
        }
        finally
        {
            oneRun.Release();
        }
    }

    private async Task<ProjectionRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        // The time is taken before reading, so every change before it is in the figures marked with it.
        var startedAt = clock.Now;
        var state = await store.StateAsync(cancellationToken) ?? new ProjectionState(DateTimeOffset.MinValue, 0, 0);
        var changed = new Dictionary<string, CaseFigures>(StringComparer.Ordinal);
        var read = new List<(string Id, long Stamp, string Hash)>();
        await foreach (var (@case, stamp) in changes.SinceAsync(state.Position, cancellationToken))
        {
            var figures = CaseFigures.Of(@case, ProgrammeClock.DefaultZone);
            var hash = Hash(figures);
            read.Add((@case.Id, stamp, hash));
            // A case of the last run's last stamp, unchanged since: read again only because stamps are coarse.
            if (stamp == state.Position && state.Boundary.TryGetValue(@case.Id, out var seen) && seen == hash)
            {
                continue;
            }
            changed[@case.Id] = figures;
        }
        var position = read.Count == 0 ? state.Position : Math.Max(state.Position, read.Max(r => r.Stamp));
        var boundary = read.Count == 0
            ? state.Boundary
            : read.Where(r => r.Stamp == position).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Last().Hash, StringComparer.Ordinal);
        var version = changed.Count > 0 ? state.Version + 1 : state.Version;
        await store.SaveAsync(changed.Values.ToList(), new ProjectionState(startedAt, position, version) { Boundary = boundary },
            cancellationToken);
        return new ProjectionRun(changed.Count, version);
    }

    private static string Hash(CaseFigures figures) =>
        Convert.ToBase64String(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(figures, ProgrammeJson.Options)))[..22];
}

public sealed record ProjectionRun(int CasesUpdated, long Version);
