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
        var position = state.Position;
        await foreach (var (@case, at) in changes.SinceAsync(state.Position, cancellationToken))
        {
            changed[@case.Id] = CaseFigures.Of(@case, ProgrammeClock.DefaultZone);
            position = Math.Max(position, at);
        }
        var version = changed.Count > 0 ? state.Version + 1 : state.Version;
        await store.SaveAsync(changed.Values.ToList(), new ProjectionState(startedAt, position, version), cancellationToken);
        return new ProjectionRun(changed.Count, version);
    }
}

public sealed record ProjectionRun(int CasesUpdated, long Version);
