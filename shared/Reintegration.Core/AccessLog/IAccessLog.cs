using Reintegration.Core.Cases;
using Reintegration.Core.Ids;
using Reintegration.Core.Storage;

namespace Reintegration.Core.AccessLog;

/// <summary>The access log: records are only ever added, each in its case's partition.</summary>
public interface IAccessLog
{
    Task AppendAsync(IReadOnlyCollection<AccessRecord> records, CancellationToken cancellationToken);

    /// <summary>The records of one case, newest first.</summary>
    Task<Page<AccessRecord>> OfCaseAsync(string caseId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Records across cases, newest first, by actor, organisation and period (each optional).</summary>
    Task<Page<AccessRecord>> SearchAsync(AccessLogFilter filter, PageRequest page, CancellationToken cancellationToken);
}

public sealed record AccessLogFilter(string? ActorId, OrganisationId? OrganisationId, DateTimeOffset? From, DateTimeOffset? To);
