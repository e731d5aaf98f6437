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
    public async Task<ProjectionRun> RunAsync(CancellationToken cancellationToken)
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
