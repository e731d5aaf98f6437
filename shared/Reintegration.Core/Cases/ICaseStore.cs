using Reintegration.Core.Access;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Cases;

/// <summary>Where cases are kept. Writes are conditional on the version read.</summary>
public interface ICaseStore
{
    Task<Versioned<Case>?> FindAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Creates the case; answers null when a case with its id already exists.</summary>
    Task<Versioned<Case>?> TryCreateAsync(Case @case, CancellationToken cancellationToken);

    /// <summary>Replaces the case if it is still at <paramref name="ifMatch"/>; otherwise throws StaleVersionException.</summary>
    Task<Versioned<Case>> ReplaceAsync(Case @case, string ifMatch, CancellationToken cancellationToken);

    Task<Page<Versioned<Case>>> ListAsync(CaseScope scope, CaseFilter filter, PageRequest page, CancellationToken cancellationToken);
}

public sealed record CaseFilter(CaseStatus? Status, string? CountryOfReturn);

public sealed record PageRequest(int Size, string? ContinuationToken)
{
    public const int DefaultSize = 25;
    public const int MaxSize = 100;
}
