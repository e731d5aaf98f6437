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
/// <paramref name="Position"/>: the latest change stamp read; the next run reads from it again, as more changes may
/// carry the same stamp. <paramref name="Boundary"/>: the cases read with that stamp and a hash of their figures, so
/// reading them again changes nothing.
/// <paramref name="Version"/>: counts the runs that changed figures, so readers reload only then.
/// </summary>
public sealed record ProjectionState(DateTimeOffset ComputedAt, long Position, long Version)
{
    public IReadOnlyDictionary<string, string> Boundary { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Cases changed at or after a change stamp (which rises with every write, but several writes may share one): the
/// job's way to read only what changed.
/// </summary>
public interface ICaseChanges
{
    IAsyncEnumerable<(Case Case, long Stamp)> SinceAsync(long stamp, CancellationToken cancellationToken);
}
