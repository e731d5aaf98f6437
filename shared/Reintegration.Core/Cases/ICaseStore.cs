using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Cases;

/// <summary>Where cases are kept. Writes are conditional on the version read.</summary>
public interface ICaseStore
{
    Task<Versioned<Case>?> FindAsync(CaseId caseId, CancellationToken cancellationToken);

    /// <summary>Creates the case; answers null when a case with its id already exists.</summary>
    Task<Versioned<Case>?> TryCreateAsync(Case @case, CancellationToken cancellationToken);

    /// <summary>Replaces the case if it is still at <paramref name="ifMatch"/>; otherwise throws StaleVersionException.</summary>
    Task<Versioned<Case>> ReplaceAsync(Case @case, string ifMatch, CancellationToken cancellationToken);

    Task<Page<Versioned<Case>>> ListAsync(CaseScope scope, CaseFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Cases in the scope that wait for something, the longest waiting first.</summary>
    Task<IReadOnlyList<Case>> WaitingAsync(CaseScope scope, WaitingFor waitingFor, int max, CancellationToken cancellationToken);

    /// <summary>
    /// What the deadline job must look at, through indexed fields only: cases in monitoring with a
    /// checkpoint due by <paramref name="dueBy"/>, cases with undelivered notifications, and arrived
    /// cases whose checkpoints are not scheduled yet. Never all cases.
    /// </summary>
    IAsyncEnumerable<Case> NeedingMonitoringAttentionAsync(DateOnly dueBy, CancellationToken cancellationToken);

    /// <summary>
    /// What the retention job must do, through indexed fields only, the longest ended first: cases holding personal
    /// data that ended by <paramref name="personalDataEndedBy"/>, cases holding financial files that ended by
    /// <paramref name="financialRecordsEndedBy"/>, and erasures that stopped half-way. Never all cases.
    /// </summary>
    IAsyncEnumerable<Case> DueForRetentionAsync(DateOnly personalDataEndedBy, DateOnly financialRecordsEndedBy,
        CancellationToken cancellationToken);
}

/// <summary>What a case waits for: to leave a status, or for its submitted plan to be decided.</summary>
public abstract record WaitingFor
{
    private WaitingFor() { }

    public sealed record LeavingStatus(CaseStatus Status) : WaitingFor;

    public sealed record PlanDecision : WaitingFor;

    /// <summary>In monitoring with an open checkpoint due by the given day.</summary>
    public sealed record CheckpointDueBy(DateOnly Day) : WaitingFor;

    /// <summary>Open cases held by one of these partners (the deactivated ones): they wait for another partner.</summary>
    public sealed record HeldByPartners(IReadOnlyList<string> PartnerIds) : WaitingFor;
}

public sealed record CaseFilter(CaseStatus? Status, string? CountryOfReturn);

public sealed record PageRequest(int Size, string? ContinuationToken)
{
    public const int DefaultSize = 25;
    public const int MaxSize = 100;
}
