using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.AccessLog;

/// <summary>The data protection officer reads who saw or changed what: per case, or across cases by actor, organisation and period.</summary>
public sealed class AccessLogQueries(CaseGate gate, IAccessLog accessLog, ProgrammeClock clock)
{
    public const string SearchOperation = "search-access-log";

    public async Task<Page<AccessRecord>> OfCaseAsync(Caller caller, CaseId caseId, PageRequest page, CancellationToken cancellationToken)
    {
        await gate.ReadAsync(caller, caseId, CasePermissions.ReadAccessLog, cancellationToken);
        return await accessLog.OfCaseAsync(caseId.Value, page, cancellationToken);
    }

    /// <summary>
    /// A search across cases answers which cases were read by whom, so it is recorded like a read: in the partition of
    /// searches, with its filter, allowed or refused, before it answers (decision 0013).
    /// </summary>
    public async Task<Page<AccessRecord>> SearchAsync(Caller caller, AccessLogFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        if (filter.From is { } from && filter.To is { } to && from >= to)
        {
            throw RequestValidationException.ForField("to", "A moment after 'from'.");
        }
        var allowed = CasePermissions.ReadAccessLog.RoleMay(caller.Role);
        await accessLog.AppendAsync([AccessRecord.Of(caller, AccessRecord.SearchPartition, SearchOperation, Describe(filter), allowed, clock.Now)],
            cancellationToken);
        if (!allowed)
        {
            throw new ForbiddenException(CasePermissions.ReadAccessLog.RefusalForOthers);
        }
        return await accessLog.SearchAsync(filter, page, cancellationToken);
    }

    /// <summary>The filter as given: staff and organisation ids and times, never a returnee's data.</summary>
    private static string Describe(AccessLogFilter filter) => string.Join("; ", new[]
    {
        filter.ActorId is { } actor ? $"actorId={actor}" : null,
        filter.OrganisationId is { } organisation ? $"organisationId={organisation.Value}" : null,
        filter.From is { } from ? $"from={from:O}" : null,
        filter.To is { } to ? $"to={to:O}" : null,
    }.Where(part => part is not null));
}
