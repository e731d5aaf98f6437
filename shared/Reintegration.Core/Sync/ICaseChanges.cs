using Reintegration.Core.Cases;
using Reintegration.Core.Gate;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Sync;

/// <summary>
/// What changed in a scope, by the store's own change stamp (Cosmos DB's <c>_ts</c>: the second of the last write,
/// by the store's clock; the programme's clock never enters into it).
/// </summary>
public interface ICaseChanges
{
    /// <summary>
    /// A stamp at or before the stamp of every write not committed yet: what a listing's delta token holds, taken before
    /// the listing is read. It costs no read.
    /// </summary>
    long Watermark();

    /// <summary>
    /// Cases written at or after the stamp that have ever been in the scope (see <see cref="Case.ScopeHistory"/>):
    /// those in it now, and those that left it. Served by the index of the stamp and of the scope history.
    /// </summary>
    Task<Page<Versioned<Case>>> ChangedSinceAsync(CaseScope scope, long stamp, PageRequest page, CancellationToken cancellationToken);
}
