namespace Reintegration.Core.Reports;

/// <summary>
/// The projection as this instance last read it. A request costs one read of the state; the figures are read again
/// only when the job has changed them since.
/// </summary>
public sealed class ReportFigures(IReportFiguresStore store)
{
    private readonly SemaphoreSlim reload = new(1, 1);
    private Snapshot current = new(new ProjectionState(DateTimeOffset.MinValue, 0, -1), []);

    public async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var state = await store.StateAsync(cancellationToken) ?? new ProjectionState(DateTimeOffset.MinValue, 0, 0);
        if (state.Version == current.State.Version)
        {
            return current = current with { State = state };
        }
        await reload.WaitAsync(cancellationToken);
        try
        {
            if (state.Version != current.State.Version)
            {
                current = new Snapshot(state, await store.AllAsync(cancellationToken));
            }
            return current with { State = state };
        }
        finally
        {
            reload.Release();
        }
    }

    public sealed record Snapshot(ProjectionState State, IReadOnlyList<CaseFigures> Cases);
}
