using Reintegration.Core.Access;
using Reintegration.Core.AccessLog;
using Reintegration.Core.Cases;
using Reintegration.Core.Gate;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.Sync;

/// <summary>
/// Listings with a delta token, and what changed since one. The token is a watermark taken before the listing was
/// read, at or before the stamp of every write not committed yet (<see cref="ICaseChanges.Watermark"/>); "changed
/// since" includes writes at the watermark, so a case can come twice, never not at all: clients keep the newer by ETag.
/// </summary>
public sealed class CaseSync(CaseGate gate, ICaseChanges changes, IAccessLog accessLog, ProgrammeClock clock)
{
    /// <summary>A page of the listing with the stamp to sync from: the one taken before its first page was read.</summary>
    public async Task<(Page<Versioned<Case>> Page, long Stamp)> ListAsync(Caller caller, CaseFilter filter, PageRequest page, long? stampOfFirstPage,
        CancellationToken cancellationToken)
    {
        var stamp = stampOfFirstPage ?? changes.Watermark();
        return (await gate.ListAsync(caller, filter, page, cancellationToken), stamp);
    }

    /// <summary>The cases changed since the stamp: those in the caller's scope now (recorded as listed) and the ids of those that left it.</summary>
    public async Task<(Page<Versioned<Case>> Page, IReadOnlyList<string> Removed, long Stamp)> ChangedSinceAsync(Caller caller, long since,
        PageRequest page, long? stampOfFirstPage, CancellationToken cancellationToken)
    {
        var scope = CasePermissions.ScopeOf(caller);
        var stamp = stampOfFirstPage ?? changes.Watermark();
        var changed = await changes.ChangedSinceAsync(scope, since, page, cancellationToken);
        var inScope = changed.Items.Where(c => CasePermissions.InScope(caller, c.Value)).ToList();
        var removed = changed.Items.Where(c => !CasePermissions.InScope(caller, c.Value)).Select(c => c.Value.Id).ToList();
        var now = clock.Now;
        await accessLog.AppendAsync(inScope.Select(c => AccessRecord.Of(caller, c.Value.Id, CasePermissions.List.Name, "changed-since", true, now)).ToList(),
            cancellationToken);
        return (new Page<Versioned<Case>>(inScope, changed.ContinuationToken), removed, stamp);
    }
}
