using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Cases;

/// <summary>Reading cases, always through the access policy.</summary>
public sealed class CaseQueries(ICaseStore cases)
{
    public async Task<Versioned<Case>> GetAsync(Caller caller, string caseId, CancellationToken cancellationToken)
    {
        var found = await cases.FindAsync(caseId, cancellationToken);
        CaseAccessPolicy.EnsureCanSee(caller, found?.Value, caseId);
        return found!;
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Caller caller, string caseId, CancellationToken cancellationToken)
    {
        var found = await cases.FindAsync(caseId, cancellationToken);
        CaseAccessPolicy.EnsureMayReadTimeline(caller, found?.Value, caseId);
        return found!.Value.Timeline;
    }

    public Task<Page<Versioned<Case>>> ListAsync(Caller caller, CaseFilter filter, PageRequest page,
        CancellationToken cancellationToken) =>
        cases.ListAsync(CaseAccessPolicy.ScopeOf(caller), filter, page, cancellationToken);
}
