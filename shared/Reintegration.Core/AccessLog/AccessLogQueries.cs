using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;

namespace Reintegration.Core.AccessLog;

/// <summary>The data protection officer reads who saw or changed what: per case, or across cases by actor, organisation and period.</summary>
public sealed class AccessLogQueries(CaseGate gate, IAccessLog accessLog)
{
    public async Task<Page<AccessRecord>> OfCaseAsync(Caller caller, CaseId caseId, PageRequest page, CancellationToken cancellationToken)
    {
        await gate.ReadAsync(caller, caseId, CasePermissions.ReadAccessLog, cancellationToken);
        return await accessLog.OfCaseAsync(caseId.Value, page, cancellationToken);
    }

    public Task<Page<AccessRecord>> SearchAsync(Caller caller, AccessLogFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        if (!CasePermissions.ReadAccessLog.RoleMay(caller.Role))
        {
            throw new ForbiddenException(CasePermissions.ReadAccessLog.RefusalForOthers);
        }
        if (filter.From is { } from && filter.To is { } to && from >= to)
        {
            throw RequestValidationException.ForField("to", "A moment after 'from'.");
        }
        return accessLog.SearchAsync(filter, page, cancellationToken);
    }
}
