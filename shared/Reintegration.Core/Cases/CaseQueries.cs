using Reintegration.Core.Access;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;

namespace Reintegration.Core.Cases;

/// <summary>Reading cases, always through the gate.</summary>
public sealed class CaseQueries(CaseGate gate)
{
    public Task<Versioned<Case>> GetAsync(Caller caller, CaseId caseId, CancellationToken cancellationToken) =>
        gate.ReadAsync(caller, caseId, CasePermissions.View, cancellationToken);

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Caller caller, CaseId caseId, CancellationToken cancellationToken) =>
        (await gate.ReadAsync(caller, caseId, CasePermissions.ReadTimeline, cancellationToken)).Value.Timeline;

    public Task<Page<Versioned<Case>>> ListAsync(Caller caller, CaseFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        gate.ListAsync(caller, filter, page, cancellationToken);
}
