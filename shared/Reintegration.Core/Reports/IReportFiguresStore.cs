using Reintegration.Core.Cases;

namespace Reintegration.Core.Reports;

/// <summary>The report-figures projection: one <see cref="CaseFigures"/> per case and the state of the job that keeps it.</summary>
public interface IReportFiguresStore
{
    Task<ProjectionState?> StateAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseFigures>> AllAsync(CancellationToken cancellationToken);

    /// <summary>Writes the figures of the changed cases, then the state (so a run that stops half-way is done again).</summary>
    Task SaveAsync(IReadOnlyList<CaseFigures> changed, ProjectionState state, CancellationToken cancellationToken);
}

/// <summary>
/// <paramref name="ComputedAt"/>: the last run; the figures hold every case change before it.
/// <paramref name="Position"/>: where in the cases' change order the next run starts.
/// <paramref name="Version"/>: counts the runs that changed figures, so readers reload only then.
/// </summary>
public sealed record ProjectionState(DateTimeOffset ComputedAt, long Position, long Version);

/// <summary>Cases in the order they were last changed, from a position on: the job's way to read only what changed.</summary>
public interface ICaseChanges
{
    IAsyncEnumerable<(Case Case, long Position)> SinceAsync(long position, CancellationToken cancellationToken);
}
