using Reintegration.Core.Access;

namespace Reintegration.Core.AccessLog;

/// <summary>
/// One read or change of personal data, allowed or refused: who, in which role and organisation, which case and what,
/// when, and the request it belonged to. Append-only. Never holds personal data itself: ids and operation names only.
/// </summary>
public sealed record AccessRecord
{
    /// <summary>Where reference-data changes are recorded: they concern no case.</summary>
    public const string ReferenceDataPartition = "reference-data";

    /// <summary>Where searches of the access log across cases are recorded: they concern no one case.</summary>
    public const string SearchPartition = "access-log-searches";

    public required string Id { get; init; }

    /// <summary>The case's id, or <see cref="ReferenceDataPartition"/> or <see cref="SearchPartition"/>.</summary>
    public required string CaseId { get; init; }

    public required DateTimeOffset At { get; init; }
    public required string ActorId { get; init; }
    public required string ActorRole { get; init; }
    public required string ActorOrganisationId { get; init; }

    /// <summary>The operation, e.g. view-case, list-cases, read-document, approve-plan, export.</summary>
    public required string What { get; init; }

    /// <summary>Which part, when the operation names one: a document, checkpoint or spending id, a reference item.</summary>
    public string? Detail { get; init; }

    public required bool Allowed { get; init; }
    public string? CorrelationId { get; init; }

    /// <summary>Sorts newest first and is unique: the time to the tick, then the id.</summary>
    public string OrderKey => $"{At.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}Z/{Id}";

    public static AccessRecord Of(Caller caller, string caseId, string what, string? detail, bool allowed, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid().ToString("D"),
        CaseId = caseId,
        At = at,
        ActorId = caller.UserId,
        ActorRole = caller.RoleName,
        ActorOrganisationId = caller.OrganisationId,
        What = what,
        Detail = detail,
        Allowed = allowed,
        CorrelationId = caller.CorrelationId,
    };
}
